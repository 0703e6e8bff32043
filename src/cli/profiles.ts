import type {ProfileSummary} from '../profiles/index.js';

/** `--list-profiles`: each profile, its version and title, what it runs, and the pages its rules come from. */
export function formatProfiles(summaries: readonly ProfileSummary[]): string {
	return summaries
		.map((profile) =>
			[
				`${profile.id} ${profile.version}: ${profile.title}`,
				`  ${profile.checks.length} checks; a crop is ${profile.suggestCrop ? 'suggested when it would fix the framing' : 'never suggested (the document forbids any change)'}`,
				...profile.references.map((reference) => `  ${reference.url} (read ${reference.checked})`),
			].join('\n'),
		)
		.join('\n\n')
		.concat('\n');
}
