import {z} from 'zod';
import type {ReducedImage} from '../../analysis/pixels/reduced.js';
import {finite, num, percent, round} from '../../format.js';
import {type CheckOutcome, defineCheck} from '../define.js';

export const exposure = defineCheck({
	id: 'exposure',
	requirement: 'The photo must not be too dark, nor washed out: the face evenly and correctly exposed.',
	reason: 'TOO_DARK',
	fix: {action: 'retake', how: 'in even light that shows the face clearly (brightening or darkening the file afterwards counts as alteration)'},
	needs: ['faceRegion', 'reduced'],
	figures: [
		{key: 'faceLightness', label: 'face lightness (L*, median)', between: ['minFaceLightness', 'maxFaceLightness']},
		{key: 'clippedShare', label: 'face clipped to white', unit: '%', atMost: 'maxClippedShare', safeFrom: 'warnClippedShare'},
		{key: 'highlight', label: 'brightest 1 % of the photo (of 255)', atLeast: 'minHighlight'},
	],
	limits: {
		group: 'exposure',
		schema: z
			.object({
				/** Median L* of the face's skin below which the photo is too dark whatever else is in it (fail), or may be (warn). */
				minFaceLightness: z.number().min(0).max(100),
				warnFaceLightness: z.number().min(0).max(100),
				/**
				 * Dark skin is not under-exposure: below `darkFaceLightness` the photo is too dark only when
				 * nothing in it is bright either (the 99th percentile of its luma, 0–255, below `minHighlight`).
				 */
				darkFaceLightness: z.number().min(0).max(100),
				minHighlight: z.number().min(0).max(255),
				/**
				 * Median L* of the face's skin above which it is washed out when detail is lost too: at least
				 * `brightClippedShare` of it clipped (fail); a bright face that keeps its detail warns.
				 */
				maxFaceLightness: z.number().min(0).max(100),
				brightClippedShare: z.number().min(0).max(1),
				/** Median L* above which the face is washed out whatever is clipped (fail). */
				maxDetailedFaceLightness: z.number().min(0).max(100),
				/** Median L* above which it may be over-exposed (warn). */
				warnMaxFaceLightness: z.number().min(0).max(100),
				/** Share of the skin at L* ≥ 97 (OFIQ's over-exposure, luma ≥ 247) above which the face is washed out (fail, warn). */
				maxClippedShare: z.number().min(0).max(1),
				warnClippedShare: z.number().min(0).max(1),
			})
			.strict(),
		order: [
			['minFaceLightness', 'warnFaceLightness'],
			['minFaceLightness', 'darkFaceLightness'],
			['warnFaceLightness', 'warnMaxFaceLightness'],
			['warnMaxFaceLightness', 'maxFaceLightness'],
			['maxFaceLightness', 'maxDetailedFaceLightness'],
			['brightClippedShare', 'maxClippedShare'],
			['warnClippedShare', 'maxClippedShare'],
		],
	},
	run({faceRegion, reduced}, limits): CheckOutcome {
		const {medianL, brightShare, darkShare} = faceRegion.tone;
		const highlight = lumaQuantile(reduced, 0.99);
		const measured = finite({faceLightness: round(medianL), clippedShare: round(brightShare, 3), blackShare: round(darkShare, 3), highlight});
		if (!Number.isFinite(medianL)) return {status: 'skip', message: 'Not assessed: no skin of the face could be measured.', measured};
		const face = `the face's skin has a median lightness of L* ${num(medianL, 0)}`;
		// Each outcome names the limits it judged the lightness by (`bounds`), so the figure's limit says what its message says.
		if (medianL < limits.minFaceLightness) {
			return {
				status: 'fail',
				message: `Too dark: ${face} (needs at least ${limits.minFaceLightness}).`,
				measured,
				bounds: {faceLightness: {atLeast: 'minFaceLightness'}},
			};
		}
		// Dark skin in a well-exposed photo sits beside something bright (a white backdrop, a shirt); an under-exposed photo has nothing bright.
		if (medianL < limits.darkFaceLightness && highlight < limits.minHighlight) {
			return {
				status: 'fail',
				message: `Too dark: ${face} (below ${limits.darkFaceLightness}) and nothing in the photo is bright (its brightest 1 % reaches ${highlight} of 255, at least ${limits.minHighlight} in a well-exposed photo).`,
				measured,
				bounds: {faceLightness: {atLeast: 'darkFaceLightness'}},
			};
		}
		if (medianL < limits.warnFaceLightness) {
			return {
				status: 'warn',
				message: `Possibly too dark: ${face} (at least ${limits.warnFaceLightness} is safe).`,
				measured,
				bounds: {faceLightness: {atLeast: 'minFaceLightness', safeFrom: 'warnFaceLightness'}},
			};
		}
		// Too bright is not too dark: every outcome from here on that fails or warns is OTHER_REQUIREMENT, as a washed out photo is returned for.
		const washed = (text: string) => `${face} and ${percent(brightShare, 0)} of it is clipped to white; ${text}`;
		// Washed out is detail lost, not light skin: a bright face fails when it is also clipped, or far too bright.
		const lostDetail = medianL > limits.maxFaceLightness && brightShare >= limits.brightClippedShare;
		if (medianL > limits.maxDetailedFaceLightness || lostDetail || brightShare > limits.maxClippedShare) {
			return {
				status: 'fail',
				reason: 'OTHER_REQUIREMENT',
				message: `Washed out (over-exposed): ${washed(
					`at most L* ${limits.maxDetailedFaceLightness}, at most L* ${limits.maxFaceLightness} with ${percent(limits.brightClippedShare, 0)} or more clipped, and at most ${percent(limits.maxClippedShare, 0)} clipped.`,
				)}`,
				measured,
				bounds: washedBounds(medianL > limits.maxDetailedFaceLightness, lostDetail),
			};
		}
		if (medianL > limits.maxFaceLightness) {
			return {
				status: 'warn',
				reason: 'OTHER_REQUIREMENT',
				message: `Bright but detailed: ${face} (above ${limits.maxFaceLightness}), yet only ${percent(brightShare, 1)} of it is clipped to white (under ${percent(limits.brightClippedShare, 0)}): light skin, or a face close to washed out; a person should look.`,
				measured,
				bounds: {
					faceLightness: {atMost: 'maxDetailedFaceLightness', safeFrom: 'maxFaceLightness'},
					clippedShare: {atMost: 'brightClippedShare'},
				},
			};
		}
		if (medianL > limits.warnMaxFaceLightness || brightShare > limits.warnClippedShare) {
			return {
				status: 'warn',
				reason: 'OTHER_REQUIREMENT',
				message: `Possibly over-exposed: ${washed(`at most L* ${limits.warnMaxFaceLightness} and ${percent(limits.warnClippedShare, 0)} clipped are safe.`)}`,
				measured,
				bounds: {faceLightness: {atMost: 'maxFaceLightness', safeFrom: 'warnMaxFaceLightness'}},
			};
		}
		return {status: 'pass', message: `Well exposed: ${face}, ${percent(brightShare, 1)} of it clipped to white.`, measured};
	},
});

/** The limits a washed-out face was judged by: far too bright, or bright and clipped, or clipped whatever its lightness. */
function washedBounds(farTooBright: boolean, lostDetail: boolean): CheckOutcome['bounds'] {
	if (farTooBright) return {faceLightness: {atMost: 'maxDetailedFaceLightness'}};
	if (lostDetail) return {faceLightness: {atMost: 'maxFaceLightness'}, clippedShare: {atMost: 'brightClippedShare'}};
	return {clippedShare: {atMost: 'maxClippedShare', safeFrom: 'warnClippedShare'}};
}

/** The luma (0–255) below which a share `q` of the photo's pixels lie. */
export function lumaQuantile(reduced: Pick<ReducedImage, 'histogram'>, q: number): number {
	let total = 0;
	for (const count of reduced.histogram) total += count;
	let seen = 0;
	for (let value = 0; value < 256; value++) {
		seen += reduced.histogram[value] ?? 0;
		if (seen >= total * q) return value;
	}
	return 255;
}
