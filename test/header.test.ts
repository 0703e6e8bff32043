import sharp from 'sharp';
import {describe, expect, test} from 'vitest';
import {parseHeader} from '../src/input/header.js';
import {readHeader} from '../src/platform/node/decode.js';

const base = () => sharp({create: {width: 40, height: 30, channels: 3, background: {r: 200, g: 120, b: 60}}});

/** Files of every layout the header fields describe, each made by libvips. */
async function samples(): Promise<Array<[string, 'jpeg' | 'png', Buffer]>> {
	return [
		['baseline JPEG', 'jpeg', await base().jpeg().toBuffer()],
		['progressive JPEG', 'jpeg', await base().jpeg({progressive: true}).toBuffer()],
		['grey JPEG', 'jpeg', await base().toColourspace('b-w').jpeg().toBuffer()],
		['CMYK JPEG', 'jpeg', await base().toColourspace('cmyk').jpeg().toBuffer()],
		['JPEG, EXIF orientation 6', 'jpeg', await base().jpeg().withMetadata({orientation: 6}).toBuffer()],
		['JPEG with an ICC profile', 'jpeg', await base().jpeg().withIccProfile('p3').toBuffer()],
		['RGB PNG', 'png', await base().png().toBuffer()],
		['RGBA PNG', 'png', await base().ensureAlpha(0.5).png().toBuffer()],
		['16-bit grey PNG', 'png', await base().toColourspace('grey16').png().toBuffer()],
		['16-bit RGB PNG', 'png', await base().toColourspace('rgb16').png().toBuffer()],
		['palette PNG', 'png', await base().png({palette: true}).toBuffer()],
		['interlaced PNG', 'png', await base().png({progressive: true}).toBuffer()],
		['PNG, EXIF orientation 8', 'png', await base().png().withMetadata({orientation: 8}).toBuffer()],
	];
}

describe('parseHeader: the header in plain JavaScript, for the browser build', () => {
	test('gives the fields libvips gives, for every layout', async () => {
		for (const [label, format, bytes] of await samples()) {
			const {complete, ...parsed} = parseHeader(bytes, format);
			expect(parsed, label).toEqual(await readHeader(bytes, format));
			expect(complete, label).toBe(true);
		}
	});

	test('a truncated file is not complete; a file with no frame is a DecodeError', async () => {
		const jpeg = await base().jpeg().toBuffer();
		expect(parseHeader(jpeg.subarray(0, jpeg.length - 40), 'jpeg').complete).toBe(false);
		const png = await base().png().toBuffer();
		expect(parseHeader(png.subarray(0, png.length - 20), 'png').complete).toBe(false);
		expect(() => parseHeader(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), 'jpeg')).toThrow(/JPEG header could not be read/);
	});
});
