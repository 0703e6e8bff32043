import {z} from 'zod';
import {formatBytes, formatKilobytes, formatMegabytes} from '../../format.js';
import {defineCheck} from '../define.js';

const bytes = z.number().int().positive();

export const fileSize = defineCheck({
	id: 'file-size',
	requirement: ({maxBytes, minBytes}) =>
		minBytes === undefined
			? `The file must be no larger than ${formatMegabytes(maxBytes)}.`
			: `The file must be at least ${formatKilobytes(minBytes)} and no larger than ${formatMegabytes(maxBytes)}.`,
	reason: 'FILE_TOO_LARGE',
	needs: ['size'],
	figures: [{key: 'bytes', label: 'file size', unit: 'bytes', atLeast: 'minBytes', atMost: 'maxBytes', safeFrom: 'warnAboveBytes'}],
	limits: {
		group: 'fileSize',
		schema: z
			.object({
				/** Above this many bytes the file fails (the portal's 4 MB, read the larger way). */
				maxBytes: bytes,
				/** Above this many bytes, up to `maxBytes`, the file warns (4 MB read the smaller way). */
				warnAboveBytes: bytes,
				/** Below this many bytes the file fails, for a document with a minimum (the visa's 60 kB): too compressed to show detail. */
				minBytes: bytes.optional(),
			})
			.strict(),
		order: [
			['warnAboveBytes', 'maxBytes'],
			['minBytes', 'warnAboveBytes'],
		],
	},
	run({size}, {maxBytes, warnAboveBytes, minBytes}) {
		const measured = {bytes: size};
		if (minBytes !== undefined && size < minBytes) {
			return {
				status: 'fail',
				// Not "above 4 MB": the portal's reasons have none for a file too small, so it is another requirement.
				reason: 'OTHER_REQUIREMENT',
				message: `The file is ${formatBytes(size)}: below the least of ${formatKilobytes(minBytes)} (${minBytes.toLocaleString('en-US')} bytes).`,
				measured,
				fix: {action: 're-export', how: `at a higher JPEG quality, to at least ${minBytes.toLocaleString('en-US')} bytes`},
			};
		}
		const fix = {
			action: 're-export',
			how: `as a JPEG at a lower quality (a PNG as a JPEG: a photo that size is far smaller so), to at most ${warnAboveBytes.toLocaleString('en-US')} bytes, without cropping or resizing it`,
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
