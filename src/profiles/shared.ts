import {CHECK_IDS} from '../checks/registry.js';
import {caPrCard} from './ca-pr-card.js';
import type {Profile} from './schema.js';

type Group = Exclude<keyof Profile, 'id' | 'title' | 'version' | 'references' | 'checks' | 'reasons' | 'suggestCrop' | 'sources'>;

/**
 * The PR card's groups, with their sources, for a profile whose document asks the same of the face
 * and the image: those thresholds were calibrated on the shared photos and the variants, and what
 * they measure (sharpness, an open eye, a smile) does not change with the document.
 */
export function calibratedGroups<const G extends Group>(
	...keys: readonly G[]
): {groups: Pick<typeof caPrCard, G>; sources: Partial<Record<G, {source: string; checked: string}>>} {
	const groups = Object.fromEntries(keys.map((key) => [key, caPrCard[key]])) as Pick<typeof caPrCard, G>;
	const sources = Object.fromEntries(
		keys.map((key) => {
			const source = caPrCard.sources[key as keyof typeof caPrCard.sources];
			return [key, {source: `As for the PR card, calibrated on the same photos: ${source.source}`, checked: source.checked}];
		}),
	) as Partial<Record<G, {source: string; checked: string}>>;
	return {groups, sources};
}

/** The face and image checks every Canadian document's photo is held to, calibrated once. */
export const FACE_AND_IMAGE = [
	'exposure',
	'glare',
	'lightingUniform',
	'sharpness',
	'faceCount',
	'faceVisible',
	'eyesOpen',
	'neutralExpression',
	'faceCentred',
	'headPose',
	'glasses',
	'naturalColour',
	'decode',
] as const;

/**
 * "White or light-coloured" (visa, passport), against the PR card's "white": a light grey, pink or
 * pale blue studio backdrop is light-coloured. The shared photos' backdrops measure L* 75.7–89.2
 * (London light grey), Ontario's pink ≤ 84.6 with chroma 6.2–12.5, a pale blue 14.1: fail below L*
 * 70 or above chroma 15 (a mid-grey or coloured backdrop), warn below 75 or above 10; plainness,
 * shading and shadows as for the PR card.
 */
export const LIGHT_BACKGROUND = {...caPrCard.backgroundWhite, minLightness: 70, warnLightness: 75, maxChroma: 15, warnChroma: 10};

/** The catalogue less the pixel and file-size limits: for a document whose rules found give none (citizenship, passport). */
export const WITHOUT_FILE_LIMITS = CHECK_IDS.filter((id) => id !== 'dimensions' && id !== 'file-size');
