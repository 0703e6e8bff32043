import {z} from 'zod';
import {luminanceOf} from '../../analysis/pixels/colour.js';
import {finite, num, round} from '../../format.js';
import {defineCheck} from '../define.js';

export const lightingUniform = defineCheck({
	id: 'lighting-uniform',
	requirement: 'The photo must be taken with uniform lighting, without shadows across the face.',
	reason: 'OTHER_REQUIREMENT',
	fix: {action: 'retake', how: 'with the face lit evenly, from the front or from both sides'},
	needs: ['faceRegion'],
	figures: [{key: 'stops', label: "light difference between the face's halves", unit: 'stops', atMost: 'maxHalfStops', safeFrom: 'warnHalfStops'}],
	limits: {
		group: 'lightingUniform',
		schema: z
			.object({
				/** How much less light one half of the face gets than the other, in stops (log2 of the ratio of their median luminance; fail, warn). */
				maxHalfStops: z.number().min(0),
				warnHalfStops: z.number().min(0),
			})
			.strict(),
		order: [['warnHalfStops', 'maxHalfStops']],
	},
	run({faceRegion}, limits) {
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
				message: `Uneven lighting, a shadow across the face: ${found}; at most ${limits.maxHalfStops}.`,
				measured,
			};
		}
		if (stops > limits.warnHalfStops) {
			return {status: 'warn', message: `Slightly uneven lighting: ${found}; at most ${limits.warnHalfStops} is safe.`, measured};
		}
		return {
			status: 'pass',
			message: `Both halves of the face are lit alike (L* ${num(leftL, 0)} and ${num(rightL, 0)}, ${num(stops, 1)} stops apart).`,
			measured,
		};
	},
});
