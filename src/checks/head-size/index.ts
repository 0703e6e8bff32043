import {z} from 'zod';
import {num, percent} from '../../format.js';
import {defineCheck} from '../define.js';

export const headSize = defineCheck({
	id: 'head-size',
	requirement: ({minRatio, maxRatio, photoHeightMm}) =>
		`The head, from chin to crown, must be ${num(minRatio * photoHeightMm, 1)}–${num(maxRatio * photoHeightMm, 1)} mm of the ${num(photoHeightMm, 1)} mm photo (${percent(minRatio)}–${percent(maxRatio)} of its height).`,
	reason: 'OTHER_REQUIREMENT',
	needs: ['face'],
	figures: [{key: 'headHeightRatio', label: 'head, chin to crown (share of the height)', unit: '%', between: ['minRatio', 'maxRatio']}],
	limits: {
		group: 'headSize',
		schema: z
			.object({
				/** Chin-to-crown height as a share of the photo's height. */
				minRatio: z.number().min(0).max(1),
				maxRatio: z.number().min(0).max(1),
				/** Measurement uncertainty: warn within it of a limit, fail beyond it. */
				margin: z.number().min(0).max(0.2),
				/** Height of the printed photo the ratios are taken of, for the requirement's millimetres. */
				photoHeightMm: z.number().positive(),
			})
			.strict(),
		order: [['minRatio', 'maxRatio']],
	},
	run({face}, {minRatio, maxRatio, margin}) {
		const ratio = face.headHeightRatio;
		const measured = {headHeightRatio: Math.round(ratio * 1000) / 1000, crownMethod: face.crownMethod};
		const method = face.crownMethod === 'hair-boundary' ? 'crown found at the top of the hair' : 'crown estimated from the face proportions';
		const found = `The head (chin to crown) is ${percent(ratio)} of the photo's height (${method})`;
		const band = `${percent(minRatio)}–${percent(maxRatio)}`;
		const fix = {
			action: 'crop',
			how: `so that the head is about ${percent((minRatio + maxRatio) / 2)} of the height (${band}; it is ${percent(ratio)})`,
		} as const;
		if (ratio < minRatio - margin || ratio > maxRatio + margin) {
			return {status: 'fail', message: `${found}, outside ${band}: the head is too ${ratio < minRatio ? 'small' : 'large'}.`, measured, fix};
		}
		if (ratio < minRatio + margin || ratio > maxRatio - margin) {
			return {status: 'warn', message: `${found}, within ${percent(margin)} of the ${band} limits: measure it to be sure.`, measured, fix};
		}
		return {status: 'pass', message: `${found}, within ${band}.`, measured};
	},
});
