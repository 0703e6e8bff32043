import {DecodeError, formatName, type ImageHeader} from './decode.js';
import type {AcceptedFormat} from './sniff.js';

/**
 * The header of a JPEG or PNG read from its bytes in plain JavaScript, with the fields libvips'
 * header gives (sharp's `metadata()`), for where there is no libvips: the browser build. Also says
 * whether the file reaches its end marker, which a browser's decoder does not (it paints the
 * missing rows grey where libvips fails).
 */
export interface ParsedHeader extends ImageHeader {
	/** The JPEG's end-of-image marker or the PNG's IEND chunk is present. */
	readonly complete: boolean;
}

export function parseHeader(bytes: Uint8Array, format: AcceptedFormat): ParsedHeader {
	const header = format === 'jpeg' ? jpegHeader(bytes) : pngHeader(bytes);
	if (!header) throw new DecodeError(`The ${formatName(format)} header could not be read (no image size in it).`);
	if (header.storedWidth <= 0 || header.storedHeight <= 0) throw new DecodeError(`The ${formatName(format)} header gives no image size.`);
	return header;
}

const be16 = (bytes: Uint8Array, at: number) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
const be32 = (bytes: Uint8Array, at: number) => be16(bytes, at) * 65_536 + be16(bytes, at + 2);

function oriented(format: AcceptedFormat, storedWidth: number, storedHeight: number, orientation: number) {
	const swap = orientation >= 5 && orientation <= 8;
	return {format, width: swap ? storedHeight : storedWidth, height: swap ? storedWidth : storedHeight, storedWidth, storedHeight, orientation};
}

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegHeader(bytes: Uint8Array): ParsedHeader | undefined {
	let at = 2;
	let orientation = 1;
	let icc = false;
	let frame: {width: number; height: number; components: number; progressive: boolean} | undefined;
	while (at + 4 <= bytes.length) {
		if (bytes[at] !== 0xff) return undefined;
		const marker = bytes[at + 1]!;
		if (marker === 0xff) {
			at++;
			continue;
		}
		if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
			at += 2;
			continue;
		}
		const length = be16(bytes, at + 2);
		const body = at + 4;
		if (marker === 0xe1 && ascii(bytes, body, 6) === 'Exif\0\0') orientation = exifOrientation(bytes, body + 6, body + length - 2) ?? orientation;
		if (marker === 0xe2 && ascii(bytes, body, 12) === 'ICC_PROFILE\0') icc = true;
		if (SOF_MARKERS.has(marker)) {
			frame = {height: be16(bytes, body + 1), width: be16(bytes, body + 3), components: bytes[body + 5] ?? 0, progressive: marker === 0xc2 || marker === 0xc6};
		}
		if (marker === 0xda) break;
		at = body + length - 2;
	}
	if (!frame) return undefined;
	return {
		...oriented('jpeg', frame.width, frame.height, orientation),
		space: frame.components === 1 ? 'b-w' : frame.components === 4 ? 'cmyk' : 'srgb',
		channels: frame.components,
		depth: 'uchar',
		hasAlpha: false,
		progressive: frame.progressive,
		hasIccProfile: icc,
		complete: endsWithEoi(bytes),
	};
}

/** An end-of-image marker near the end (phones append data after it). */
function endsWithEoi(bytes: Uint8Array): boolean {
	for (let at = bytes.length - 2; at >= 2; at--) if (bytes[at] === 0xff && bytes[at + 1] === 0xd9) return true;
	return false;
}

/** Tag 0x0112 of IFD0 in the TIFF structure at `start`. */
function exifOrientation(bytes: Uint8Array, start: number, end: number): number | undefined {
	const little = ascii(bytes, start, 2) === 'II';
	const u16 = (at: number) => (little ? (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) : be16(bytes, at));
	const u32 = (at: number) => (little ? u16(at) + u16(at + 2) * 65_536 : be32(bytes, at));
	const ifd = start + u32(start + 4);
	if (ifd + 2 > end) return undefined;
	const entries = u16(ifd);
	for (let i = 0; i < entries; i++) {
		const entry = ifd + 2 + i * 12;
		if (entry + 12 > end) return undefined;
		if (u16(entry) === 0x0112) {
			const value = u16(entry + 8);
			return value >= 1 && value <= 8 ? value : undefined;
		}
	}
	return undefined;
}

function pngHeader(bytes: Uint8Array): ParsedHeader | undefined {
	if (ascii(bytes, 12, 4) !== 'IHDR') return undefined;
	const width = be32(bytes, 16);
	const height = be32(bytes, 20);
	const bitDepth = bytes[24] ?? 8;
	const colourType = bytes[25] ?? 2;
	let icc = false;
	let transparency = false;
	let complete = false;
	let orientation = 1;
	for (let at = 8; at + 8 <= bytes.length; ) {
		const length = be32(bytes, at);
		const type = ascii(bytes, at + 4, 4);
		if (type === 'iCCP') icc = true;
		if (type === 'tRNS') transparency = true;
		if (type === 'eXIf') orientation = exifOrientation(bytes, at + 8, at + 8 + length) ?? orientation;
		if (type === 'IEND') {
			complete = true;
			break;
		}
		at += 12 + length;
	}
	const grey = colourType === 0 || colourType === 4;
	const alpha = colourType === 4 || colourType === 6 || transparency;
	return {
		...oriented('png', width, height, orientation),
		space: grey ? (bitDepth === 16 ? 'grey16' : 'b-w') : bitDepth === 16 ? 'rgb16' : 'srgb',
		channels: (grey ? 1 : 3) + (alpha ? 1 : 0),
		depth: bitDepth === 16 ? 'ushort' : 'uchar',
		hasAlpha: alpha,
		progressive: (bytes[28] ?? 0) === 1,
		hasIccProfile: icc,
		complete,
	};
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
	let text = '';
	for (let i = at; i < at + length && i < bytes.length; i++) text += String.fromCharCode(bytes[i]!);
	return text;
}
