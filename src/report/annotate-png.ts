import sharp from 'sharp';
import {overlaySvg, safeDataUrl} from './overlay.js';
import type {PhotoReport} from './schema.js';

/**
 * The annotated picture alone (`--annotate`): the report's thumbnail with the same marks as the
 * HTML report composited over it, as a PNG the thumbnail's size. Undefined when the report has no
 * thumbnail (made without `annotate`, or the photo could not be decoded).
 */
export async function renderAnnotatedPng(report: PhotoReport): Promise<Buffer | undefined> {
	const thumbnail = report.annotations?.thumbnail;
	const url = safeDataUrl(thumbnail?.dataUrl);
	if (!thumbnail || !url) return undefined;
	const size = {width: thumbnail.width, height: thumbnail.height};
	const svg = overlaySvg(report, {idPrefix: 'pr', size});
	const base = sharp(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')).resize(size.width, size.height, {fit: 'fill'});
	return (svg ? base.composite([{input: Buffer.from(svg), top: 0, left: 0}]) : base).png().toBuffer();
}
