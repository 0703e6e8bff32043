import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import {describe, expect, test} from 'vitest';
import {type PhotoReport, photoReportSchema, validatePhoto} from '../src/index.js';
import {jpeg, png, pngBomb, pseudoRandomBytes, tinyPdf, tinySvg} from './support/images.js';

/** Checks that read the file itself rather than its pixels or header. */
const fileLevel = new Set(['file-format', 'file-size']);

async function table(): Promise<Array<[string, string | Uint8Array, RegExp]>> {
	const goodJpeg = await jpeg(800, 1120);
	const goodPng = await png(800, 1120);
	const base = sharp({create: {width: 40, height: 56, channels: 3, background: '#fff'}});
	return [
		['a missing path', path.join(tmpdir(), 'photo-requirements-no-such-file.jpg'), /could not be read \(no such file\)/],
		['zero bytes', new Uint8Array(0), /empty file \(0 bytes\)/],
		['random bytes', pseudoRandomBytes(20_000), /not a known image format/],
		['a JPEG cut at 10 %', goodJpeg.subarray(0, Math.floor(goodJpeg.length * 0.1)), /JPEG data is damaged or incomplete/],
		['a JPEG cut at 90 %', goodJpeg.subarray(0, Math.floor(goodJpeg.length * 0.9)), /JPEG data is damaged or incomplete/],
		['a JPEG cut inside its header', goodJpeg.subarray(0, 300), /JPEG (header|data)/],
		['a PNG cut at 50 %', goodPng.subarray(0, Math.floor(goodPng.length * 0.5)), /PNG data is damaged or incomplete/],
		['an SVG', tinySvg, /SVG drawing, not a JPEG or PNG/],
		['a PDF', tinyPdf, /PDF document, not a JPEG or PNG/],
		['a GIF', await base.clone().gif().toBuffer(), /GIF image, not a JPEG or PNG/],
		['a TIFF', await base.clone().tiff().toBuffer(), /TIFF image, not a JPEG or PNG/],
		['a WebP', await base.clone().webp().toBuffer(), /WebP image, not a JPEG or PNG/],
		['an AVIF', await base.clone().avif().toBuffer(), /AVIF image, not a JPEG or PNG/],
		['a PNG bomb (30000 × 30000 in its header)', pngBomb(), /30000 × 30000 pixels \(900 megapixels\)/],
	];
}

describe('bad input is normal input: a report, never a throw', async () => {
	const cases = await table();
	test.each(cases)('%s', async (_label, input, message) => {
		const report: PhotoReport = await validatePhoto(input);
		photoReportSchema.parse(report);
		expect(report.verdict).toBe('return');
		const format = report.checks.find((check) => check.id === 'file-format')!;
		expect(format.status).toBe('fail');
		expect(format.message).toMatch(message);
		for (const check of report.checks) {
			if (fileLevel.has(check.id)) continue;
			// A check that needs the header or the pixels is skipped with the reason, except where the header is readable.
			if (check.status === 'skip') expect(check.message).toMatch(/^Not assessed: /);
			else expect(report.image, `${check.id} ran without an image header`).toBeDefined();
		}
	});

	test('a pixel bomb is refused before decoding, and dimensions come from its header', async () => {
		const report = await validatePhoto(pngBomb());
		expect(report.image).toMatchObject({width: 30_000, height: 30_000});
		expect(report.checks.find((check) => check.id === 'dimensions')?.status).toBe('fail');
		// The decode stage never ran long: it was refused on the header's numbers.
		expect(report.timings?.image ?? 0).toBeLessThan(report.timings?.total ?? Number.POSITIVE_INFINITY);
	});

	test('a file above the read limit is sized, not read', async () => {
		const folder = await mkdtemp(path.join(tmpdir(), 'photo-requirements-'));
		const file = path.join(folder, 'huge.jpg');
		await writeFile(file, Buffer.concat([await jpeg(715, 1001), Buffer.alloc(5_000_000)]));
		const report = await validatePhoto(file, {overrides: {decode: {maxInputBytes: 4_500_000}}});
		expect(report.checks.find((check) => check.id === 'file-size')?.status).toBe('fail');
		const format = report.checks.find((check) => check.id === 'file-format')!;
		expect(format.status).toBe('fail');
		expect(format.message).toMatch(/not read: it is 5\.\d+ MB/);
	});

	test('a folder given as a photo', async () => {
		const report = await validatePhoto(tmpdir());
		expect(report.checks.find((check) => check.id === 'file-format')?.message).toMatch(/folder/);
	});

	test('a JPEG with trailing bytes after its end is still a JPEG', async () => {
		const report = await validatePhoto(Buffer.concat([await jpeg(715, 1001), Buffer.from('trailing bytes')]));
		expect(report.checks.find((check) => check.id === 'file-format')?.status).toBe('pass');
	});
});
