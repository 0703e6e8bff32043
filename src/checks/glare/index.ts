import {z} from 'zod';
import {finite, num, round} from '../../format.js';
import {defineCheck} from '../define.js';

export const glare = defineCheck({
	id: 'glare',
	requirement: 'The photo must be taken without glare or flash reflections on the face or glasses.',
	reason: 'GLARE',
	fix: {action: 'retake', how: 'in diffuse light, with no flash reflecting on the skin or glasses'},
	needs: ['glare'],
	figures: [{key: 'largestSpot', label: 'largest glare spot (eye distances²)', atMost: 'maxSpotArea', safeFrom: 'warnSpotArea'}],
	limits: {
		group: 'glare',
		schema: z
			.object({
				/** Area of the largest clipped white spot on the face, in squared eye distances (fail, warn). */
				maxSpotArea: z.number().min(0),
				warnSpotArea: z.number().min(0),
			})
			.strict(),
		order: [['warnSpotArea', 'maxSpotArea']],
	},
	run({glare}, limits) {
		const {largest, total, spots, nearEyes} = glare;
		const measured = finite({largestSpot: round(largest, 4), totalSpots: round(total, 4), spots: spots.length, nearEyes: round(nearEyes, 2)});
		const where = nearEyes > 0.5 ? 'around the eyes (a reflection in glasses?)' : 'on the skin';
		const found = `${spots.length} clipped white spot${spots.length === 1 ? '' : 's'} ${where}, the largest ${num(largest * 100, 1)} % of the eye distance squared`;
		if (largest > limits.maxSpotArea) {
			return {status: 'fail', message: `Glare: ${found} (at most ${num(limits.maxSpotArea * 100, 1)} %).`, measured};
		}
		if (largest > limits.warnSpotArea) {
			return {status: 'warn', message: `Possible glare: ${found} (at most ${num(limits.warnSpotArea * 100, 1)} % is safe).`, measured};
		}
		return {status: 'pass', message: spots.length === 0 ? 'No glare on the face.' : `No glare to speak of: ${found}.`, measured};
	},
});
