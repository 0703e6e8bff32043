import {z} from 'zod';
import {percent, round} from '../../format.js';
import {defineCheck} from '../define.js';

export const faceCentred = defineCheck({
	id: 'face-centred',
	requirement: 'The photo must be taken straight on, with face and shoulders centred.',
	reason: 'OTHER_REQUIREMENT',
	needs: ['face'],
	figures: [
		{key: 'offset', label: "face's centre off the middle (share of the width)", unit: '%', absolute: true, atMost: 'maxOffset', safeFrom: 'warnOffset'},
		{key: 'eyeLine', label: 'eye line from the top (share of the height)', unit: '%', between: ['eyeLineMin', 'eyeLineMax']},
	],
	limits: {
		group: 'faceCentred',
		schema: z
			.object({
				/** Fail when the face's midline is further than this (a share of the width) from the middle. */
				maxOffset: z.number().min(0).max(0.5),
				warnOffset: z.number().min(0).max(0.5),
				/** Warn when the eye line is outside this band (shares of the height, from the top). */
				eyeLineMin: z.number().min(0).max(1),
				eyeLineMax: z.number().min(0).max(1),
			})
			.strict(),
		order: [
			['warnOffset', 'maxOffset'],
			['eyeLineMin', 'eyeLineMax'],
		],
	},
	run({face}, {maxOffset, warnOffset, eyeLineMin, eyeLineMax}) {
		// Both shares come with the face: its points are in the analysis image's pixels, not the photo's.
		const {eyeLine} = face;
		const offset = face.centreX - 0.5;
		const measured = {centreX: round(face.centreX, 3), offset: round(offset, 3), eyeLine: round(eyeLine, 3)};
		const side = offset > 0 ? 'right' : 'left';
		const where = `The face's centre is ${percent(Math.abs(offset))} of the width ${side} of the middle`;
		const centre = {action: 'crop', how: `so that the face is centred (it is ${percent(Math.abs(offset))} ${side} of the middle)`} as const;
		if (Math.abs(offset) > maxOffset) {
			return {status: 'fail', message: `${where} (at most ${percent(maxOffset)}).`, measured, fix: centre};
		}
		if (Math.abs(offset) > warnOffset) {
			return {status: 'warn', message: `${where}, close to the ${percent(maxOffset)} limit (at most ${percent(warnOffset)} is safe).`, measured, fix: centre};
		}
		if (eyeLine < eyeLineMin || eyeLine > eyeLineMax) {
			const band = `${percent(eyeLineMin, 0)}–${percent(eyeLineMax, 0)}`;
			return {
				status: 'warn',
				message: `The face is centred, but the eyes are at ${percent(eyeLine)} of the height from the top (expected ${band}): the head sits too ${eyeLine < eyeLineMin ? 'high' : 'low'} in the frame.`,
				measured,
				fix: {action: 'crop', how: `so that the eyes are ${band} of the height from the top (they are at ${percent(eyeLine)})`},
			};
		}
		return {
			status: 'pass',
			message: `The face is centred (${percent(Math.abs(offset))} off the middle; eyes at ${percent(eyeLine)} of the height).`,
			measured,
		};
	},
});
