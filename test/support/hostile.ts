/** Hostile and unusual inputs, made by the tests themselves. */
import sharp from 'sharp';
import {jpeg, png, pngBomb, pseudoRandomBytes, tinyPdf, xmpPacket} from './images.js';

/** A small JPEG whose SOF header is rewritten to promise `width` × `height` pixels. */
export async function jpegBomb(width = 65_000, height = 65_000): Promise<Buffer> {
	const bytes = Buffer.from(await jpeg(64, 64, {exif: false}));
	for (let offset = 2; offset + 9 < bytes.length; ) {
		const marker = bytes[offset + 1]!;
		const length = bytes.readUInt16BE(offset + 2);
		if (marker >= 0xc0 && marker <= 0xc2) {
			bytes.writeUInt16BE(height, offset + 5);
			bytes.writeUInt16BE(width, offset + 7);
			return bytes;
		}
		offset += 2 + length;
	}
	throw new Error('no SOF marker in the test JPEG');
}

/** An SVG whose DOCTYPE declares an external entity (XXE): it must never be parsed, let alone resolved. */
export const svgWithExternalEntity = Buffer.from(
	'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<svg xmlns="http://www.w3.org/2000/svg" width="715" height="1000"><text>&secret;</text></svg>\n',
);

/** The start of a HEIC file (an ISO-BMFF 'ftyp' box with the heic brand): enough for a sniffer to name it. */
export function heicHeader(): Buffer {
	const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic')]);
	return Buffer.concat([ftyp, pseudoRandomBytes(2000, 7)]);
}

/** A JPEG whose EXIF IFD0 offset points far outside its segment. */
export async function jpegWithBrokenExif(): Promise<Buffer> {
	const bytes = Buffer.from(await jpeg(715, 1001, {exif: {IFD0: {Make: 'Canon', Model: 'R6'}}}));
	const exif = bytes.indexOf(Buffer.from('Exif\0\0'));
	if (exif < 0) throw new Error('no EXIF in the test JPEG');
	const tiff = exif + 6;
	const littleEndian = bytes.toString('latin1', tiff, tiff + 2) === 'II';
	// The TIFF header's first-IFD offset: point it 1 GB away.
	if (littleEndian) bytes.writeUInt32LE(0x40_00_00_00, tiff + 4);
	else bytes.writeUInt32BE(0x40_00_00_00, tiff + 4);
	return bytes;
}

export interface HostileCase {
	name: string;
	bytes: Buffer;
	/** A file name, for the cases about names. */
	fileName?: string;
	/** The file-format status it must get. */
	format: 'pass' | 'warn' | 'fail';
	message?: RegExp;
}

export async function hostileCases(): Promise<HostileCase[]> {
	const goodJpeg = await jpeg(715, 1001);
	const goodPng = await png(715, 1001);
	const small = sharp({create: {width: 40, height: 56, channels: 3, background: '#fff'}});
	const cuts = (bytes: Buffer, label: string, format: 'JPEG' | 'PNG'): HostileCase[] =>
		[0.02, 0.25, 0.5, 0.75, 0.98].map((fraction) => ({
			name: `${label} cut at ${fraction * 100} %`,
			bytes: bytes.subarray(0, Math.max(8, Math.floor(bytes.length * fraction))),
			format: 'fail',
			message: new RegExp(`${format} (header|data)|not a JPEG or PNG`),
		}));
	const transparent = await sharp({create: {width: 715, height: 1001, channels: 4, background: {r: 0, g: 0, b: 0, alpha: 0}}})
		.png()
		.toBuffer();
	return [
		{name: 'zero bytes', bytes: Buffer.alloc(0), format: 'fail', message: /empty file/},
		{name: 'random bytes', bytes: pseudoRandomBytes(50_000, 3), format: 'fail', message: /not a known image format/},
		...cuts(goodJpeg, 'a JPEG', 'JPEG'),
		...cuts(goodPng, 'a PNG', 'PNG'),
		{name: 'a PNG bomb', bytes: pngBomb(), format: 'fail', message: /900 megapixels/},
		{name: 'a JPEG bomb (65000 × 65000 in its SOF)', bytes: await jpegBomb(), format: 'fail', message: /65000 × 65000 pixels/},
		{name: 'an SVG with an external entity', bytes: svgWithExternalEntity, format: 'fail', message: /SVG drawing/},
		{name: 'a PDF', bytes: tinyPdf, format: 'fail', message: /PDF document/},
		{name: 'a GIF', bytes: await small.clone().gif().toBuffer(), format: 'fail', message: /GIF image/},
		{name: 'a TIFF', bytes: await small.clone().tiff().toBuffer(), format: 'fail', message: /TIFF image/},
		{name: 'an AVIF', bytes: await small.clone().avif().toBuffer(), format: 'fail', message: /AVIF image/},
		{name: 'a HEIC', bytes: heicHeader(), format: 'fail', message: /HEIC image/},
		{name: 'a CMYK JPEG', bytes: await sharp(goodJpeg).toColourspace('cmyk').jpeg().toBuffer(), format: 'warn', message: /CMYK/},
		{name: 'a 16-bit PNG', bytes: await sharp(goodPng).toColourspace('rgb16').png().toBuffer(), format: 'pass'},
		{name: 'a PNG with alpha', bytes: await sharp(goodPng).ensureAlpha(0.6).png().toBuffer(), format: 'warn', message: /transparency/},
		{name: 'a fully transparent PNG', bytes: transparent, format: 'warn', message: /transparency/},
		{name: 'a one-channel JPEG', bytes: await sharp(goodJpeg).toColourspace('b-w').jpeg().toBuffer(), format: 'pass'},
		{name: 'a progressive JPEG', bytes: await sharp(goodJpeg).jpeg({progressive: true}).toBuffer(), format: 'pass'},
		{name: 'a JPEG with broken EXIF offsets', bytes: await jpegWithBrokenExif(), format: 'pass'},
		{name: 'a JPEG with trailing bytes', bytes: Buffer.concat([goodJpeg, pseudoRandomBytes(5000, 9)]), format: 'pass'},
		{name: 'a JPEG named .png', bytes: goodJpeg, fileName: 'photo.png', format: 'warn', message: /name ends in "\.png"/},
		// Round two: costs and sizes an attacker controls.
		{name: 'a progressive JPEG of 250,000 scans (8.5 MB)', bytes: await jpegScanBomb(250_000), format: 'fail', message: /250,000 scans, more than the 100/},
		{name: 'a progressive JPEG of 900,000 scans (31 MB)', bytes: await jpegScanBomb(900_000), format: 'fail', message: /900,000 scans/},
		{name: '2.5 million comment segments (27 MB)', bytes: await jpegCommentBomb(2_500_000, 'gd-jpeg'), format: 'pass'},
		{name: '30 MB of extended XMP', bytes: await jpegExtendedXmpBomb(30_000_000), format: 'pass'},
		{
			name: 'an arithmetic-coded JPEG (SOF9)',
			bytes: await withFrameMarker(goodJpeg, 0xc9),
			format: 'fail',
			message: /arithmetic-coded JPEG, which web browsers/,
		},
		{name: 'a lossless JPEG (SOF3)', bytes: await withFrameMarker(goodJpeg, 0xc3), format: 'fail', message: /lossless JPEG/},
		{
			name: 'UTF-16 text named .jpg',
			bytes: Buffer.from('\ufeffThis is not a photo, only some text.', 'utf16le'),
			fileName: 'photo.jpg',
			format: 'fail',
			message: /text in UTF-16 \(it starts with "This is not a photo/,
		},
		{
			name: 'a PNG signature followed by zeros',
			bytes: Buffer.concat([goodPng.subarray(0, 8), Buffer.alloc(4000)]),
			format: 'fail',
			message: /PNG header could not be read/,
		},
	];
}

/** The JPEG with its start-of-frame marker replaced (SOF0 → SOF9 makes it arithmetic-coded, as far as a decoder can tell). */
async function withFrameMarker(bytes: Buffer, marker: number): Promise<Buffer> {
	const copy = Buffer.from(bytes);
	for (let offset = 2; offset + 4 < copy.length; offset += 2 + copy.readUInt16BE(offset + 2)) {
		if (copy[offset + 1] === 0xc0 || copy[offset + 1] === 0xc2) {
			copy[offset + 1] = marker;
			return copy;
		}
	}
	throw new Error('no SOF0 in the test JPEG');
}

/** The scans of a JPEG: each SOS segment with its entropy-coded data, as [start, end) offsets. */
function scanRanges(bytes: Buffer): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	let offset = 2;
	while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
		const marker = bytes[offset + 1]!;
		if (marker === 0xd9) break;
		const end = offset + 2 + bytes.readUInt16BE(offset + 2);
		if (marker !== 0xda) {
			offset = end;
			continue;
		}
		let next = end;
		while (next + 1 < bytes.length && !(bytes[next] === 0xff && bytes[next + 1] !== 0 && (bytes[next + 1]! < 0xd0 || bytes[next + 1]! > 0xd7))) next++;
		ranges.push([offset, next]);
		offset = next;
	}
	return ranges;
}

/**
 * A valid progressive JPEG with `scans` scans: a small progressive JPEG, then one of its AC first
 * scans (with the Huffman tables before it) repeated before the end, its point transform set to 0 so
 * that every repeat is a legal scan the decoder must apply to every block without a warning
 * (LJT-01-003 in libjpeg-turbo's "Two Issues with the JPEG Standard").
 */
export async function jpegScanBomb(scans: number): Promise<Buffer> {
	const bytes = await sharp({create: {width: 715, height: 1001, channels: 3, background: '#c8a080'}})
		.jpeg({progressive: true, quality: 90})
		.toBuffer();
	const ranges = scanRanges(bytes);
	// An AC first scan of one component: Ns = 1, Ss ≥ 1, Ah = 0.
	const index = ranges.findIndex(([start]) => bytes[start + 4] === 1 && bytes[start + 7]! >= 1 && bytes[start + 9]! >> 4 === 0);
	if (index < 1) throw new Error('no AC first scan in the test JPEG');
	const unit = Buffer.from(bytes.subarray(ranges[index - 1]![1], ranges[index]![1]));
	const sos = unit.indexOf(Buffer.from([0xff, 0xda]));
	unit[sos + 9] = 0; // Ah = 0, Al = 0: repeatable for ever without an "inconsistent progression" warning
	const last = ranges.at(-1)![1];
	const extra = Math.max(0, scans - ranges.length);
	return Buffer.concat([bytes.subarray(0, last), Buffer.concat(Array.from({length: extra}, () => unit)), bytes.subarray(last)]);
}

/** A JPEG with `count` comment segments of `text` before its first scan (a metadata bomb). */
export async function jpegCommentBomb(count: number, text = 'CREATOR: gd-jpeg v1.0 (using IJG JPEG v80), quality = 100\n'): Promise<Buffer> {
	const bytes = await jpeg(715, 1001, {exif: false});
	const body = Buffer.from(text, 'latin1');
	const segment = Buffer.concat([Buffer.from([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
	return Buffer.concat([bytes.subarray(0, 2), Buffer.concat(Array.from({length: count}, () => segment)), bytes.subarray(2)]);
}

/** A JPEG whose extended XMP (split over many APP1 segments, as Adobe's XMP spec allows) holds a `length`-character CreatorTool. */
export async function jpegExtendedXmpBomb(length: number): Promise<Buffer> {
	const bytes = await jpeg(715, 1001, {exif: false});
	const guid = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
	const main = Buffer.from(
		`http://ns.adobe.com/xap/1.0/\0${xmpPacket(`xmlns:xmpNote="http://ns.adobe.com/xmp/note/" xmpNote:HasExtendedXMP="${guid}"`)}`,
		'latin1',
	);
	const extended = Buffer.from(xmpPacket(`xmp:CreatorTool="${'Adobe Photoshop '.repeat(Math.ceil(length / 16)).slice(0, length)}"`), 'latin1');
	const app1 = (body: Buffer) => Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
	const header = Buffer.from(`http://ns.adobe.com/xmp/extension/\0${guid}`, 'latin1');
	const chunks: Buffer[] = [];
	for (let offset = 0; offset < extended.length; offset += 65_400) {
		const position = Buffer.alloc(8);
		position.writeUInt32BE(extended.length, 0);
		position.writeUInt32BE(offset, 4);
		chunks.push(app1(Buffer.concat([header, position, extended.subarray(offset, offset + 65_400)])));
	}
	return Buffer.concat([bytes.subarray(0, 2), app1(main), ...chunks, bytes.subarray(2)]);
}
