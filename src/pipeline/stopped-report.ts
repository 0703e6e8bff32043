import type {FactName} from '../analysis/facts.js';
import {checks} from '../checks/registry.js';
import type {PhotoInput} from '../input/read.js';
import type {Profile} from '../profiles/schema.js';
import {buildReport} from '../report/build.js';
import type {CheckResult, PhotoReport} from '../report/schema.js';
import {checkPhoto, type PhotoContext} from './check-photo.js';
import {INTERNAL_ERROR_MESSAGE, resultBase} from './run-check.js';

/** How the message of every check a stopped photo did not run begins. */
export const NOT_CHECKED_MESSAGE = 'Not checked: ';

/**
 * Facts read from the file's bytes and header alone: bounded by the file's size, whatever its
 * structure (no pixel is decoded, no model run). Checks that need only these can always be given.
 */
const FILE_FACTS: ReadonlySet<FactName> = new Set(['size', 'file', 'sha256', 'type', 'header', 'jpeg', 'metadata', 'now']);

/** The profile's checks that need only file facts (file-size, dimensions, aspect-ratio, recent). */
export function fileLevelChecks(profile: Profile): Profile['checks'] {
	return profile.checks.filter((id) => checks[id].needs.every((fact) => FILE_FACTS.has(fact)));
}

/**
 * The report of a photo stopped part way (its time ran out): the file-level checks are given (a file
 * over 4 MB is still returned for it), and every other check says it was not run and why.
 */
export async function stoppedReport(input: PhotoInput, profile: Profile, why: string, context: PhotoContext): Promise<PhotoReport> {
	const given = new Set(fileLevelChecks(profile));
	const partial = await checkPhoto(input, {...profile, checks: profile.checks.filter((id) => given.has(id))}, {...context, annotate: false});
	const byId = new Map(partial.checks.map((result) => [result.id, result]));
	const results = profile.checks.map((id) => byId.get(id) ?? notRun(id, profile, why));
	const {verdict: _verdict, reasons: _reasons, checks: _checks, advice, ...rest} = partial;
	// The file-level checks' advice stands; the checks not run have none.
	return {...buildReport({...rest, checks: results}), advice};
}

function notRun(id: Profile['checks'][number], profile: Profile, why: string): CheckResult {
	const base = resultBase(checks[id], profile);
	return id === 'file-format'
		? {...base, status: 'warn', message: `${NOT_CHECKED_MESSAGE}${why}; check it again on its own.`}
		: {...base, status: 'skip', message: `${NOT_CHECKED_MESSAGE}${why}.`};
}

/**
 * The checks of a report that did not run to the end: those of a photo stopped part way (its time
 * ran out) and those an internal error stopped. Empty for a photo fully checked, whatever its verdict.
 */
export function checksNotRun(report: Pick<PhotoReport, 'checks'>): string[] {
	return report.checks
		.filter((check) => check.message.startsWith(NOT_CHECKED_MESSAGE) || check.message.startsWith(INTERNAL_ERROR_MESSAGE))
		.map((check) => check.id);
}
