import {defineCheck, percent} from './check.js';

export const headSize = defineCheck({
	id: 'head-size',
	requirement: 'The head, from chin to crown, must be 31–36 mm of the 70 mm photo (44.3 %–51.4 % of its height).',
	reason: 'OTHER_REQUIREMENT',
	needs: ['face'],
	run({face}, profile) {
		const {minRatio, maxRatio, margin} = profile.headSize;
		const ratio = face.headHeightRatio;
		const measured = {headHeightRatio: Math.round(ratio * 1000) / 1000, crownMethod: face.crownMethod};
		const limits = {minRatio, maxRatio, margin};
		const method = face.crownMethod === 'hair-boundary' ? 'crown found at the top of the hair' : 'crown estimated from the face proportions';
		const found = `The head (chin to crown) is ${percent(ratio)} of the photo's height (${method})`;
		const band = `${percent(minRatio)}–${percent(maxRatio)}`;
		if (ratio < minRatio - margin || ratio > maxRatio + margin) {
			const advice = ratio < minRatio ? 'the head is too small: crop closer' : 'the head is too large: crop wider';
			return {status: 'fail', message: `${found}, outside ${band}: ${advice}.`, measured, limits};
		}
		if (ratio < minRatio + margin || ratio > maxRatio - margin) {
			return {status: 'warn', message: `${found}, within ${percent(margin)} of the ${band} limits: measure it to be sure.`, measured, limits};
		}
		return {status: 'pass', message: `${found}, within ${band}.`, measured, limits};
	},
});
