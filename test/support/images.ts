/** Small synthetic files for the tests, made in memory: no fixture needs committing. */
import {deflateSync} from 'node:zlib';
import sharp from 'sharp';

/** A noisy RGB image, so that encoders cannot compress it to nothing. */
export function noisy(width: number, height: number): sharp.Sharp {
	return sharp({create: {width, height, channels: 3, background: '#ffffff', noise: {type: 'gaussian', mean: 200, sigma: 30}}});
}

/** "YYYY:MM:DD HH:MM:SS", as EXIF writes dates. */
export function exifDate(date: Date): string {
	return date.toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, ':');
}

/** The EXIF a camera writes: make, model and a capture date 10 days ago, so the unaltered and recent checks pass. */
export function cameraExif(taken = new Date(Date.now() - 10 * 86_400_000)): sharp.WriteableMetadata['exif'] {
	return {IFD0: {Make: 'Canon', Model: 'Canon EOS R6'}, IFD2: {DateTimeOriginal: exifDate(taken), OffsetTimeOriginal: '+00:00'}};
}

/** A JPEG as a camera writes it (with `cameraExif`), or bare with `exif: false`. */
export async function jpeg(width: number, height: number, options: sharp.JpegOptions & {exif?: sharp.WriteableMetadata['exif'] | false} = {}): Promise<Buffer> {
	const {exif = cameraExif(), ...jpegOptions} = options;
	const image = sharp(await noisy(width, height).raw().toBuffer(), {raw: {width, height, channels: 3}}).jpeg({quality: 80, ...jpegOptions});
	return (exif ? image.withExif(exif) : image).toBuffer();
}

export async function png(width: number, height: number, exif: sharp.WriteableMetadata['exif'] | false = cameraExif()): Promise<Buffer> {
	const image = sharp(await noisy(width, height).raw().toBuffer(), {raw: {width, height, channels: 3}}).png({compressionLevel: 1});
	return (exif ? image.withExif(exif) : image).toBuffer();
}

/** Deterministic pseudo-random bytes (a fixed-seed LCG), so a failure can be reproduced. */
export function pseudoRandomBytes(length: number, seed = 42): Buffer {
	const bytes = Buffer.alloc(length);
	let state = seed >>> 0;
	for (let index = 0; index < length; index++) {
		state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
		bytes[index] = state >>> 24;
	}
	return bytes;
}

const crcTable = Array.from({length: 256}, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xed_b8_83_20 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Buffer): number {
	let crc = 0xff_ff_ff_ff;
	for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
	return (crc ^ 0xff_ff_ff_ff) >>> 0;
}

export function pngChunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** A valid-looking PNG of a few hundred bytes whose header promises `width` × `height` pixels. */
export function pngBomb(width = 30_000, height = 30_000): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
	// A few rows of zeros: enough for a decoder to start, far from the promised size.
	const rows = deflateSync(Buffer.alloc((width * 3 + 1) * 4));
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', rows),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

export const tinyPdf = Buffer.from(
	'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
	'latin1',
);

export const tinySvg = Buffer.from(
	'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="715" height="1000"><rect width="715" height="1000" fill="#fff"/></svg>\n',
);

/** Insert a chunk into a PNG right after IHDR. */
export function insertPngChunk(file: Buffer, chunk: Buffer): Buffer {
	const afterHeader = 8 + 8 + 13 + 4;
	return Buffer.concat([file.subarray(0, afterHeader), chunk, file.subarray(afterHeader)]);
}

/** A PNG tIME chunk (UTC). */
export function pngTimeChunk(date: Date): Buffer {
	const data = Buffer.alloc(7);
	data.writeUInt16BE(date.getUTCFullYear(), 0);
	data.set([date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()], 2);
	return pngChunk('tIME', data);
}

/** An XMP packet with the given rdf:Description attributes and inner elements. */
export function xmpPacket(attributes: string, inner = ''): string {
	return `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/" ${attributes}>${inner}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

/** The checks that need no face: synthetic noise images can pass them, so tests of file handling run only these. */
export const NO_FACE_CHECKS = ['file-format', 'file-size', 'dimensions', 'aspect-ratio', 'unaltered', 'recent'] as const;
