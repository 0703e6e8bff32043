import {fileTypeFromBuffer} from 'file-type';
import {decodeText, latin1} from './text.js';

/** The formats the PR Portal accepts. */
export const ACCEPTED_FORMATS = ['jpeg', 'png'] as const;
export type AcceptedFormat = (typeof ACCEPTED_FORMATS)[number];

export interface SniffedType {
	/** file-type's extension ('jpg', 'png', 'gif', …), or undefined when the content is not recognised. */
	readonly ext?: string;
	readonly mime?: string;
	/** The accepted format it is, when it is one. */
	readonly format?: AcceptedFormat;
	/** What the content is, for a person: "a GIF image", "text (starts with '<svg')". */
	readonly description: string;
}

const names: Record<string, string> = {
	jpg: 'a JPEG image',
	png: 'a PNG image',
	gif: 'a GIF image',
	webp: 'a WebP image',
	tif: 'a TIFF image',
	avif: 'an AVIF image',
	heic: 'a HEIC image',
	bmp: 'a BMP image',
	jxl: 'a JPEG XL image',
	jp2: 'a JPEG 2000 image',
	pdf: 'a PDF document',
	zip: 'a ZIP archive',
	xml: 'an XML document',
	ico: 'an icon file',
	psd: 'a Photoshop document',
	apng: 'an animated PNG',
	mp4: 'an MP4 video',
	mov: 'a QuickTime video',
};

/** Identify the content by its bytes, never by the file name. */
export async function sniffType(bytes: Uint8Array): Promise<SniffedType> {
	if (bytes.byteLength === 0) return {description: 'an empty file (0 bytes)'};
	// Before the sniffer: a UTF-16 byte-order mark (FF FE) also reads as an MPEG audio frame sync.
	const text = unicodeText(bytes);
	if (text) return {description: text};
	const type = await fileTypeFromBuffer(bytes);
	// A PNG signature the sniffer could not follow (no IHDR after it) is a damaged PNG, for the decoder to say how.
	if (!type && startsWith(bytes, PNG_SIGNATURE)) return {ext: 'png', mime: 'image/png', format: 'png', description: 'a damaged PNG image'};
	if (!type || type.ext === 'xml') return {...(type ? {ext: type.ext, mime: type.mime} : {}), description: describeUnknown(bytes)};
	const format = type.ext === 'jpg' ? 'jpeg' : type.ext === 'png' ? 'png' : undefined;
	return {
		ext: type.ext,
		mime: type.mime,
		...(format ? {format} : {}),
		description: names[type.ext] ?? `a ${type.ext.toUpperCase()} file (${type.mime})`,
	};
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
	return prefix.every((byte, index) => bytes[index] === byte);
}

/** Text with a byte-order mark, or UTF-16 without one (every other byte zero): named as text, with its start. */
function unicodeText(bytes: Uint8Array): string | undefined {
	const head = bytes.subarray(0, 512);
	let encoding: 'utf-16le' | 'utf-16be' | 'utf-8' | undefined;
	let start = 0;
	if (startsWith(head, [0xff, 0xfe])) [encoding, start] = ['utf-16le', 2];
	else if (startsWith(head, [0xfe, 0xff])) [encoding, start] = ['utf-16be', 2];
	else if (startsWith(head, [0xef, 0xbb, 0xbf])) [encoding, start] = ['utf-8', 3];
	else if (head.length >= 16) {
		const pairs = Math.floor(head.length / 2);
		let evenZeros = 0;
		let oddZeros = 0;
		for (let index = 0; index < pairs * 2; index += 2) {
			if (head[index] === 0) evenZeros++;
			if (head[index + 1] === 0) oddZeros++;
		}
		if (oddZeros / pairs > 0.9 && evenZeros / pairs < 0.1) encoding = 'utf-16le';
		else if (evenZeros / pairs > 0.9 && oddZeros / pairs < 0.1) encoding = 'utf-16be';
	}
	if (!encoding) return undefined;
	const body = head.subarray(start);
	const decoded = decodeText(encoding === 'utf-8' ? body : body.subarray(0, body.length & ~1), encoding);
	const label = encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
	return `text in ${label} (it starts with ${JSON.stringify(decoded.slice(0, 24).replace(/\s+/g, ' ').trim())})`;
}

function describeUnknown(bytes: Uint8Array): string {
	const head = bytes.subarray(0, 256);
	const text = latin1(head);
	if (/<svg[\s>]/i.test(latin1(bytes, 0, Math.min(bytes.length, 4096)))) return 'an SVG drawing';
	if (/^\s*<\?xml/i.test(text)) return 'an XML document';
	const printable = [...head].filter((byte) => byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte < 127)).length;
	if (printable / head.length > 0.95) {
		return `text (it starts with "${text.slice(0, 24).replace(/\s+/g, ' ').trim()}")`;
	}
	const hex = [...bytes.subarray(0, 4)].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
	return `not a known image format (it starts with the bytes ${hex})`;
}
