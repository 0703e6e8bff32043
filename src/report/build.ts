import type {Fix} from '../checks/define.js';
import {RETURN_REASON_CODES, type ReturnReason} from '../reasons.js';
import {adviceOf} from './advice.js';
import type {CheckResult, PhotoReport, Verdict} from './schema.js';

/** return when any check failed, review when any warned, accept otherwise (a skip decides nothing). */
export function verdictOf(checks: readonly CheckResult[]): Verdict {
	if (checks.some((check) => check.status === 'fail')) return 'return';
	if (checks.some((check) => check.status === 'warn')) return 'review';
	return 'accept';
}

/** The distinct reasons of the failed checks, in the portal's order. */
export function reasonsOf(checks: readonly CheckResult[]): ReturnReason[] {
	const failed = new Set(checks.filter((check) => check.status === 'fail').map((check) => check.reason));
	return RETURN_REASON_CODES.filter((reason) => failed.has(reason));
}

/** The report of these checks: its verdict, the portal's reasons, and what to do (from each check's fix and the suggested crop). */
export function buildReport(parts: Omit<PhotoReport, 'verdict' | 'reasons' | 'advice'>, fixes: ReadonlyMap<string, Fix> = new Map()): PhotoReport {
	const {checks, suggestedCrop, ...rest} = parts;
	return {
		verdict: verdictOf(checks),
		reasons: reasonsOf(checks),
		advice: adviceOf(checks, fixes, suggestedCrop),
		...(suggestedCrop ? {suggestedCrop} : {}),
		checks,
		...rest,
	};
}
