import {FOCUS_WIDTH} from '../analysis/focus.js';
import {finite, round} from '../analysis/stats.js';
import {defineCheck, num} from './check.js';

export const sharpness = defineCheck({
	id: 'sharpness',
	requirement: 'The photo must be clear, sharp and in focus.',
	reason: 'OTHER_REQUIREMENT',
	advice: 'Retake the photo in focus and without movement; sharpening the file afterwards counts as alteration.',
	needs: ['focus'],
	run({focus}, profile) {
		const limits = profile.sharpness;
		const {blur, faceWidth, upscaled} = focus;
		const measured = finite({blur: round(blur, 3), faceWidth: Math.round(faceWidth), upscaled});
		const found = `the face's blur measure is ${num(blur, 2)} (0 is sharp, 1 featureless; measured at a face width of ${FOCUS_WIDTH} px${upscaled ? `, enlarged from ${Math.round(faceWidth)} px` : ''})`;
		if (blur > limits.maxBlur) return {status: 'fail', message: `Out of focus or blurred: ${found}; at most ${limits.maxBlur}.`, measured, limits};
		if (blur > limits.warnBlur)
			return {status: 'warn', message: `Possibly soft or slightly out of focus: ${found}; at most ${limits.warnBlur} is safe.`, measured, limits};
		return {status: 'pass', message: `Sharp: ${found}.`, measured, limits};
	},
});
