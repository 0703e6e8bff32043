import type {JpegStructure} from '../analysis/file/jpeg-structure.js';
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
export function assertPixelLimit(header: ImageHeader, maxPixels: number): void {
	const pixels = header.storedWidth * header.storedHeight;
	if (pixels > maxPixels) {
		throw new DecodeError(
			`The image declares ${header.storedWidth} × ${header.storedHeight} pixels (${megapixels(pixels)} megapixels), ` +
				`more than the ${megapixels(maxPixels)} megapixels this validator decodes; a PR card photo is at most 2000 × 2800.`,
		);
	}
}

export function formatName(format: AcceptedFormat): string {
	return format === 'jpeg' ? 'JPEG' : 'PNG';
}

function megapixels(pixels: number): string {
	return (pixels / 1e6).toLocaleString('en-US', {maximumFractionDigits: 1});
}
