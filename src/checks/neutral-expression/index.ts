import {z} from 'zod';
import {num, percent, round} from '../../format.js';
import {defineCheck} from '../define.js';

export const neutralExpression = defineCheck({
	id: 'neutral-expression',
	requirement: 'The photo must show a neutral facial expression: mouth closed, no smiling.',
	reason: 'OTHER_REQUIREMENT',
	advice: 'Retake the photo with a neutral expression: mouth closed, not smiling.',
	needs: ['face', 'faceFeatures'],
	limits: {
		group: 'neutralExpression',
		schema: z
			.object({
				maxSmileProbability: z.number().min(0).max(1),
				warnSmileProbability: z.number().min(0).max(1),
				/** Mouth width / eye distance. */
				maxMouthWidth: z.number().positive(),
				warnMouthWidth: z.number().positive(),
				/** Inner-lip gap / mouth width. */
				maxMouthOpen: z.number().min(0).max(1),
				warnMouthOpen: z.number().min(0).max(1),
				/** Share of the inner mouth that is teeth. */
				warnTeeth: z.number().min(0).max(1),
			})
			.strict(),
		order: [
			['warnSmileProbability', 'maxSmileProbability'],
			['warnMouthWidth', 'maxMouthWidth'],
			['warnMouthOpen', 'maxMouthOpen'],
		],
	},
	run({face, faceFeatures}, limits) {
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
		if (smile.length > 0) return {status: 'fail', message: `Smiling: ${smile.join('; ')}.`, measured};
		if (mouthOpen > limits.maxMouthOpen) {
			return {
				status: 'fail',
				message: `The mouth is open: the lips are ${num(mouthOpen * 100, 0)} % of the mouth's width apart (at most ${num(limits.maxMouthOpen * 100, 0)} %).`,
				measured,
			};
		}

		const doubts = [
			happy > limits.warnSmileProbability
				? `a hint of a smile (probability ${num(happy * 100, 1)} %, at most ${percent(limits.warnSmileProbability)} is safe)`
				: '',
			mouthWidth > limits.warnMouthWidth ? `a wide mouth (${num(mouthWidth, 2)}× the eye distance, at most ${limits.warnMouthWidth} is safe)` : '',
			mouthOpen > limits.warnMouthOpen
				? `lips apart (${num(mouthOpen * 100, 0)} % of the mouth's width, at most ${percent(limits.warnMouthOpen, 0)} is safe)`
				: '',
			teeth > limits.warnTeeth ? `teeth showing (${num(teeth * 100, 0)} % of the open mouth, at most ${percent(limits.warnTeeth, 0)} is safe)` : '',
		].filter(Boolean);
		if (doubts.length > 0) return {status: 'warn', message: `Possibly not neutral: ${doubts.join('; ')}.`, measured};
		return {status: 'pass', message: 'Neutral expression, mouth closed.', measured};
	},
});
