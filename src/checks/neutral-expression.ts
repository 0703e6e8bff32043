import {round} from '../analysis/stats.js';
import {defineCheck, num} from './check.js';

export const neutralExpression = defineCheck({
	id: 'neutral-expression',
	requirement: 'The photo must show a neutral facial expression: mouth closed, no smiling.',
	reason: 'OTHER_REQUIREMENT',
	advice: 'Retake the photo with a neutral expression: mouth closed, not smiling.',
	needs: ['face', 'faceFeatures'],
	run({face, faceFeatures}, profile) {
		const limits = profile.neutralExpression;
		const happy = face.expressions?.happy ?? 0;
		const {mouthWidth, mouthOpen, teeth} = faceFeatures;
		const measured = {smileProbability: round(happy, 3), mouthWidth: round(mouthWidth, 3), mouthOpen: round(mouthOpen, 3), teeth: round(teeth, 3)};

		const smile = [
			happy > limits.maxSmileProbability
				? `the expression model gives a smile a probability of ${num(happy * 100, happy < 0.1 ? 1 : 0)} % (neutral faces stay under ${num(limits.maxSmileProbability * 100, 1)} %)`
				: '',
			mouthWidth > limits.maxMouthWidth
				? `the mouth is ${num(mouthWidth, 2)}× the distance between the eyes (a smile widens it; at most ${limits.maxMouthWidth})`
				: '',
		].filter(Boolean);
		if (smile.length > 0) return {status: 'fail', message: `Smiling: ${smile.join('; ')}.`, measured, limits};
		if (mouthOpen > limits.maxMouthOpen) {
			return {
				status: 'fail',
				message: `The mouth is open: the lips are ${num(mouthOpen * 100, 0)} % of the mouth's width apart (at most ${num(limits.maxMouthOpen * 100, 0)} %).`,
				measured,
				limits,
			};
		}

		const doubts = [
			happy > limits.warnSmileProbability ? `a hint of a smile (probability ${num(happy * 100, 1)} %)` : '',
			mouthWidth > limits.warnMouthWidth ? `a wide mouth (${num(mouthWidth, 2)}× the eye distance)` : '',
			mouthOpen > limits.warnMouthOpen ? `lips apart (${num(mouthOpen * 100, 0)} % of the mouth's width)` : '',
			teeth > limits.warnTeeth ? `teeth showing (${num(teeth * 100, 0)} % of the open mouth)` : '',
		].filter(Boolean);
		if (doubts.length > 0) return {status: 'warn', message: `Possibly not neutral: ${doubts.join('; ')}.`, measured, limits};
		return {status: 'pass', message: 'Neutral expression, mouth closed.', measured, limits};
	},
});
