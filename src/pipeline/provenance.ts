import type {Profile} from '../profiles/schema.js';
import type {Provenance} from '../report/schema.js';
import {LIBRARY_VERSION} from '../version.js';

/** Which rules judged which bytes: what an audit of a stored photo needs years later. */
export function provenanceOf(profile: Pick<Profile, 'id' | 'version'>, sha256: string | undefined): Provenance {
	return {
		library: 'photo-requirements',
		libraryVersion: LIBRARY_VERSION,
		profile: profile.id,
		profileVersion: profile.version,
		...(sha256 === undefined ? {} : {sha256}),
	};
}
