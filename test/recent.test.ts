import sharp from 'sharp';
import {describe, expect, test} from 'vitest';
import {type FileDate, parseExifDate, parseIsoDate} from '../src/analysis/capture-date.js';
import type {CaptureDates, PhotoMetadata} from '../src/analysis/metadata.js';
import {recent} from '../src/checks/recent.js';
import {caPrCard, validatePhoto} from '../src/index.js';
import {insertPngChunk, jpeg, png, pngTimeChunk, xmpPacket} from './support/images.js';

const now = new Date('2026-11-22T12:00:00Z');
// 12 months before `now`: 2025-11-22T12:00:00Z.

function metadata(dates: CaptureDates): PhotoMetadata {
	return {history: [], ancestors: 0, descriptions: [], pngText: {}, dates};
}

function exif(value: string, offset?: string): FileDate {
	return parseExifDate(value, offset)!;
}

describe('recent: the 12-month boundary, with and without time zones', () => {
	test.each([
		['an hour ago', exif('2026:11:22 11:00:00', '+00:00'), 'pass'],
		['an hour inside the limit, UTC', exif('2025:11:22 13:00:00', '+00:00'), 'pass'],
		['an hour outside the limit, UTC', exif('2025:11:22 11:00:00', '+00:00'), 'fail'],
		['13:00 at UTC+2 is 11:00 UTC: outside', exif('2025:11:22 13:00:00', '+02:00'), 'fail'],
		['11:00 at UTC−2 is 13:00 UTC: inside', exif('2025:11:22 11:00:00', '-02:00'), 'pass'],
		['at the limit to the second', exif('2025:11:22 12:00:00', '+00:00'), 'pass'],
		['no zone, on the limit day: ambiguous', exif('2025:11:22 12:00:00'), 'warn'],
		['no zone, a day and a half outside', exif('2025:11:21 00:00:00'), 'fail'],
		['no zone, a day and a half inside', exif('2025:11:24 00:00:00'), 'pass'],
		['two years old', exif('2024:06:01 09:30:00', '+05:30'), 'fail'],
		['in the future', exif('2026:12:01 00:00:00', '+00:00'), 'warn'],
		['30 minutes ahead (clock skew)', exif('2026:11:22 12:30:00', '+00:00'), 'pass'],
		['a zero date', exif('0000:00:00 00:00:00'), 'warn'],
		['a 2000-01-01 clock reset', exif('2000:01:01 00:00:00'), 'warn'],
		['the Mac epoch', exif('1904:01:01 00:00:00'), 'warn'],
		['ISO with zone from XMP', parseIsoDate('2025-11-22T12:30:00+01:00')!, 'fail'],
		['ISO with Z', parseIsoDate('2025-11-22T12:30:00Z')!, 'pass'],
	] as const)('%s → %s', (_label, date, status) => {
		const result = recent.run({metadata: metadata({exifDateTimeOriginal: date}), now}, caPrCard);
		expect(result.status).toBe(status);
		expect(result.measured?.captureDate).toBe(date.raw);
	});

	test('no date: skip, saying so', () => {
		const result = recent.run({metadata: metadata({}), now}, caPrCard);
		expect(result.status).toBe('skip');
		expect(result.message).toMatch(/no capture date in the file/);
	});

	test('ModifyDate is never a capture date', () => {
		expect(recent.run({metadata: metadata({exifModifyDate: exif('2026:11:01 10:00:00')}), now}, caPrCard).status).toBe('skip');
	});

	test('DateTimeOriginal wins over CreateDate, which wins over XMP and PNG', () => {
		const result = recent.run(
			{
				metadata: metadata({
					exifCreateDate: exif('2020:01:05 10:00:00', '+00:00'),
					exifDateTimeOriginal: exif('2026:10:01 10:00:00', '+00:00'),
					xmpCreateDate: parseIsoDate('2019-01-01T00:00:00Z')!,
				}),
				now,
			},
			caPrCard,
		);
		expect(result.status).toBe('pass');
		expect(result.measured?.source).toBe('EXIF DateTimeOriginal');
	});

	test('the limit is a profile setting', () => {
		const profile = {...caPrCard, recent: {...caPrCard.recent, maxAgeMonths: 6}};
		expect(recent.run({metadata: metadata({exifDateTimeOriginal: exif('2026:03:01 10:00:00', '+00:00')}), now}, profile).status).toBe('fail');
	});
});

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

	test('PNG tIME, last', async () => {
		const bytes = insertPngChunk(await png(715, 1001, false), pngTimeChunk(new Date('2024-01-01T10:00:00Z')));
		expect(await check(bytes)).toMatchObject({status: 'fail', measured: {source: 'PNG tIME'}});
	});

	test('a file with no dates', async () => {
		expect((await check(await jpeg(715, 1001, {exif: false}))).status).toBe('skip');
	});
});
