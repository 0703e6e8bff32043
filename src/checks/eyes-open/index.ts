import {z} from 'zod';
import {num, round} from '../../format.js';
import {defineCheck} from '../define.js';

export const eyesOpen = defineCheck({
	id: 'eyes-open',
	requirement: 'Your eyes must be open and clearly visible.',
	reason: 'FEATURES_NOT_VISIBLE',
	fix: {action: 'retake', how: 'with both eyes open, looking at the camera'},
	needs: ['faceFeatures'],
	figures: [
		{key: 'rightEyeAspect', label: 'right eye opening (height ÷ width)', atLeast: 'minAspect', safeFrom: 'warnAspect'},
		{key: 'leftEyeAspect', label: 'left eye opening (height ÷ width)', atLeast: 'minAspect', safeFrom: 'warnAspect'},
	],
	limits: {
		group: 'eyesOpen',
		schema: z
			.object({
				/** Eye aspect ratio below which an eye is closed (fail) or half closed (warn). */
				minAspect: z.number().min(0).max(1),
				warnAspect: z.number().min(0).max(1),
			})
			.strict(),
		order: [['minAspect', 'warnAspect']],
	},
	run({faceFeatures}, {minAspect, warnAspect}) {
		const {right, left} = faceFeatures.eyeAspect;
		const smallest = Math.min(right, left);
		const measured = {rightEyeAspect: round(right, 3), leftEyeAspect: round(left, 3)};
		const which = right < left ? 'right' : 'left';
		const found = `eye opening ${num(right, 2)} (right) and ${num(left, 2)} (left) of the eye's width`;
		if (smallest < minAspect) return {status: 'fail', message: `The ${which} eye looks closed: ${found}, below ${minAspect}.`, measured};
		if (smallest < warnAspect) return {status: 'warn', message: `The ${which} eye looks half closed: ${found}, below ${warnAspect}.`, measured};
		return {status: 'pass', message: `Both eyes are open (${found}).`, measured};
	},
});
