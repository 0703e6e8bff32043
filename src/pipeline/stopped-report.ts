import type {FactName} from '../analysis/facts.js';
import {checks} from '../checks/registry.js';
import type {PhotoInput} from '../input/read.js';
import type {Profile} from '../profiles/schema.js';
import {buildReport} from '../report/build.js';
import type {CheckResult, PhotoReport} from '../report/schema.js';
import {checkPhoto, type PhotoContext} from './check-photo.js';
import {resultBase} from './run-check.js';

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
		? {...base, status: 'warn', message: `Not checked: ${why}; check it again on its own.`}
		: {...base, status: 'skip', message: `Not assessed: ${why}.`};
}
