import sharp from 'sharp';
import {describe, expect, test} from 'vitest';
import {validatePhoto} from '../src/index.js';
import {insertPngChunk, jpeg, png, pngTimeChunk, xmpPacket} from './support/images.js';

const now = new Date('2026-11-22T12:00:00Z');
// 12 months before `now`: 2025-11-22T12:00:00Z.

describe('recent, end to end: the date is read from the file', () => {
	const check = async (bytes: Buffer) => (await validatePhoto(bytes, {now})).checks.find((result) => result.id === 'recent')!;

	test('EXIF DateTimeOriginal with OffsetTimeOriginal', async () => {
		const old = await jpeg(715, 1001, {exif: {IFD0: {Make: 'Canon'}, IFD2: {DateTimeOriginal: '2025:11:22 13:00:00', OffsetTimeOriginal: '+02:00'}}});
		expect((await check(old)).status).toBe('fail');
		const fresh = await jpeg(715, 1001, {exif: {IFD0: {Make: 'Canon'}, IFD2: {DateTimeOriginal: '2025:11:22 11:00:00', OffsetTimeOriginal: '-02:00'}}});
		expect((await check(fresh)).status).toBe('pass');
	});

	test('XMP CreateDate when EXIF has none', async () => {
		const bytes = await sharp(await jpeg(715, 1001, {exif: false}))
			.withXmp(xmpPacket('xmp:CreateDate="2026-06-01T10:00:00-04:00"'))
			.jpeg()
			.toBuffer();
		const result = await check(bytes);
		expect(result).toMatchObject({status: 'pass', measured: {source: 'XMP xmp:CreateDate', timeZone: '-04:00'}});
	});

	test('PNG tIME is the last modification, not a capture date: an old one still proves an old photo', async () => {
		const bytes = insertPngChunk(await png(715, 1001, false), pngTimeChunk(new Date('2024-01-01T10:00:00Z')));
		const result = await check(bytes);
		expect(result).toMatchObject({status: 'fail', measured: {source: 'PNG tIME (last modification)'}});
		expect(result.message).toContain('The file was last saved');
	});

	test('a recent PNG tIME says nothing of when the photo was taken: not assessed', async () => {
		const bytes = insertPngChunk(await png(715, 1001, false), pngTimeChunk(new Date(now.getTime() - 86_400_000)));
		const result = await check(bytes);
		expect(result.status).toBe('skip');
		expect(result.message).toContain('is when the file was last saved, not when the photo was taken');
	});

	test('a file with no dates', async () => {
		expect((await check(await jpeg(715, 1001, {exif: false}))).status).toBe('skip');
	});
});
