import sharp from 'sharp';
import {assertPixelLimit, DecodeError, formatName, type ImageHeader} from '../../input/decode.js';
import type {RgbImage} from '../../input/image.js';
import type {DecodeLimits} from '../../input/limits.js';
import type {AcceptedFormat} from '../../input/sniff.js';

/** Read the header only: dimensions and layout, without decoding a pixel. */
export async function readHeader(bytes: Uint8Array, format: AcceptedFormat): Promise<ImageHeader> {
	let metadata: sharp.Metadata;
	try {
		// Reading the header is safe at any size; the pixel limit applies to decoding.
		metadata = await sharp(bytes, {limitInputPixels: false}).metadata();
	} catch (error) {
		throw new DecodeError(`The ${formatName(format)} header could not be read (${libvipsMessage(error)}).`);
	}
	const storedWidth = metadata.width ?? 0;
	const storedHeight = metadata.height ?? 0;
	if (storedWidth <= 0 || storedHeight <= 0) {
		throw new DecodeError(`The ${formatName(format)} header gives no image size.`);
	}
	const orientation = metadata.orientation ?? 1;
	const swap = orientation >= 5 && orientation <= 8;
	return {
		format,
		width: swap ? storedHeight : storedWidth,
		height: swap ? storedWidth : storedHeight,
		storedWidth,
		storedHeight,
		orientation,
		space: metadata.space ?? 'unknown',
		channels: metadata.channels ?? 0,
		depth: metadata.depth ?? 'unknown',
		hasAlpha: metadata.hasAlpha ?? false,
		progressive: metadata.isProgressive ?? false,
		hasIccProfile: metadata.icc !== undefined,
	};
}

/**
 * Decode to 8-bit sRGB with the EXIF orientation applied, at 1/`scale` of the photo's size: the one
 * decode of the whole file a photo gets (every byte of it is read, so a truncated file fails here
 * at any scale). Transparency is composited on white, the way a portal displays it (the
 * file-format check says so).
 */
export async function decodeRgb(
	bytes: Uint8Array,
	header: ImageHeader,
	limits: Pick<DecodeLimits, 'maxPixels' | 'decodeTimeoutSeconds'>,
	scale: number,
): Promise<RgbImage> {
	assertPixelLimit(header, limits.maxPixels);
	try {
		let pipeline = sharp(bytes, {limitInputPixels: limits.maxPixels, failOn: 'error', sequentialRead: true})
			.timeout({seconds: limits.decodeTimeoutSeconds})
			.rotate();
		if (scale > 1) {
			const width = Math.round(header.width / scale);
			const height = Math.round(header.height / scale);
			// When a JPEG's shrink-on-load lands exactly on the size, nothing is left to resample (a PNG
			// has no shrink-on-load: it is filtered down).
			const exact = header.format === 'jpeg' && width * scale === header.width && height * scale === header.height;
			pipeline = pipeline.resize(width, height, {fit: 'fill', kernel: exact ? 'nearest' : 'linear'});
		}
		const {data, info} = await pipeline.flatten({background: '#ffffff'}).toColourspace('srgb').raw({depth: 'uchar'}).toBuffer({resolveWithObject: true});
		if (info.channels !== 3) {
			throw new DecodeError(`Decoding gave ${info.channels} channels where 3 were expected.`);
		}
		return {
			data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
			width: info.width,
			height: info.height,
			channels: 3,
			scale: header.width / info.width,
		};
	} catch (error) {
		if (error instanceof DecodeError) throw error;
		if (/timeout: \d+% complete/.test(libvipsMessage(error))) {
			throw new DecodeError(
				`Decoding this ${formatName(header.format)} took longer than ${limits.decodeTimeoutSeconds} s and was stopped: a photo decodes in well under a second.`,
			);
		}
		throw new DecodeError(`The ${formatName(header.format)} data is damaged or incomplete (${libvipsMessage(error)}).`);
	}
}

/** libvips' messages end in a newline and sometimes repeat a prefix: keep the first line, lower-cased jargon intact. */
function libvipsMessage(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return text.split('\n')[0]?.trim().replace(/\.$/, '') || 'unknown error';
}
