import {z} from 'zod';
import {describeColour} from '../../analysis/pixels/colour.js';
import {finite, num, percent, round} from '../../format.js';
import {defineCheck} from '../define.js';

/** "white" (the PR card), or "white or light-coloured" (visa, passport) for a profile that lets a light backdrop pass. */
function backdrop(minLightness: number): string {
	return minLightness >= WHITE_LIGHTNESS ? 'white' : 'white or light-coloured';
}

/** From this lightness (L*) up, only a white backdrop passes: the PR card's 91 is sRGB 229 grey. */
const WHITE_LIGHTNESS = 90;

export const backgroundWhite = defineCheck({
	id: 'background-white',
	requirement: ({minLightness}) =>
		`The photo must be taken in front of a plain ${backdrop(minLightness)} background, with a clear difference between the face and the background, and no shadows.`,
	reason: 'BACKGROUND_NOT_WHITE',
	fix: ({minLightness}) => ({
		action: 'retake',
		how: `in front of a plain ${backdrop(minLightness)} background, evenly lit, standing a little away from it so no shadow falls on it`,
	}),
	needs: ['background'],
	figures: [
		{key: 'lightness', label: 'background lightness (L*, 100 is white)', atLeast: 'minLightness', safeFrom: 'warnLightness'},
		{key: 'chroma', label: 'background tint (chroma, 0 is neutral)', atMost: 'maxChroma', safeFrom: 'warnChroma'},
		{key: 'texture', label: 'background texture (mean gradient)', atMost: 'maxTexture', safeFrom: 'warnTexture'},
		{key: 'leftRight', label: 'lightness difference between its sides (L*)', atMost: 'maxShading', safeFrom: 'warnShading'},
		{key: 'topBottom', label: 'lightness difference top to bottom (L*)', atMost: 'maxShading', safeFrom: 'warnShading'},
		{key: 'shadow', label: 'shadow beside the head (L* darker)', atMost: 'maxShadow', safeFrom: 'warnShadow'},
		{key: 'faceContrast', label: 'face against the background (ΔE)', atLeast: 'minFaceContrast'},
		{key: 'share', label: 'share of the photo that is backdrop', unit: '%', atLeast: 'minShare'},
		{key: 'surroundLeft', label: 'backdrop left of the head', unit: '%', atLeast: 'minSurround'},
		{key: 'surroundRight', label: 'backdrop right of the head', unit: '%', atLeast: 'minSurround'},
		{key: 'surroundTop', label: 'backdrop above the head', unit: '%', atLeast: 'minSurround'},
	],
	limits: {
		group: 'backgroundWhite',
		schema: z
			.object({
				/** Median CIELAB L* of the background below which it is not white (fail), or only just (warn). */
				minLightness: z.number().min(0).max(100),
				warnLightness: z.number().min(0).max(100),
				/** CIELAB chroma of the background's mean colour above which it is tinted (fail, warn). */
				maxChroma: z.number().min(0),
				warnChroma: z.number().min(0),
				/** Mean Sobel gradient of the background's luma (per working-copy pixel) above which it is textured or busy. */
				maxTexture: z.number().min(0),
				warnTexture: z.number().min(0),
				/** Difference in L* between the background's left and right halves, or its top and the band beside the face. */
				maxShading: z.number().min(0),
				warnShading: z.number().min(0),
				/** How much darker (L*) the darkest tenth beside the head is than the background's median: a cast shadow. */
				maxShadow: z.number().min(0),
				warnShadow: z.number().min(0),
				/** Least colour difference (CIE76 ΔE) between the cheeks and the background: a clear difference between face and background. */
				minFaceContrast: z.number().min(0),
				/** Least share of the photo found to be background: below it no plain backdrop was found (fail). */
				minShare: z.number().min(0).max(1),
				/** Least share of the band left of, right of and above the head that is backdrop: below it the backdrop is not seen around the head (fail). */
				minSurround: z.number().min(0).max(1),
			})
			.strict(),
		order: [
			['minLightness', 'warnLightness'],
			['warnChroma', 'maxChroma'],
			['warnTexture', 'maxTexture'],
			['warnShading', 'maxShading'],
			['warnShadow', 'maxShadow'],
		],
	},
	run({background}, limits) {
		const {colour, chroma, texture, leftRight, topBottom, shadow, faceContrast, share, surround} = background;
		const measured = finite({
			lightness: round(colour.L),
			a: round(colour.a),
			b: round(colour.b),
			chroma: round(chroma),
			texture: round(texture, 2),
			leftRight: round(leftRight),
			topBottom: round(topBottom),
			...(shadow === undefined ? {} : {shadow: round(shadow)}),
			...(faceContrast === undefined ? {} : {faceContrast: round(faceContrast)}),
			share: round(share, 3),
			...(surround ? {surroundLeft: round(surround.left, 3), surroundRight: round(surround.right, 3), surroundTop: round(surround.top, 3)} : {}),
			faceGuided: background.faceGuided,
		});
		// A backdrop that cannot be found is not a plain one: busy rooms, flags, curtains, lettering.
		if (share < limits.minShare || Number.isNaN(colour.L)) {
			return {
				status: 'fail',
				message: `No plain backdrop was found: only ${percent(share)} of the photo reads as one even backdrop (at least ${percent(limits.minShare)}); the background is busy or patterned.`,
				measured,
			};
		}
		const name = describeColour(colour);
		const failures: string[] = [];
		const doubts: string[] = [];
		const judge = (value: number, fail: number, warn: number, above: boolean, failText: string, warnText: string): void => {
			if (above ? value > fail : value < fail) failures.push(failText);
			else if (above ? value > warn : value < warn) doubts.push(warnText);
		};
		judge(
			colour.L,
			limits.minLightness,
			limits.warnLightness,
			false,
			`the background is ${name} (L* ${num(colour.L, 0)}, needs at least ${limits.minLightness})`,
			`the background is ${name}, not bright white (L* ${num(colour.L, 0)}, at least ${limits.warnLightness} is safe)`,
		);
		judge(
			chroma,
			limits.maxChroma,
			limits.warnChroma,
			true,
			`the background is tinted ${describeColour(colour, 0)} (chroma ${num(chroma, 0)}, at most ${limits.maxChroma})`,
			`the background has a slight ${describeColour(colour, 0)} tint (chroma ${num(chroma, 0)}, at most ${limits.warnChroma} is safe)`,
		);
		judge(
			texture,
			limits.maxTexture,
			limits.warnTexture,
			true,
			`the background is not plain: it is textured or has objects in it (mean gradient ${num(texture, 2)}, at most ${limits.maxTexture})`,
			`the background is slightly textured (mean gradient ${num(texture, 2)}, at most ${limits.warnTexture} is safe)`,
		);
		const sides = `the ${leftRight < 0 ? 'left' : 'right'} side of the background is darker than the ${leftRight < 0 ? 'right' : 'left'} (by L* ${num(Math.abs(leftRight), 0)}`;
		judge(
			Math.abs(leftRight),
			limits.maxShading,
			limits.warnShading,
			true,
			`${sides}, at most ${limits.maxShading})`,
			`${sides}; at most ${limits.warnShading} is safe)`,
		);
		const vertical = `the background is ${topBottom < 0 ? 'darker at the top' : 'darker beside the face'} than ${topBottom < 0 ? 'beside the face' : 'at the top'} (by L* ${num(Math.abs(topBottom), 0)}`;
		judge(
			Math.abs(topBottom),
			limits.maxShading,
			limits.warnShading,
			true,
			`${vertical}, at most ${limits.maxShading})`,
			`${vertical}; at most ${limits.warnShading} is safe)`,
		);
		if (shadow !== undefined) {
			judge(
				shadow,
				limits.maxShadow,
				limits.warnShadow,
				true,
				`there is a shadow on the background beside the head (L* ${num(shadow, 0)} darker than the rest, at most ${limits.maxShadow})`,
				`the background may be shadowed beside the head (L* ${num(shadow, 0)} darker than the rest, at most ${limits.warnShadow} is safe)`,
			);
		}
		if (faceContrast !== undefined && faceContrast < limits.minFaceContrast) {
			failures.push(`the face does not stand out from the background (colour difference ΔE ${num(faceContrast, 0)}, needs at least ${limits.minFaceContrast})`);
		}
		if (surround) {
			const [side, value] = (Object.entries(surround) as Array<[keyof typeof surround, number]>).reduce((low, entry) => (entry[1] < low[1] ? entry : low));
			if (value < limits.minSurround) {
				const where = side === 'top' ? 'above the head' : `${side} of the head`;
				failures.push(
					`the backdrop is not seen all around the head: only ${percent(value, 0)} of the band ${where} is backdrop (at least ${percent(limits.minSurround, 0)}), so what was measured may be a window or a wall beside you, not a backdrop behind you`,
				);
			}
		}
		if (failures.length > 0) return {status: 'fail', message: `${capitalise(failures.join('; '))}.`, measured};
		if (doubts.length > 0) return {status: 'warn', message: `${capitalise(doubts.join('; '))}.`, measured};
		return {
			status: 'pass',
			message: `The background is plain and ${name} (L* ${num(colour.L, 0)}, chroma ${num(chroma, 0)}), without shadows.`,
			measured,
		};
	},
});

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
