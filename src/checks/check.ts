import type {FactName, FactValues} from '../analysis/facts.js';
import type {Profile} from '../profiles/schema.js';
import type {ReturnReason} from '../reasons.js';
import type {CheckResult, Status} from '../report/schema.js';
import type {CheckId} from './ids.js';

/** What a check decides; the pipeline adds the id, reason and requirement. */
export interface CheckOutcome {
	status: Exclude<Status, 'skip'> | 'skip';
	message: string;
	measured?: CheckResult['measured'];
	limits?: CheckResult['limits'];
	/** The portal reason of this outcome, when it differs from the check's own (e.g. washed out rather than too dark). */
	reason?: ReturnReason;
}

/**
 * A check: a pure function of the facts it names and the profile. It never decodes or runs a model
 * itself; the pipeline resolves `needs` first, and when one of them is unavailable the check is
 * skipped with that fact's message (or, for a fact in `failsWithout`, fails with it).
 */
export interface Check<N extends FactName = FactName> {
	readonly id: CheckId;
	/** The requirement, in IRCC's words. */
	readonly requirement: string;
	/** The portal reason a failure is reported under. */
	readonly reason: ReturnReason;
	/** What to do about it, added to the message when the check fails or warns (for checks whose messages do not say it themselves). */
	readonly advice?: string;
	readonly needs: readonly N[];
	/** Facts whose absence is itself a failure of this check (e.g. no decodable image, no face); any other missing fact skips it. */
	readonly failsWithout?: readonly FactName[];
	run(facts: Pick<FactValues, N>, profile: Profile): CheckOutcome;
}

/** Declares a check with its fact names inferred, so `run` sees exactly the facts it asked for. */
export function defineCheck<const N extends FactName>(check: Check<N>): Check<N> {
	return check;
}

/** One formatter per precision: building an Intl.NumberFormat per call showed in profiles. */
const formatters = new Map<number, Intl.NumberFormat>();

/** Formats a number for a message: at most `digits` decimals, no trailing zeros. */
export function num(value: number, digits = 1): string {
	let formatter = formatters.get(digits);
	if (!formatter) {
		formatter = new Intl.NumberFormat('en-US', {maximumFractionDigits: digits, useGrouping: true});
		formatters.set(digits, formatter);
	}
	return formatter.format(value);
}

export function percent(fraction: number, digits = 1): string {
	return `${num(fraction * 100, digits)} %`;
}
