import {round} from '../analysis/stats.js';
import {defineCheck, num, percent} from './check.js';

export const aspectRatio = defineCheck({
	id: 'aspect-ratio',
	requirement: 'The photo must have the proportions of the 50 mm × 70 mm photo (5:7).',
	reason: 'OTHER_REQUIREMENT',
	needs: ['header'],
	run({header}, profile) {
		const {width: ratioWidth, height: ratioHeight, tolerance} = profile.aspectRatio;
		const {width, height} = header;
		const target = ratioWidth / ratioHeight;
		const ratio = width / height;
		const deviation = ratio / target - 1;
		const measured = {ratio: round(ratio, 4), deviation: round(deviation, 4)};
		const limits = {ratio: round(target, 4), tolerance};
		const shape = `${ratioWidth}:${ratioHeight}`;

		if (Math.abs(deviation) <= tolerance) {
			return {status: 'pass', message: `${width} × ${height} is ${shape} (ratio ${num(ratio, 3)}).`, measured, limits};
		}
		// Suggest the largest 5:7 crop of this photo.
		const cropWidth = deviation > 0 ? Math.round(height * target) : width;
		const cropHeight = deviation > 0 ? height : Math.round(width / target);
		return {
			status: 'warn',
			message:
				`${width} × ${height} (ratio ${num(ratio, 3)}) is ${percent(Math.abs(deviation))} ${deviation > 0 ? 'wider' : 'narrower'} ` +
				`than ${shape} (${num(target, 3)}): crop it to ${shape}, e.g. ${cropWidth} × ${cropHeight}, keeping the head at the right size.`,
			measured,
			limits,
		};
	},
});
