import {type FactName, FactUnavailable, type FactValues, type PhotoFacts} from '../analysis/facts.js';
import {type AnyCheck, type Fix, fixOf, requirementOf} from '../checks/define.js';
import type {Profile} from '../profiles/schema.js';
import type {CheckResult, Status} from '../report/schema.js';

/** A check's thresholds from the profile (`{}` for a check with none). */
export function limitsOf(check: AnyCheck, profile: Profile): Record<string, unknown> {
	return check.limits ? ((profile as unknown as Record<string, Record<string, unknown>>)[check.limits.group] ?? {}) : {};
}

/** The thresholds as a report carries them: numbers and words, a pair written `low…high`. */
export function reportedLimits(limits: Record<string, unknown>): CheckResult['limits'] {
	const out: Record<string, number | string> = {};
	for (const [key, value] of Object.entries(limits)) {
		if (typeof value === 'number' || typeof value === 'string') out[key] = value;
		else if (Array.isArray(value)) out[key] = value.join('…');
	}
	return Object.keys(out).length > 0 ? out : undefined;
}

/** The parts of a result every outcome shares: id, portal reason, the requirement as the limits phrase it, the limits. */
export function resultBase(
	check: AnyCheck,
	profile: Profile,
	limits = limitsOf(check, profile),
): Pick<CheckResult, 'id' | 'reason' | 'requirement' | 'limits'> {
	const reported = reportedLimits(limits);
	return {id: check.id, reason: check.reason, requirement: requirementOf(check, limits), ...(reported ? {limits: reported} : {})};
}

/** How the message of a check stopped by a bug (not by the photo) begins. */
export const INTERNAL_ERROR_MESSAGE = 'Not assessed: an internal error stopped this check';

/** A check's result, and what would fix it when it failed or warned (for `report.advice`). */
export interface CheckRun {
	result: CheckResult;
	fix?: Fix | undefined;
}

/** Run one check on the photo's facts: resolve what it needs, judge, and word the result. Never throws. */
export async function runCheck(check: AnyCheck, facts: PhotoFacts, profile: Profile): Promise<CheckRun> {
	const limits = limitsOf(check, profile);
	const base = resultBase(check, profile, limits);
	try {
		const entries = await Promise.all(check.needs.map(async (name) => [name, await facts.get(name)] as const));
		const values = Object.fromEntries(entries) as Pick<FactValues, FactName>;
		const {status, message, measured, reason, fix, bounds} = check.run(values, limits);
		// An outcome may name its own reason (exposure: too dark is TOO_DARK, washed out is not), its own fix, and the limits it judged its figures by.
		return {
			result: {...base, status, reason: reason ?? check.reason, message, ...(measured ? {measured} : {}), ...(bounds ? {bounds} : {})},
			fix: needsFix(status) ? (fix ?? fixOf(check, limits)) : undefined,
		};
	} catch (error) {
		if (error instanceof FactUnavailable) {
			return error.fact && check.failsWithout?.includes(error.fact)
				? {result: {...base, status: 'fail', message: error.message}, fix: fixOf(check, limits)}
				: {result: {...base, status: 'skip', message: `Not assessed: ${lowerFirst(error.message)}`}};
		}
		// A bug, not a bad photo: the batch goes on, and the photo is flagged for a person to look at.
		const detail = error instanceof Error ? error.message : String(error);
		return {result: {...base, status: 'warn', message: `${INTERNAL_ERROR_MESSAGE} (${detail}); please report it with the photo.`}};
	}
}

function needsFix(status: Status): boolean {
	return status === 'fail' || status === 'warn';
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}
