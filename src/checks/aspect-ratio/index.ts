import {z} from 'zod';
import {num, percent, round} from '../../format.js';
import {defineCheck} from '../define.js';

export const aspectRatio = defineCheck({
	id: 'aspect-ratio',
	requirement: ({width, height}) => `The photo must have the proportions of the printed photo (${width}:${height}).`,
	reason: 'OTHER_REQUIREMENT',
	needs: ['header'],
	figures: [
		{key: 'ratio', label: 'width ÷ height'},
		{key: 'deviation', label: 'off the proportions by', unit: '%', absolute: true, atMost: 'tolerance'},
	],
	limits: {
		group: 'aspectRatio',
		schema: z
			.object({
				width: z.number().positive(),
				height: z.number().positive(),
				/** Relative deviation of width/height from width:height that still passes. */
				tolerance: z.number().min(0).max(1),
			})
			.strict(),
	},
	run({header}, {width: ratioWidth, height: ratioHeight, tolerance}) {
		const {width, height} = header;
		const target = ratioWidth / ratioHeight;
		const ratio = width / height;
		const deviation = ratio / target - 1;
		const measured = {ratio: round(ratio, 4), deviation: round(deviation, 4)};
		const shape = `${ratioWidth}:${ratioHeight}`;

		if (Math.abs(deviation) <= tolerance) {
			return {status: 'pass', message: `${width} × ${height} is ${shape} (ratio ${num(ratio, 3)}, within ${percent(tolerance)}).`, measured};
		}
		return {
			status: 'warn',
			message:
				`${width} × ${height} (ratio ${num(ratio, 3)}) is ${percent(Math.abs(deviation))} ${deviation > 0 ? 'wider' : 'narrower'} ` +
				`than ${shape} (${num(target, 3)}; at most ${percent(tolerance)} off).`,
			measured,
			// Which crop depends on the head too: report.suggestedCrop names one when there is.
			fix: {action: 'crop', how: `framed at ${shape} (this one is too ${deviation > 0 ? 'wide' : 'tall'} for it)`},
		};
	},
});
