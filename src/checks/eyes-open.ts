import {round} from '../analysis/stats.js';
import {defineCheck, num} from './check.js';

export const eyesOpen = defineCheck({
	id: 'eyes-open',
	requirement: 'Your eyes must be open and clearly visible.',
	reason: 'FEATURES_NOT_VISIBLE',
	advice: 'Retake the photo with both eyes open, looking at the camera.',
	needs: ['faceFeatures'],
	run({faceFeatures}, profile) {
		const {minAspect, warnAspect} = profile.eyesOpen;
		const {right, left} = faceFeatures.eyeAspect;
		const smallest = Math.min(right, left);
		const measured = {rightEyeAspect: round(right, 3), leftEyeAspect: round(left, 3)};
		const limits = {minAspect, warnAspect};
		const which = right < left ? 'right' : 'left';
		const found = `eye opening ${num(right, 2)} (right) and ${num(left, 2)} (left) of the eye's width`;
		if (smallest < minAspect) return {status: 'fail', message: `The ${which} eye looks closed: ${found}, below ${minAspect}.`, measured, limits};
		if (smallest < warnAspect) return {status: 'warn', message: `The ${which} eye looks half closed: ${found}, below ${warnAspect}.`, measured, limits};
		return {status: 'pass', message: `Both eyes are open (${found}).`, measured, limits};
	},
});
