import {chroma} from '../analysis/colour.js';
import {finite, round} from '../analysis/stats.js';
import {defineCheck, num} from './check.js';

export const naturalColour = defineCheck({
	id: 'natural-colour',
	requirement: 'The photo must be in colour and represent natural skin tones.',
	reason: 'OTHER_REQUIREMENT',
	advice: 'Submit a colour photo with its natural colours, as the camera took it.',
	needs: ['faceRegion', 'reduced'],
	run({faceRegion, reduced}, profile) {
		const limits = profile.naturalColour;
		const {a, b} = faceRegion.cheeks;
		const spread = reduced.meanSpread;
		const measured = finite({cheekA: round(a), cheekB: round(b), cheekChroma: round(chroma(faceRegion.cheeks)), colourSpread: round(spread, 2)});
		const limitFigures = {
			minColourSpread: limits.minColourSpread,
			failA: limits.failA.join('…'),
			failB: limits.failB.join('…'),
			naturalA: limits.naturalA.join('…'),
			naturalB: limits.naturalB.join('…'),
		};
		if (spread < limits.minColourSpread) {
			return {
				status: 'warn',
				message: `The photo is black-and-white or nearly so (mean colour spread ${num(spread, 1)} of 255, at least ${limits.minColourSpread} in a colour photo): the digital photo should show natural skin tones.`,
				measured,
				limits: limitFigures,
			};
		}
		if (!Number.isFinite(faceRegion.tone.medianL))
			return {status: 'skip', message: 'Not assessed: no skin of the face could be measured.', measured, limits: limitFigures};
		const cheeks = `the cheeks measure a* ${num(a, 0)}, b* ${num(b, 0)}`;
		const outside = (value: number, [low, high]: readonly [number, number]): boolean => value < low || value > high;
		if (outside(a, limits.failA) || outside(b, limits.failB)) {
			return {
				status: 'fail',
				message: `Unnatural skin tone (a colour cast or a filter): ${cheeks}, far outside human skin (a* ${limits.failA.join(' to ')}, b* ${limits.failB.join(' to ')}).`,
				measured,
				limits: limitFigures,
			};
		}
		if (outside(a, limits.naturalA) || outside(b, limits.naturalB)) {
			return {
				status: 'warn',
				message: `Possibly unnatural skin tone: ${cheeks}, outside the usual range (a* ${limits.naturalA.join(' to ')}, b* ${limits.naturalB.join(' to ')}).`,
				measured,
				limits: limitFigures,
			};
		}
		return {status: 'pass', message: `Colour photo with natural skin tones (${cheeks}).`, measured, limits: limitFigures};
	},
});
