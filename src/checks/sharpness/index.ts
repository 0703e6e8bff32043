import {z} from 'zod';
import {FOCUS_WIDTH} from '../../analysis/pixels/focus.js';
import {finite, num, round} from '../../format.js';
import {defineCheck} from '../define.js';

export const sharpness = defineCheck({
	id: 'sharpness',
	requirement: 'The photo must be clear, sharp and in focus.',
	reason: 'OTHER_REQUIREMENT',
	fix: {action: 'retake', how: 'in focus and without movement (sharpening the file afterwards counts as alteration)'},
	needs: ['focus'],
	figures: [
		{key: 'blur', label: 'blur of the face (0 sharp, 1 featureless)', atMost: 'maxBlur', safeFrom: 'warnBlur'},
		{key: 'faceWidth', label: 'face width measured', unit: 'px'},
	],
	limits: {
		group: 'sharpness',
		schema: z
			.object({
				/** Crété-Roffet blur (0 sharp – 1 featureless) of the face at a normalised size (fail, warn). */
				maxBlur: z.number().min(0).max(1),
				warnBlur: z.number().min(0).max(1),
			})
			.strict(),
		order: [['warnBlur', 'maxBlur']],
	},
	run({focus}, limits) {
		const {blur, faceWidth, upscaled} = focus;
		const measured = finite({blur: round(blur, 3), faceWidth: Math.round(faceWidth), upscaled});
		const found = `the face's blur measure is ${num(blur, 2)} (0 is sharp, 1 featureless; measured at a face width of ${FOCUS_WIDTH} px${upscaled ? `, enlarged from ${Math.round(faceWidth)} px` : ''})`;
		if (blur > limits.maxBlur) return {status: 'fail', message: `Out of focus or blurred: ${found}; at most ${limits.maxBlur}.`, measured};
		if (blur > limits.warnBlur)
			return {status: 'warn', message: `Possibly soft or slightly out of focus: ${found}; at most ${limits.warnBlur} is safe.`, measured};
		return {status: 'pass', message: `Sharp: ${found}.`, measured};
	},
});
