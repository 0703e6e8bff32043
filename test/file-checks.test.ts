import {describe, expect, test} from 'vitest';
import {aspectRatio} from '../src/checks/aspect-ratio.js';
import {dimensions} from '../src/checks/dimensions.js';
import {fileSize} from '../src/checks/file-size.js';
import {validatePhoto} from '../src/index.js';
import type {ImageHeader} from '../src/input/decode.js';
import {caPrCard} from '../src/profiles/index.js';
import {jpeg, NO_FACE_CHECKS, png} from './support/images.js';

function header(width: number, height: number, orientation = 1): ImageHeader {
	const swap = orientation >= 5;
	return {
		format: 'jpeg',
		width,
		height,
		storedWidth: swap ? height : width,
		storedHeight: swap ? width : height,
		orientation,
		space: 'srgb',
		channels: 3,
		depth: 'uchar',
		hasAlpha: false,
		progressive: false,
		hasIccProfile: false,
	};
}

describe('file-size: fails above 4 MiB, warns between the two readings of 4 MB', () => {
	test.each([
		[0, 'pass'],
		[1_000_000, 'pass'],
		[4_000_000, 'pass'],
		[4_000_001, 'warn'],
		[4_194_304, 'warn'],
		[4_194_305, 'fail'],
		[12_000_000, 'fail'],
	] as const)('%i bytes → %s', (size, status) => {
		const result = fileSize.run({size}, caPrCard);
		expect(result.status).toBe(status);
		expect(result.measured).toEqual({bytes: size});
		expect(result.message).toContain(size.toLocaleString('en-US'));
	});
});

describe('dimensions: 715–2000 wide and 1000–2800 high, as displayed', () => {
	test.each([
		[715, 1000, 'pass'],
		[2000, 2800, 'pass'],
		[1000, 1400, 'pass'],
		[714, 1000, 'fail'],
		[715, 999, 'fail'],
		[2001, 2800, 'fail'],
		[2000, 2801, 'fail'],
		[600, 840, 'fail'],
		[2100, 2940, 'fail'],
		[1400, 1000, 'pass'], // inside both ranges, though landscape: aspect-ratio says so
	] as const)('%i × %i → %s', (width, height, status) => {
		expect(dimensions.run({header: header(width, height)}, caPrCard).status).toBe(status);
	});

	test('a rotated photo is judged as displayed, and the message says so', () => {
		const result = dimensions.run({header: header(1000, 1400, 6)}, caPrCard);
		expect(result.status).toBe('pass');
		expect(result.measured).toMatchObject({width: 1000, height: 1400, orientation: 6});
		expect(result.message).toMatch(/EXIF rotation/);
	});

	test('the message names the side that is out of range and the limit', () => {
		expect(dimensions.run({header: header(600, 1400)}, caPrCard).message).toMatch(/600 px wide, needs at least 715/);
		expect(dimensions.run({header: header(1000, 3000)}, caPrCard).message).toMatch(/3000 px high, at most 2800/);
	});
});

describe('aspect-ratio: 5:7 within 1 %', () => {
	test.each([
		[1000, 1400, 'pass'],
		[715, 1000, 'pass'], // the portal's own minimum is 0.1 % off 5:7
		[715, 1001, 'pass'],
		[2000, 2800, 'pass'],
		[1009, 1400, 'pass'], // +0.9 %
		[1015, 1400, 'warn'], // +1.5 %
		[985, 1400, 'warn'], // −1.5 %
		[1350, 1350, 'warn'],
		[1120, 1400, 'warn'], // 4:5
	] as const)('%i × %i → %s', (width, height, status) => {
		expect(aspectRatio.run({header: header(width, height)}, caPrCard).status).toBe(status);
	});

	test('a warning suggests a 5:7 crop', () => {
		expect(aspectRatio.run({header: header(1350, 1350)}, caPrCard).message).toMatch(/964 × 1350/);
		expect(aspectRatio.run({header: header(1000, 1000)}, caPrCard).message).toMatch(/narrower|wider/);
	});
});

describe('file-format, end to end', () => {
	test('a JPEG and a PNG pass', async () => {
		for (const bytes of [await jpeg(715, 1001), await png(715, 1001)]) {
			const report = await validatePhoto(bytes, {checks: [...NO_FACE_CHECKS]});
			expect(report.checks.find((check) => check.id === 'file-format')?.status).toBe('pass');
			expect(report.verdict).toBe('accept');
		}
	});

	test.each([
		['photo.png', 'jpeg', 'warn'],
		['photo.jpg', 'jpeg', 'pass'],
		['photo.JPEG', 'jpeg', 'pass'],
		['photo.jfif', 'jpeg', 'pass'],
		['photo.jpg', 'png', 'warn'],
		['photo.png', 'png', 'pass'],
		['photo', 'png', 'warn'],
	] as const)('named %s with %s content → %s', async (name, format, status) => {
		const bytes = format === 'jpeg' ? await jpeg(715, 1001) : await png(715, 1001);
		const check = (await validatePhoto(bytes, {name})).checks.find((result) => result.id === 'file-format')!;
		expect(check.status).toBe(status);
		if (status === 'warn') expect(check.message).toMatch(/name/);
	});

	test('a PNG with transparency warns and is judged on white', async () => {
		const bytes = await png(715, 1001).then((buffer) => import('sharp').then(({default: sharp}) => sharp(buffer).ensureAlpha(0.5).png().toBuffer()));
		const check = (await validatePhoto(bytes)).checks.find((result) => result.id === 'file-format')!;
		expect(check.status).toBe('warn');
		expect(check.message).toMatch(/transparency/);
	});

	test('a CMYK JPEG warns', async () => {
		const {default: sharp} = await import('sharp');
		const bytes = await sharp(await jpeg(715, 1001))
			.toColourspace('cmyk')
			.jpeg()
			.toBuffer();
		const check = (await validatePhoto(bytes)).checks.find((result) => result.id === 'file-format')!;
		expect(check.status).toBe('warn');
		expect(check.message).toMatch(/CMYK/);
	});

	test('dimensions use the EXIF orientation', async () => {
		const {default: sharp} = await import('sharp');
		// Stored landscape 1400 × 1000, displayed portrait 1000 × 1400.
		const bytes = await sharp(await jpeg(1400, 1000))
			.withMetadata({orientation: 6})
			.jpeg()
			.toBuffer();
		const report = await validatePhoto(bytes);
		expect(report.image).toMatchObject({width: 1000, height: 1400});
		expect(report.checks.find((check) => check.id === 'aspect-ratio')?.status).toBe('pass');
	});
});
