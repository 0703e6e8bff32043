import {Given, invalidArgument, quoted} from '../arguments.js';
import {issueError} from '../options.js';
import {RETURN_REASONS, type ReturnReason} from '../reasons.js';
import {caCitizenship} from './ca-citizenship.js';
import {caPassport} from './ca-passport.js';
import {caPrCard} from './ca-pr-card.js';
import {caVisa} from './ca-visa.js';
import {type Profile, type ProfileOverrides, profileOverridesSchema, profileSchema} from './schema.js';

/** The profiles this package ships, by id. */
export const profiles: Readonly<Record<string, Profile>> = Object.freeze({
	[caPrCard.id]: caPrCard,
	[caVisa.id]: caVisa,
	[caCitizenship.id]: caCitizenship,
	[caPassport.id]: caPassport,
});

export const defaultProfileId = caPrCard.id;

export {caCitizenship, caPassport, caPrCard, caVisa, type Profile, type ProfileOverrides, profileOverridesSchema, profileSchema};

/** A shipped profile by id (default: `ca-pr-card`), or undefined. */
export function findProfile(id: string = defaultProfileId): Profile | undefined {
	return Object.hasOwn(profiles, id) ? profiles[id] : undefined;
}

/** A profile as `--list-profiles` and `GET /v1/profiles` list it: what it is, its version, its checks and where its rules come from. */
export type ProfileSummary = Pick<Profile, 'id' | 'title' | 'version' | 'references' | 'checks' | 'suggestCrop' | 'sources'>;

/** Every shipped profile, summarised, the default first. */
export function profileSummaries(): ProfileSummary[] {
	return Object.values(profiles).map(({id, title, version, references, checks, suggestCrop, sources}) => ({
		id,
		title,
		version,
		references,
		checks,
		suggestCrop,
		sources,
	}));
}

/** How the profile's process words a return reason: the PR Portal's words for a profile this package does not ship. */
export function reasonWords(profileId: string, reason: ReturnReason): string {
	return findProfile(profileId)?.reasons[reason] ?? RETURN_REASONS[reason];
}

/** The ids among `ids` that the profile does not run, in the order given. */
export function unknownChecks(profile: Profile, ids: readonly string[]): string[] {
	return ids.filter((id) => !(profile.checks as readonly string[]).includes(id));
}

/** A shipped profile by id, or a given one, with overrides applied; a TypeError naming the option when it is wrong. */
export function resolveProfile(profile: string | Profile | undefined, overrides: ProfileOverrides | undefined, caller: string): Profile {
	const base = typeof profile === 'object' ? profile : findProfile(profile);
	if (!base) throw invalidArgument(caller, 'options.profile', `one of ${quoted(Object.keys(profiles))} or a profile object`, profile);
	if (!overrides) return base;
	const result = profileSchema.safeParse(mergeOverrides(base, overrides));
	if (result.success) return result.data;
	const issue = result.error.issues[0]!;
	// The issue's path starts at the group: it is reported as the override that caused it.
	throw issueError(caller, issue, overrides, profileOverridesSchema, 'options.overrides');
}

function mergeOverrides(profile: Profile, overrides: ProfileOverrides): Record<string, unknown> {
	const merged: Record<string, unknown> = {...profile};
	for (const [group, values] of Object.entries(overrides)) {
		merged[group] = {...((profile as Record<string, unknown>)[group] as object), ...values};
	}
	return merged;
}

/** The profile restricted to `checks` (kept in the profile's order); a TypeError for a check it does not have. */
export function selectChecks(profile: Profile, checks: readonly string[] | undefined, caller: string): Profile {
	if (!checks) return profile;
	const unknown = unknownChecks(profile, checks);
	if (unknown.length > 0) {
		throw invalidArgument(caller, 'options.checks', `checks of the "${profile.id}" profile (${profile.checks.join(', ')})`, new Given(quoted(unknown)));
	}
	return {...profile, checks: profile.checks.filter((id) => checks.includes(id))};
}
