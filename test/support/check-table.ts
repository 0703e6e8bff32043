/**
 * A check's tests as a table, the way eslint's RuleTester works: facts and limits in, status, reason
 * and the figures of the message out. Every table also proves that each threshold of the check is
 * read from its limits: changed, the new value shows in the message where the default did.
 */
import {describe, expect, test} from 'vitest';
import type {FactName, FactValues} from '../../src/analysis/facts.js';
import {type AnyCheck, type Check, type CheckOutcome, fixOf, requirementOf} from '../../src/checks/define.js';
import {formatMegabytes, num, percent} from '../../src/format.js';
import {limitsOf} from '../../src/pipeline/run-check.js';
import {caPrCard} from '../../src/profiles/index.js';
import type {ReturnReason} from '../../src/reasons.js';
import type {FixAction, Status} from '../../src/report/schema.js';

export interface CheckCase<N extends FactName, L> {
	name: string;
	facts: Pick<FactValues, N>;
	/** Thresholds changed for this case only. */
	limits?: Partial<L>;
	status: Status;
	/** The outcome's own reason, when it is not the check's. */
	reason?: ReturnReason;
	/** What the message must contain (a string) or match (a pattern). */
	message?: ReadonlyArray<string | RegExp>;
	/** The fix of this outcome (its own or the check's): its action, and what its `how` must contain. */
	fix?: {action: FixAction; how?: ReadonlyArray<string>};
	/** The limits the outcome judged its figures by, when not the figures' own (`bounds`). */
	bounds?: CheckOutcome['bounds'];
}

export interface CheckTable<N extends FactName, L> {
	cases: ReadonlyArray<CheckCase<N, L>>;
	/** Thresholds no message shows, each with the reason why. */
	unshown?: Partial<Record<keyof L & string, string>>;
}

/** How a threshold may be written in a message. */
const RENDERINGS: ReadonlyArray<(value: number) => string> = [
	(value) => num(value, 0),
	(value) => num(value, 1),
	(value) => num(value, 2),
	(value) => num(value, 3),
	(value) => percent(value, 0),
	(value) => percent(value, 1),
	(value) => String(value),
	(value) => formatMegabytes(value),
];

const NUDGES = [0.0137, -0.0137, 0.061, -0.061, 0.17, -0.17, 0.5];

export function testCheck<Id extends string, N extends FactName, L>(check: Check<Id, N, L>, table: CheckTable<N, L>): void {
	const defaults = limitsOf(check as AnyCheck, caPrCard) as L;
	const run = (item: CheckCase<N, L>, limits: L) => {
		const merged = {...limits, ...item.limits} as L;
		const outcome = check.run(item.facts, merged);
		const fix = outcome.status === 'fail' || outcome.status === 'warn' ? (outcome.fix ?? fixOf(check, merged)) : undefined;
		return {...outcome, fix, text: `${requirementOf(check, merged)} ${outcome.message} ${fix?.how ?? ''}`};
	};

	describe(check.id, () => {
		test.each(table.cases.map((item) => [item.name, item] as const))('%s', (_, item) => {
			const outcome = run(item, defaults);
			expect(outcome.status).toBe(item.status);
			expect(outcome.reason).toBe(item.reason);
			for (const expected of item.message ?? []) {
				if (typeof expected === 'string') expect(outcome.message).toContain(expected);
				else expect(outcome.message).toMatch(expected);
			}
			if (item.fix) {
				expect(outcome.fix?.action).toBe(item.fix.action);
				for (const expected of item.fix.how ?? []) expect(outcome.fix?.how).toContain(expected);
			}
			if (item.bounds) expect(outcome.bounds).toEqual(item.bounds);
			// Bounds name a figure the check labels and limits it has.
			for (const [key, bounds] of Object.entries(outcome.bounds ?? {})) {
				expect(
					check.figures?.map((figure) => figure.key),
					`${check.id}: bounds of an unlabelled figure`,
				).toContain(key);
				for (const limit of Object.values(bounds)) expect(defaults as Record<string, unknown>).toHaveProperty(limit as string);
			}
		});

		const paths = thresholdPaths(defaults as Record<string, unknown>);
		if (paths.length === 0) return;
		test.each(paths)('the messages follow %s', (path) => {
			const key = path.split('.')[0] as keyof L & string;
			if (table.unshown?.[key]) return;
			const found = showsChangedLimit(check as AnyCheck, table.cases as never, defaults as Record<string, unknown>, path, run as never);
			expect(found, `no case shows ${check.id}'s ${path} in its message, or its message does not follow a change of it`).toBe(true);
		});
	});
}

/** Every numeric threshold: `key`, or `key.0` and `key.1` for a pair. */
function thresholdPaths(limits: Record<string, unknown>): string[] {
	return Object.entries(limits).flatMap(([key, value]) => {
		if (typeof value === 'number') return [key];
		if (Array.isArray(value)) return value.map((_, index) => `${key}.${index}`);
		return [];
	});
}

function withValue(limits: Record<string, unknown>, path: string, value: number): Record<string, unknown> {
	const [key = '', index] = path.split('.');
	if (index === undefined) return {...limits, [key]: value};
	const pair = [...(limits[key] as number[])];
	pair[Number(index)] = value;
	return {...limits, [key]: pair};
}

function valueAt(limits: Record<string, unknown>, path: string): number {
	const [key = '', index] = path.split('.');
	const value = limits[key];
	return (index === undefined ? value : (value as number[])[Number(index)]) as number;
}

/** Whether some case writes the default in its message and, with the threshold nudged (same status), the new value instead. */
function showsChangedLimit(
	check: AnyCheck,
	cases: ReadonlyArray<CheckCase<FactName, unknown>>,
	defaults: Record<string, unknown>,
	path: string,
	run: (item: CheckCase<FactName, unknown>, limits: Record<string, unknown>) => {status: Status; text: string},
): boolean {
	const value = valueAt(defaults, path);
	const integer = Number.isInteger(value) && Math.abs(value) >= 2;
	const schema = check.limits?.schema;
	for (const item of cases) {
		const before = run(item, defaults);
		for (const render of RENDERINGS) {
			if (!containsFigure(before.text, render(value))) continue;
			for (const nudge of NUDGES) {
				let changed = value === 0 ? nudge : value * (1 + nudge);
				if (integer) changed = Math.round(changed) === value ? value + Math.sign(nudge) : Math.round(changed);
				if (render(changed) === render(value)) continue;
				const limits = withValue(defaults, path, changed);
				if (schema && !schema.safeParse(limits).success) continue;
				if ((check.limits?.order ?? []).some(([low, high]) => valueAt(limits, low) > valueAt(limits, high))) continue;
				const after = run(item, limits);
				if (after.status === before.status && containsFigure(after.text, render(changed))) return true;
			}
		}
	}
	return false;
}

/** Whether the text writes this figure as a whole number: "0.5" is not in "0.54", nor "4" in "44.3 %". */
function containsFigure(text: string, figure: string): boolean {
	const escaped = figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![\\d.,])${escaped}(?![\\d]|[.,]\\d)`).test(text);
}
