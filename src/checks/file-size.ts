import {formatBytes} from '../input/read.js';
import {defineCheck} from './check.js';

export const fileSize = defineCheck({
	id: 'file-size',
	requirement: 'The file must be no larger than 4 MB.',
	reason: 'FILE_TOO_LARGE',
	needs: ['size'],
	run({size}, profile) {
		const {maxBytes, warnAboveBytes} = profile.fileSize;
		const measured = {bytes: size};
		const limits = {maxBytes, warnAboveBytes};
		if (size > maxBytes) {
			return {
				status: 'fail',
				message: `The file is ${formatBytes(size)}: above 4 MB however it is counted (at most ${maxBytes.toLocaleString('en-US')} bytes).`,
				measured,
				limits,
			};
		}
		if (size > warnAboveBytes) {
			return {
				status: 'warn',
				message:
					`The file is ${formatBytes(size)}: within 4 MB counted as ${maxBytes.toLocaleString('en-US')} bytes, ` +
					`but above 4 MB counted as ${warnAboveBytes.toLocaleString('en-US')}; save it slightly smaller to be safe.`,
				measured,
				limits,
			};
		}
		return {status: 'pass', message: `The file is ${formatBytes(size)}, within 4 MB.`, measured, limits};
	},
});
