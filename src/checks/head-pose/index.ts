import {z} from 'zod';
import {num, round} from '../../format.js';
import {defineCheck} from '../define.js';

export const headPose = defineCheck({
	id: 'head-pose',
	requirement: 'The photo must be taken straight on, with the face squared to the camera (not tilted or turned).',
	reason: 'OTHER_REQUIREMENT',
	fix: {action: 'retake', how: 'looking straight at the camera, the head level and not turned'},
	needs: ['face'],
	figures: [
		{key: 'rollDeg', label: 'head tilted sideways (roll)', unit: '°', absolute: true, atMost: 'maxRollDeg', safeFrom: 'warnRollDeg'},
		{key: 'yawDeg', label: 'head turned (yaw)', unit: '°', absolute: true, atMost: 'maxYawDeg', safeFrom: 'warnYawDeg'},
		{key: 'pitchDeg', label: 'head raised or lowered (pitch, an estimate)', unit: '°', absolute: true, safeFrom: 'warnPitchDeg'},
	],
	limits: {
		group: 'headPose',
		schema: z
			.object({
				maxRollDeg: z.number().min(0).max(90),
				warnRollDeg: z.number().min(0).max(90),
				maxYawDeg: z.number().min(0).max(90),
				warnYawDeg: z.number().min(0).max(90),
				/** Pitch is estimated with a spread too wide to fail on: it only warns. */
				warnPitchDeg: z.number().min(0).max(90),
			})
			.strict(),
		order: [
			['warnRollDeg', 'maxRollDeg'],
			['warnYawDeg', 'maxYawDeg'],
		],
	},
	run({face}, limits) {
		const {rollDeg: roll, yawDeg: yaw, pitchDeg: pitch} = face;
		const measured = {rollDeg: round(roll), yawDeg: round(yaw), pitchDeg: round(pitch)};
		const angles = `roll ${num(roll)}°, yaw ${num(yaw)}°, pitch ${num(pitch)}°`;
		const failures = [
			Math.abs(roll) > limits.maxRollDeg ? `tilted ${num(Math.abs(roll))}° sideways (at most ${limits.maxRollDeg}°)` : '',
			Math.abs(yaw) > limits.maxYawDeg
				? `turned ${num(Math.abs(yaw))}° ${yaw > 0 ? 'to the right of the photo' : 'to the left of the photo'} (at most ${limits.maxYawDeg}°)`
				: '',
		].filter(Boolean);
		if (failures.length > 0) return {status: 'fail', message: `The head is ${failures.join(' and ')}: ${angles}.`, measured};
		const warnings = [
			Math.abs(roll) > limits.warnRollDeg ? `tilted ${num(Math.abs(roll))}° sideways (at most ${limits.warnRollDeg}° is safe)` : '',
			Math.abs(yaw) > limits.warnYawDeg ? `turned ${num(Math.abs(yaw))}° (at most ${limits.warnYawDeg}° is safe)` : '',
			Math.abs(pitch) > limits.warnPitchDeg
				? `${pitch > 0 ? 'raised' : 'lowered'} about ${num(Math.abs(pitch), 0)}° (an estimate; at most ${limits.warnPitchDeg}° is safe)`
				: '',
		].filter(Boolean);
		if (warnings.length > 0) return {status: 'warn', message: `The head may be ${warnings.join(' and ')}: ${angles}.`, measured};
		return {status: 'pass', message: `The head is straight (${angles}).`, measured};
	},
});
