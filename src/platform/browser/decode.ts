import {assertPixelLimit, DecodeError, formatName, type ImageHeader} from '../../input/decode.js';
import {parseHeader} from '../../input/header.js';
import type {AcceptedFormat} from '../../input/sniff.js';
import type {Platform} from '../types.js';

const MIME: Record<AcceptedFormat, string> = {jpeg: 'image/jpeg', png: 'image/png'};

export async function readHeader(bytes: Uint8Array, format: AcceptedFormat): Promise<ImageHeader> {
	const {complete: _complete, ...header} = parseHeader(bytes, format);
	return header;
}

/**
 * The browser's own decoder: `createImageBitmap` with the EXIF orientation applied and the
 * embedded colour profile converted to sRGB, resized on decode, drawn on white (alpha composited as
 * a portal shows it) into an OffscreenCanvas. A file that stops before its end marker fails, as in
 * libvips: a browser would paint the missing rows grey.
 */
export const decodeRgb: Platform['decodeRgb'] = async (bytes, header, limits, scale) => {
	assertPixelLimit(header, limits.maxPixels);
	if (!parseHeader(bytes, header.format).complete) {
		throw new DecodeError(`The ${formatName(header.format)} data is damaged or incomplete (the file ends before its end marker).`);
	}
	const width = Math.max(1, Math.round(header.width / scale));
	const height = Math.max(1, Math.round(header.height / scale));
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(
			() =>
				reject(
					new DecodeError(
						`Decoding this ${formatName(header.format)} took longer than ${limits.decodeTimeoutSeconds} s and was stopped: a photo decodes in well under a second.`,
					),
				),
			limits.decodeTimeoutSeconds * 1000,
		);
	});
	let bitmap: ImageBitmap;
	try {
		const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {type: MIME[header.format]});
		const options: ImageBitmapOptions = {imageOrientation: 'from-image', premultiplyAlpha: 'none', colorSpaceConversion: 'default'};
		if (scale > 1) Object.assign(options, {resizeWidth: width, resizeHeight: height, resizeQuality: 'medium'});
		bitmap = await Promise.race([createImageBitmap(blob, options), timeout]);
	} catch (error) {
		if (error instanceof DecodeError) throw error;
		throw new DecodeError(`The ${formatName(header.format)} data is damaged or incomplete (${(error as Error).message || 'the browser could not decode it'}).`);
	} finally {
		clearTimeout(timer);
	}
	try {
		const canvas = new OffscreenCanvas(width, height);
		const context = canvas.getContext('2d', {willReadFrequently: true});
		if (!context) throw new DecodeError('This browser gives no 2D canvas to decode the photo into.');
		context.fillStyle = '#ffffff';
		context.fillRect(0, 0, width, height);
		context.drawImage(bitmap, 0, 0, width, height);
		const rgba = context.getImageData(0, 0, width, height).data;
		const data = new Uint8Array(width * height * 3);
		for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
			data[j] = rgba[i]!;
			data[j + 1] = rgba[i + 1]!;
			data[j + 2] = rgba[i + 2]!;
		}
		return {data, width, height, channels: 3, scale: header.width / width};
	} finally {
		bitmap.close();
	}
};
