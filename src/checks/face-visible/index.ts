import {z} from 'zod';
import {num, round} from '../../format.js';
import {defineCheck} from '../define.js';

export const faceVisible = defineCheck({
	id: 'face-visible',
	requirement: 'Your facial features must be visible: eyes, nose and mouth, not covered by hair, glasses, a hand or anything else.',
	reason: 'FEATURES_NOT_VISIBLE',
	fix: {action: 'retake', how: 'with the whole face visible: no sunglasses, hair, hands or anything else over the eyes, nose or mouth'},
	// With no face at all, or a face turned so far that its features cannot be measured, the
	// features are not visible: this check fails rather than skips.
	needs: ['face', 'faceFeatures'],
	figures: [
		{key: 'faceScore', label: 'detector score of the face', atLeast: 'minFaceScore'},
		{key: 'rightEyeContrast', label: 'right eye contrast', atLeast: 'minEyeContrast'},
		{key: 'leftEyeContrast', label: 'left eye contrast', atLeast: 'minEyeContrast'},
		{key: 'rightEyeBrightness', label: 'right eye brightness', atLeast: 'minEyeBrightness'},
		{key: 'leftEyeBrightness', label: 'left eye brightness', atLeast: 'minEyeBrightness'},
	],
	failsWithout: ['face', 'faceFeatures'],
	limits: {
		group: 'faceVisible',
		schema: z
			.object({
				/** An eye region's luminance spread / the cheeks' luminance, below which it is covered. */
				minEyeContrast: z.number().min(0),
				/** An eye region's mean luminance / the cheeks', below which it is covered (dark glasses, a bar). */
				minEyeBrightness: z.number().min(0),
				/** The face detector's confidence below which part of the face may be hidden (warn). */
				minFaceScore: z.number().min(0).max(1),
			})
			.strict(),
	},
	run({face, faceFeatures}, {minEyeContrast, minEyeBrightness, minFaceScore}) {
		const {eyeContrast, eyeBrightness} = faceFeatures;
		const measured = {
			faceScore: round(face.score, 3),
			rightEyeContrast: round(eyeContrast.right, 3),
			leftEyeContrast: round(eyeContrast.left, 3),
			rightEyeBrightness: round(eyeBrightness.right, 3),
			leftEyeBrightness: round(eyeBrightness.left, 3),
		};
		const covered = (['right', 'left'] as const).filter((eye) => eyeContrast[eye] < minEyeContrast || eyeBrightness[eye] < minEyeBrightness);
		if (covered.length > 0) {
			const eyes = covered.length === 2 ? 'Both eyes look' : `The ${covered[0]} eye looks`;
			const values = covered.map((eye) => `${eye}: contrast ${num(eyeContrast[eye], 2)}, brightness ${num(eyeBrightness[eye], 2)} of the cheeks'`).join('; ');
			return {
				status: 'fail',
				message: `${eyes} covered or hidden (${values}; an open, visible eye has contrast at least ${minEyeContrast} and brightness at least ${minEyeBrightness}).`,
				measured,
			};
		}
		if (face.score < minFaceScore) {
			return {
				status: 'warn',
				message: `The face is found only weakly (detector score ${num(face.score, 2)}, below ${minFaceScore}): part of it may be covered.`,
				measured,
			};
		}
		return {status: 'pass', message: 'Eyes, nose and mouth are visible.', measured};
	},
});
