import {z} from 'zod';
import {chroma} from '../../analysis/pixels/colour.js';
import {finite, num, round} from '../../format.js';
import {defineCheck} from '../define.js';

export const naturalColour = defineCheck({
	id: 'natural-colour',
	requirement: 'The photo must be in colour and represent natural skin tones.',
	reason: 'OTHER_REQUIREMENT',
	fix: {action: 're-export', how: 'in colour, with the natural colours the camera took, without filters'},
	needs: ['faceRegion', 'reduced'],
	figures: [
		{key: 'colourSpread', label: 'colour in the photo (mean spread, of 255)', atLeast: 'minColourSpread'},
		{key: 'cheekA', label: 'cheek redness (a*)', between: 'naturalA'},
		{key: 'cheekB', label: 'cheek yellowness (b*)', between: 'naturalB'},
	],
	limits: {
		group: 'naturalColour',
		schema: z
			.object({
				/** Mean max(R,G,B) − min(R,G,B) over the photo below which it is black-and-white (warn). */
				minColourSpread: z.number().min(0),
				/** CIELAB a* and b* of the cheeks: beyond the fail range the skin tone is unnatural; beyond the natural range it warns. */
				failA: z.tuple([z.number(), z.number()]),
				failB: z.tuple([z.number(), z.number()]),
				naturalA: z.tuple([z.number(), z.number()]),
				naturalB: z.tuple([z.number(), z.number()]),
			})
			.strict(),
		order: [
			['failA.0', 'naturalA.0'],
			['naturalA.0', 'naturalA.1'],
			['naturalA.1', 'failA.1'],
			['failB.0', 'naturalB.0'],
			['naturalB.0', 'naturalB.1'],
			['naturalB.1', 'failB.1'],
		],
	},
	run({faceRegion, reduced}, limits) {
		const {a, b} = faceRegion.cheeks;
		const spread = reduced.meanSpread;
		const measured = finite({cheekA: round(a), cheekB: round(b), cheekChroma: round(chroma(faceRegion.cheeks)), colourSpread: round(spread, 2)});
		if (spread < limits.minColourSpread) {
			return {
				status: 'warn',
				message: `The photo is black-and-white or nearly so (mean colour spread ${num(spread, 1)} of 255, at least ${limits.minColourSpread} in a colour photo): the digital photo should show natural skin tones.`,
				measured,
			};
		}
		if (!Number.isFinite(faceRegion.tone.medianL)) return {status: 'skip', message: 'Not assessed: no skin of the face could be measured.', measured};
		const cheeks = `the cheeks measure a* ${num(a, 0)}, b* ${num(b, 0)}`;
		const outside = (value: number, [low, high]: readonly [number, number]): boolean => value < low || value > high;
		if (outside(a, limits.failA) || outside(b, limits.failB)) {
			return {
				status: 'fail',
				message: `Unnatural skin tone (a colour cast or a filter): ${cheeks}, far outside human skin (a* ${limits.failA.join(' to ')}, b* ${limits.failB.join(' to ')}).`,
				measured,
			};
		}
		if (outside(a, limits.naturalA) || outside(b, limits.naturalB)) {
			return {
				status: 'warn',
				message: `Possibly unnatural skin tone: ${cheeks}, outside the usual range (a* ${limits.naturalA.join(' to ')}, b* ${limits.naturalB.join(' to ')}).`,
				measured,
			};
		}
		return {status: 'pass', message: `Colour photo with natural skin tones (${cheeks}).`, measured};
	},
});
