import {checks} from '../checks/registry.js';
import type {Profile} from '../profiles/schema.js';
import {buildReport} from '../report/build.js';
import type {PhotoReport} from '../report/schema.js';
import {provenanceOf} from './provenance.js';
import {resultBase} from './run-check.js';

/**
 * The report of a photo that could not be checked (e.g. it ran out of time): `file-format` warns
 * with `why`, every other check skips, so the verdict is `review`, never a silent accept.
 */
export function uncheckedReport(profile: Profile, why: string, extra: Pick<PhotoReport, 'source' | 'timings'> = {}): PhotoReport {
	const results = profile.checks.map((id) => {
		const base = resultBase(checks[id], profile);
		return id === 'file-format'
			? {...base, status: 'warn' as const, message: `Not checked: ${why}; check it again on its own.`}
			: {...base, status: 'skip' as const, message: `Not assessed: ${why}.`};
	});
	return buildReport({checks: results, profile: profile.id, provenance: provenanceOf(profile, undefined), ...extra});
}
