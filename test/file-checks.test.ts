import {describe, expect, test} from 'vitest';
import {validatePhoto} from '../src/index.js';
import {jpeg, NO_FACE_CHECKS, png} from './support/images.js';

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
