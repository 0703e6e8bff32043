import {fileTypeFromBuffer} from 'file-type';

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
	const type = await fileTypeFromBuffer(bytes);
	if (!type || type.ext === 'xml') return {...(type ? {ext: type.ext, mime: type.mime} : {}), description: describeUnknown(bytes)};
	const format = type.ext === 'jpg' ? 'jpeg' : type.ext === 'png' ? 'png' : undefined;
	return {
		ext: type.ext,
		mime: type.mime,
		...(format ? {format} : {}),
		description: names[type.ext] ?? `a ${type.ext.toUpperCase()} file (${type.mime})`,
	};
}

function describeUnknown(bytes: Uint8Array): string {
	const head = bytes.subarray(0, 256);
	const text = Buffer.from(head).toString('latin1');
	if (/<svg[\s>]/i.test(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))) return 'an SVG drawing';
	if (/^\s*<\?xml/i.test(text)) return 'an XML document';
	const printable = [...head].filter((byte) => byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte < 127)).length;
	if (printable / head.length > 0.95) {
		return `text (it starts with "${text.slice(0, 24).replace(/\s+/g, ' ').trim()}")`;
	}
	const hex = [...bytes.subarray(0, 4)].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
	return `not a known image format (it starts with the bytes ${hex})`;
}
