/** Hostile and unusual inputs, made by the tests themselves. */
import sharp from 'sharp';
import {jpeg, png, pngBomb, pseudoRandomBytes, tinyPdf} from './images.js';

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
	];
}
