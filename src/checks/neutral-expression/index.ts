import {z} from 'zod';
import {num, percent, round} from '../../format.js';
import {defineCheck} from '../define.js';

export const neutralExpression = defineCheck({
	id: 'neutral-expression',
	requirement: 'The photo must show a neutral facial expression: mouth closed, no smiling.',
	reason: 'OTHER_REQUIREMENT',
	fix: {action: 'retake', how: 'with a neutral expression: mouth closed, not smiling'},
	needs: ['face', 'faceFeatures'],
	figures: [
		{key: 'smileProbability', label: 'smile probability (expression model)', unit: '%', atMost: 'maxSmileProbability', safeFrom: 'warnSmileProbability'},
		{key: 'smile', label: 'smile measure (mouth corners)', atMost: 'maxSmile', safeFrom: 'warnSmile'},
		{key: 'mouthWidth', label: 'mouth width ÷ eye distance', atMost: 'maxMouthWidth', safeFrom: 'warnMouthWidth'},
		{key: 'mouthOpen', label: "lips apart, share of the mouth's width", unit: '%', atMost: 'maxMouthOpen', safeFrom: 'warnMouthOpen'},
		{key: 'teeth', label: 'teeth showing (0–1)', safeFrom: 'warnTeeth'},
	],
	limits: {
		group: 'neutralExpression',
		schema: z
			.object({
				/** The expression net's P(happy) above which the face smiles (fail) or may (warn). */
				maxSmileProbability: z.number().min(0).max(1),
				warnSmileProbability: z.number().min(0).max(1),
				/** The mesh's smile measure (0–1: the mouth corners' rise and depth) above which the face smiles (fail) or may (warn). */
				maxSmile: z.number().min(0).max(1),
				warnSmile: z.number().min(0).max(1),
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
			['warnSmile', 'maxSmile'],
			['warnMouthWidth', 'maxMouthWidth'],
			['warnMouthOpen', 'maxMouthOpen'],
		],
	},
	run({face, faceFeatures}, limits) {
		const happy = face.expressions.happy ?? 0;
		const {smile, cornerRise, cornerDepth, mouthWidth, mouthOpen, teeth} = faceFeatures;
		const measured = {
			smileProbability: round(happy, 3),
			smile: round(smile, 3),
			cornerRise: round(cornerRise, 4),
			cornerDepth: round(cornerDepth, 4),
			mouthWidth: round(mouthWidth, 3),
			mouthOpen: round(mouthOpen, 3),
			teeth: round(teeth, 3),
		};

		const smiling = [
			happy > limits.maxSmileProbability
				? `the expression model gives a smile a probability of ${num(happy * 100, happy < 0.1 ? 1 : 0)} % (neutral faces stay under ${num(limits.maxSmileProbability * 100, 1)} %)`
				: '',
			smile > limits.maxSmile
				? `the mouth corners are raised and drawn back: smile measure ${num(smile, 2)} (a neutral face stays at or below ${limits.maxSmile})`
				: '',
			mouthWidth > limits.maxMouthWidth
				? `the mouth is ${num(mouthWidth, 2)}× the distance between the eyes (a smile widens it; at most ${limits.maxMouthWidth})`
				: '',
		].filter(Boolean);
		if (smiling.length > 0) return {status: 'fail', message: `Smiling: ${smiling.join('; ')}.`, measured};
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
			smile > limits.warnSmile ? `a hint of a smile (smile measure ${num(smile, 2)}, at most ${limits.warnSmile} is safe)` : '',
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
