import {z} from 'zod';
import {formatBytes, formatMegabytes} from '../../format.js';
import {defineCheck} from '../define.js';

const bytes = z.number().int().positive();

export const fileSize = defineCheck({
	id: 'file-size',
	requirement: ({maxBytes}) => `The file must be no larger than ${formatMegabytes(maxBytes)}.`,
	reason: 'FILE_TOO_LARGE',
	needs: ['size'],
	figures: [{key: 'bytes', label: 'file size', unit: 'bytes', atMost: 'maxBytes', safeFrom: 'warnAboveBytes'}],
	limits: {
		group: 'fileSize',
		schema: z
			.object({
				/** Above this many bytes the file fails (the portal's 4 MB, read the larger way). */
				maxBytes: bytes,
				/** Above this many bytes, up to `maxBytes`, the file warns (4 MB read the smaller way). */
				warnAboveBytes: bytes,
			})
			.strict(),
		order: [['warnAboveBytes', 'maxBytes']],
	},
	run({size}, {maxBytes, warnAboveBytes}) {
		const measured = {bytes: size};
		const fix = {
			action: 're-export',
			how: `at a lower JPEG quality, to at most ${warnAboveBytes.toLocaleString('en-US')} bytes, without cropping or resizing it`,
		} as const;
		const max = `${maxBytes.toLocaleString('en-US')} bytes`;
		if (size > maxBytes) {
			return {status: 'fail', message: `The file is ${formatBytes(size)}: above the limit of ${formatMegabytes(maxBytes)} (${max}).`, measured, fix};
		}
		if (size > warnAboveBytes) {
			return {
				status: 'warn',
				message:
					`The file is ${formatBytes(size)}: within the limit counted as ${max}, ` + `but above it counted as ${warnAboveBytes.toLocaleString('en-US')} bytes.`,
				measured,
				fix,
			};
		}
		return {status: 'pass', message: `The file is ${formatBytes(size)}, within ${formatMegabytes(maxBytes)} (${max}).`, measured};
	},
});
