import {z} from 'zod';
import {luminanceOf} from '../../analysis/pixels/colour.js';
import {finite, num, percent, round} from '../../format.js';
import {defineCheck} from '../define.js';

export const glasses = defineCheck({
	id: 'glasses',
	requirement: 'Your eyes must be clearly visible: glasses are allowed, but not tinted or dark lenses, and no glare on the lenses.',
	reason: 'FEATURES_NOT_VISIBLE',
	fix: {
		action: 'retake',
		how: 'without tinted glasses and with no light reflecting on the lenses (take the glasses off, or tilt them slightly and use diffuse light)',
	},
	needs: ['lenses', 'faceFeatures', 'faceRegion'],
	figures: [
		{key: 'rightLensGlare', label: 'glare on the right lens (eye distances²)', atMost: 'maxLensGlare', safeFrom: 'warnLensGlare'},
		{key: 'leftLensGlare', label: 'glare on the left lens (eye distances²)', atMost: 'maxLensGlare', safeFrom: 'warnLensGlare'},
		{key: 'rightEyeContrast', label: 'right eye contrast', atLeast: 'minEyeContrast'},
		{key: 'leftEyeContrast', label: 'left eye contrast', atLeast: 'minEyeContrast'},
		{key: 'rightLensStops', label: 'right lens darker than the cheeks', unit: 'stops', atMost: 'maxLensStops'},
		{key: 'leftLensStops', label: 'left lens darker than the cheeks', unit: 'stops', atMost: 'maxLensStops'},
	],
	limits: {
		group: 'glasses',
		schema: z
			.object({
				/** Clipped white inside a lens (eye included), in squared eye distances: a reflection on the lens (fail, warn). */
				maxLensGlare: z.number().min(0),
				warnLensGlare: z.number().min(0),
				/** An eye's luminance spread over the cheeks' mean below which it is dimmed as behind a tinted lens (fail). */
				minEyeContrast: z.number().min(0),
				/** How much less light (stops) the skin under a lens shows than the cheeks, above which the lens is tinted (fail). */
				maxLensStops: z.number().min(0),
			})
			.strict(),
		order: [['warnLensGlare', 'maxLensGlare']],
	},
	run({lenses, faceFeatures, faceRegion}, limits) {
		const cheekOf = {right: faceRegion.cheekRight.L, left: faceRegion.cheekLeft.L};
		const stopsOf = (side: 'right' | 'left'): number =>
			Math.log2(luminanceOf(cheekOf[side]) / Math.max(1e-6, luminanceOf(cheekOf[side] - lenses[side].darkening)));
		// The eye's contrast is read against both cheeks' light (faceFeatures); against its own side's,
		// so that a face lit from one side does not dim the eye in shade.
		const contrastOf = (side: 'right' | 'left'): number =>
			faceFeatures.eyeContrast[side] * (luminanceOf(faceRegion.cheeks.L) / Math.max(1e-6, luminanceOf(cheekOf[side]))) ** (1 / 2.2);
		const eyes = (['right', 'left'] as const).map((side) => ({side, glare: lenses[side].glare, stops: stopsOf(side), contrast: contrastOf(side)}));
		const measured = finite({
			rightLensGlare: round(eyes[0]!.glare, 4),
			leftLensGlare: round(eyes[1]!.glare, 4),
			rightLensStops: round(eyes[0]!.stops, 2),
			leftLensStops: round(eyes[1]!.stops, 2),
			rightEyeContrast: round(eyes[0]!.contrast, 3),
			leftEyeContrast: round(eyes[1]!.contrast, 3),
		});
		const glaring = eyes.reduce((worst, eye) => (eye.glare > worst.glare ? eye : worst));
		const glareText = `clipped white covers ${percent(glaring.glare, 2)} of the eye distance squared over the ${glaring.side} eye`;
		if (glaring.glare > limits.maxLensGlare) {
			return {
				status: 'fail',
				reason: 'GLARE',
				message: `Glare on the glasses: ${glareText} (a catchlight in the eye is at most ${percent(limits.maxLensGlare, 1)}).`,
				measured,
			};
		}
		// Tinted lenses come in pairs: the eye that is less dimmed is the one judged.
		const dim = eyes.reduce((best, eye) => (eye.contrast > best.contrast ? eye : best));
		const dark = eyes.reduce((best, eye) => (eye.stops < best.stops ? eye : best));
		const tinted = [
			dim.contrast < limits.minEyeContrast
				? `both eyes show a contrast of ${num(dim.contrast, 2)} of the cheeks' light or less (an eye seen clearly shows at least ${limits.minEyeContrast})`
				: '',
			dark.stops > limits.maxLensStops
				? `the skin around both eyes gets ${num(dark.stops, 1)} stops less light than the cheeks or more (at most ${limits.maxLensStops} without a tinted lens)`
				: '',
		].filter(Boolean);
		if (tinted.length > 0) return {status: 'fail', message: `The eyes look dimmed, as behind tinted lenses: ${tinted.join('; ')}.`, measured};
		if (glaring.glare > limits.warnLensGlare) {
			return {
				status: 'warn',
				reason: 'GLARE',
				message: `Possibly glare on the glasses: ${glareText} (at most ${percent(limits.warnLensGlare, 1)} is safe).`,
				measured,
			};
		}
		return {status: 'pass', message: 'The eyes are clearly visible: nothing over them is tinted or reflects light.', measured};
	},
});
