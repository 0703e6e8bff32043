import {z} from 'zod';
import {defineCheck} from '../define.js';

const pixels = z.number().int().positive();

export const dimensions = defineCheck({
	id: 'dimensions',
	requirement: ({minWidth, minHeight, maxWidth, maxHeight}) =>
		maxWidth === undefined || maxHeight === undefined
			? `The photo must be at least ${minWidth} × ${minHeight} pixels.`
			: `The photo must be between ${minWidth} × ${minHeight} and ${maxWidth} × ${maxHeight} pixels.`,
	reason: 'DIMENSIONS_OUT_OF_RANGE',
	needs: ['header'],
	figures: [
		{key: 'width', label: 'width', unit: 'px', between: ['minWidth', 'maxWidth']},
		{key: 'height', label: 'height', unit: 'px', between: ['minHeight', 'maxHeight']},
	],
	limits: {
		group: 'dimensions',
		// A document with only a minimum (the visa's 420 × 540) has no maximum.
		schema: z.object({minWidth: pixels, maxWidth: pixels.optional(), minHeight: pixels, maxHeight: pixels.optional()}).strict(),
		order: [
			['minWidth', 'maxWidth'],
			['minHeight', 'maxHeight'],
		],
	},
	run({header}, {minWidth, maxWidth, minHeight, maxHeight}) {
		const {width, height, orientation} = header;
		const measured = {width, height, ...(orientation === 1 ? {} : {orientation})};
		const size = `${width} × ${height} pixels`;
		const rotated = orientation >= 5 ? ' (as displayed, after its EXIF rotation)' : '';

		const problems: string[] = [];
		if (width < minWidth) problems.push(`${width} px wide, needs at least ${minWidth}`);
		if (maxWidth !== undefined && width > maxWidth) problems.push(`${width} px wide, at most ${maxWidth} allowed`);
		if (height < minHeight) problems.push(`${height} px high, needs at least ${minHeight}`);
		if (maxHeight !== undefined && height > maxHeight) problems.push(`${height} px high, at most ${maxHeight} allowed`);

		if (problems.length > 0) {
			// Too small: only a larger original helps (cropping makes it smaller still). Too large: a crop may fix it, or resizing.
			const fix =
				width < minWidth || height < minHeight
					? ({action: 're-export', how: `from the original, larger file: at least ${minWidth} × ${minHeight} pixels`} as const)
					: ({action: 're-export', how: `scaled down to at most ${maxWidth ?? width} × ${maxHeight ?? height} pixels`} as const);
			return {status: 'fail', message: `The photo is ${size}${rotated}: ${problems.join(', ')}.`, measured, fix};
		}
		const within =
			maxWidth === undefined || maxHeight === undefined
				? `at least ${minWidth} × ${minHeight}`
				: `between ${minWidth} × ${minHeight} and ${maxWidth} × ${maxHeight}`;
		return {status: 'pass', message: `The photo is ${size}${rotated}, ${within}.`, measured};
	},
});
