import sharp from 'sharp';
import {invalidArgument} from '../arguments.js';
import {PNG_MADE_BY_XMP} from './made-by.js';
import {overlaySvg, safeDataUrl} from './overlay.js';
import type {PhotoReport} from './schema.js';

export interface AnnotatedPngOptions {
	/** The PNG's longest side in pixels, when smaller than the report's picture (never enlarged). */
	size?: number;
}

/**
 * The annotated picture alone (`--annotate`): the report's picture with the same marks as the
 * HTML report composited over it (the suggested crop included), as a PNG the picture's size or
 * `options.size`, its XMP naming this library as its maker. Undefined when the report has no picture (made without `annotate`, or the photo
 * could not be decoded).
 */
export async function renderAnnotatedPng(report: PhotoReport, options: AnnotatedPngOptions = {}): Promise<Buffer | undefined> {
	if (options.size !== undefined && !(Number.isInteger(options.size) && options.size > 0)) {
		throw invalidArgument('renderAnnotatedPng()', 'options.size', 'a whole number of pixels above 0', options.size);
	}
	const thumbnail = report.annotations?.thumbnail;
	const url = safeDataUrl(thumbnail?.dataUrl);
	if (!thumbnail || !url) return undefined;
	const scale = options.size === undefined ? 1 : Math.min(1, options.size / Math.max(thumbnail.width, thumbnail.height));
	const size = {width: Math.max(1, Math.round(thumbnail.width * scale)), height: Math.max(1, Math.round(thumbnail.height * scale))};
	const svg = overlaySvg(report, {idPrefix: 'pr', size});
	const base = sharp(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')).resize(size.width, size.height, {fit: 'fill'});
	return (svg ? base.composite([{input: Buffer.from(svg), top: 0, left: 0}]) : base).png().withXmp(PNG_MADE_BY_XMP).toBuffer();
}
