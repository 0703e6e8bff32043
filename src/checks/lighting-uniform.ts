import {luminanceOf} from '../analysis/colour.js';
import {finite, round} from '../analysis/stats.js';
import {defineCheck, num} from './check.js';

export const lightingUniform = defineCheck({
	id: 'lighting-uniform',
	requirement: 'The photo must be taken with uniform lighting, without shadows across the face.',
	reason: 'OTHER_REQUIREMENT',
	needs: ['faceRegion'],
	run({faceRegion}, profile) {
		const limits = profile.lightingUniform;
		const {leftL, rightL} = faceRegion.tone;
		// In stops (light ratios), so that a shadow reads the same on dark and on light skin.
		const stops = Math.abs(Math.log2(luminanceOf(leftL) / luminanceOf(rightL)));
		const measured = finite({leftLightness: round(leftL), rightLightness: round(rightL), stops: round(stops, 2)});
		if (!Number.isFinite(stops)) return {status: 'skip', message: 'Not assessed: too little of either half of the face could be measured.', measured};
		const darker = leftL < rightL ? 'left' : 'right';
		const found = `the ${darker} half of the face (as seen) gets ${num(stops, 1)} stops less light than the other (L* ${num(Math.min(leftL, rightL), 0)} against ${num(Math.max(leftL, rightL), 0)})`;
		if (stops > limits.maxHalfStops) {
			return {
				status: 'fail',
				message: `Uneven lighting, a shadow across the face: ${found}; at most ${limits.maxHalfStops}. Light the face from the front or both sides.`,
				measured,
				limits,
			};
		}
		if (stops > limits.warnHalfStops) {
			return {status: 'warn', message: `Slightly uneven lighting: ${found}; at most ${limits.warnHalfStops} is safe.`, measured, limits};
		}
		return {
			status: 'pass',
			message: `Both halves of the face are lit alike (L* ${num(leftL, 0)} and ${num(rightL, 0)}, ${num(stops, 1)} stops apart).`,
			measured,
			limits,
		};
	},
});
