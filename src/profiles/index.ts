import {caPrCard} from './ca-pr-card.js';
import {type Profile, type ProfileOverrides, profileOverridesSchema, profileSchema} from './schema.js';

/** The profiles this package ships, by id. */
export const profiles: Readonly<Record<string, Profile>> = Object.freeze({[caPrCard.id]: caPrCard});

export const defaultProfileId = caPrCard.id;

export {caPrCard, type Profile, type ProfileOverrides, profileOverridesSchema, profileSchema};

/** A profile with overrides applied group by group; the result is validated as a whole. */
export function applyOverrides(profile: Profile, overrides: ProfileOverrides | undefined): Profile {
	if (!overrides) return profile;
	const merged: Record<string, unknown> = {...profile};
	for (const [group, values] of Object.entries(overrides)) {
		merged[group] = {...((profile as Record<string, unknown>)[group] as object), ...values};
	}
	return profileSchema.parse(merged);
}
