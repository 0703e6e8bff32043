import {z} from 'zod';
import {defineCheck} from '../define.js';

/** Extensions a file of each accepted format may carry. */
const extensions: Record<string, readonly string[]> = {
	jpeg: ['jpg', 'jpeg', 'jpe', 'jfif'],
	png: ['png'],
};

export const fileFormat = defineCheck({
	id: 'file-format',
	requirement: ({formats}) => (formats === 'jpeg' ? 'The photo must be a JPEG file.' : 'The photo must be in a JPEG or PNG format.'),
	reason: 'OTHER_REQUIREMENT',
	// Decodable is part of the requirement: a truncated JPEG is not a JPEG photo.
	needs: ['file', 'type', 'header', 'image'],
	figures: [
		{key: 'format', label: 'format'},
		{key: 'colourSpace', label: 'colour space'},
		{key: 'bitDepth', label: 'bits per channel'},
	],
	failsWithout: ['size', 'file', 'type', 'header', 'image'],
	limits: {
		group: 'fileFormat',
		schema: z
			.object({
				/** The formats the document takes, of those this library decodes. */
				formats: z.enum(['jpeg png', 'jpeg']),
			})
			.strict(),
	},
	run({file, type, header}, {formats}) {
		const label = header.format === 'jpeg' ? 'JPEG' : 'PNG';
		const extension = file.name ? extensionOf(file.name) : undefined;
		const measured = {
			format: header.format,
			mime: type.mime ?? 'unknown',
			colourSpace: header.space,
			bitDepth: header.depth === 'ushort' ? 16 : 8,
			alpha: header.hasAlpha,
			orientation: header.orientation,
			progressive: header.progressive,
			...(extension === undefined ? {} : {extension}),
		};

		if (!formats.split(' ').includes(header.format)) {
			return {
				status: 'fail',
				message: `The content is a ${label} image: this document takes JPEG files only.`,
				measured,
				fix: {action: 're-export', how: 'as a JPEG (.jpg) file'},
			};
		}

		const warnings: string[] = [];
		const hows: string[] = [];
		const suffix = header.format === 'jpeg' ? 'jpg' : 'png';
		if (extension !== undefined && !extensions[header.format]?.includes(extension)) {
			warnings.push(`its name ends in ".${extension}" (an upload form that trusts the name may refuse it)`);
			hows.push(`named .${suffix}`);
		} else if (file.name !== undefined && extension === undefined) {
			warnings.push(`its name "${file.name}" has no extension (an upload form may ask for .${suffix})`);
			hows.push(`named .${suffix}`);
		}
		if (header.space === 'cmyk') {
			warnings.push('it uses CMYK colour, meant for printing; a screen-ready photo is RGB');
			hows.push('in RGB colour');
		}
		if (header.hasAlpha) {
			warnings.push('it has a transparency channel; transparent parts were judged as if on white, and a portal may show them differently');
			hows.push('without transparency');
		}

		if (warnings.length > 0) {
			return {
				status: 'warn',
				message: `The content is a ${label} image that decodes completely, but ${warnings.join('; and ')}.`,
				measured,
				fix: {action: 're-export', how: hows.join(', ')},
			};
		}
		return {status: 'pass', message: `The content is a ${label} image that decodes completely.`, measured};
	},
});

function extensionOf(name: string): string | undefined {
	const match = /\.([^./\\]+)$/.exec(name);
	return match?.[1]?.toLowerCase();
}
