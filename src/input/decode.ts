import sharp from 'sharp';
import type {JpegStructure} from '../analysis/file/jpeg-structure.js';
import type {RgbImage} from './image.js';
import type {DecodeLimits} from './limits.js';
import type {AcceptedFormat} from './sniff.js';

export interface ImageHeader {
	readonly format: AcceptedFormat;
	/** As displayed: after the EXIF orientation is applied. */
	readonly width: number;
	readonly height: number;
	/** As stored in the file, before orientation. */
	readonly storedWidth: number;
	readonly storedHeight: number;
	/** EXIF orientation 1–8 (1 when absent). */
	readonly orientation: number;
	/** libvips' colour space name: 'srgb', 'b-w', 'cmyk', 'rgb16', 'grey16'… */
	readonly space: string;
	readonly channels: number;
	/** 'uchar' (8 bits per sample) or 'ushort' (16). */
	readonly depth: string;
	readonly hasAlpha: boolean;
	readonly progressive: boolean;
	/** Whether the file embeds an ICC profile (colour managed to sRGB on decode). */
	readonly hasIccProfile: boolean;
}

export class DecodeError extends Error {
	override name = 'DecodeError';
}

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

/** The measures need no more than this many pixels on a photo's shorter side (the portal's minimum is 715 × 1000). */
export const ANALYSIS_SHORT_SIDE = 1000;

/**
 * How much smaller than the photo its analysis image is decoded: a power of two (a JPEG decodes
 * straight at 1/2, 1/4 or 1/8 of its size), keeping at least `ANALYSIS_SHORT_SIDE` on the shorter
 * side. A 2000 × 2800 photo is analysed at 1000 × 1400; anything up to 1999 px wide at full size.
 */
export function analysisScale(header: Pick<ImageHeader, 'width' | 'height'>): number {
	const shorter = Math.min(header.width, header.height);
	let scale = 1;
	while (scale < 8 && shorter / (scale * 2) >= ANALYSIS_SHORT_SIDE) scale *= 2;
	return scale;
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
	scale = 1,
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

/**
 * Refuse a JPEG whose structure costs more to decode than a photo can need, before a byte is decoded:
 * too many scans (a scan bomb), or a coding the portal's decoders (web browsers) do not read.
 */
export function assertDecodableStructure(jpeg: Pick<JpegStructure, 'scans' | 'coding'>, maxScans: number): void {
	if (jpeg.coding === 'arithmetic' || jpeg.coding === 'lossless' || jpeg.coding === 'hierarchical') {
		const kind = jpeg.coding === 'arithmetic' ? 'arithmetic-coded' : jpeg.coding;
		throw new DecodeError(
			`The file is a ${kind} JPEG, which web browsers and the portal's decoders do not read: save it as a standard (baseline or progressive) JPEG.`,
		);
	}
	if (jpeg.scans > maxScans) {
		throw new DecodeError(
			`The JPEG is stored in ${jpeg.scans.toLocaleString('en-US')} scans, more than the ${maxScans} this validator decodes (cameras and encoders write 1, or about 10 when progressive): ` +
				'decoding it would take minutes, so it was not decoded. Save the photo again as a standard JPEG.',
		);
	}
}

/** Refuse a pixel bomb on its header's numbers, before a byte is decoded. */
function assertPixelLimit(header: ImageHeader, maxPixels: number): void {
	const pixels = header.storedWidth * header.storedHeight;
	if (pixels > maxPixels) {
		throw new DecodeError(
			`The image declares ${header.storedWidth} × ${header.storedHeight} pixels (${megapixels(pixels)} megapixels), ` +
				`more than the ${megapixels(maxPixels)} megapixels this validator decodes; a PR card photo is at most 2000 × 2800.`,
		);
	}
}

function formatName(format: AcceptedFormat): string {
	return format === 'jpeg' ? 'JPEG' : 'PNG';
}

function megapixels(pixels: number): string {
	return (pixels / 1e6).toLocaleString('en-US', {maximumFractionDigits: 1});
}

/** libvips' messages end in a newline and sometimes repeat a prefix: keep the first line, lower-cased jargon intact. */
function libvipsMessage(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return text.split('\n')[0]?.trim().replace(/\.$/, '') || 'unknown error';
}
