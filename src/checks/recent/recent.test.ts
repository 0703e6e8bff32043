import {testCheck} from '../../../test/support/check-table.js';
import {metadata} from '../../../test/support/facts.js';
import {type FileDate, parseExifDate, parseIsoDate} from '../../analysis/file/capture-date.js';
import {recent} from './index.js';

const now = new Date('2026-11-22T12:00:00Z');
// 12 months before `now`: 2025-11-22T12:00:00Z.

const taken = (date: FileDate) => ({metadata: metadata({exifDateTimeOriginal: date}), now});
const exif = (value: string, offset?: string): FileDate => parseExifDate(value, offset)!;

testCheck(recent, {
	cases: [
		{name: 'an hour ago', facts: taken(exif('2026:11:22 11:00:00', '+00:00')), status: 'pass', message: ['within 12 months']},
		{name: 'an hour inside the limit, UTC', facts: taken(exif('2025:11:22 13:00:00', '+00:00')), status: 'pass'},
		{name: 'an hour outside the limit, UTC', facts: taken(exif('2025:11:22 11:00:00', '+00:00')), status: 'fail', message: ['more than 12 months']},
		{name: '13:00 at UTC+2 is 11:00 UTC: outside', facts: taken(exif('2025:11:22 13:00:00', '+02:00')), status: 'fail'},
		{name: '11:00 at UTC−2 is 13:00 UTC: inside', facts: taken(exif('2025:11:22 11:00:00', '-02:00')), status: 'pass'},
		{name: 'at the limit to the second', facts: taken(exif('2025:11:22 12:00:00', '+00:00')), status: 'pass'},
		{name: 'no zone, on the limit day: ambiguous', facts: taken(exif('2025:11:22 12:00:00')), status: 'warn', message: ['about 12 months ago']},
		{name: 'no zone, a day and a half outside', facts: taken(exif('2025:11:21 00:00:00')), status: 'fail'},
		{name: 'no zone, a day and a half inside', facts: taken(exif('2025:11:24 00:00:00')), status: 'pass'},
		{name: 'two years old', facts: taken(exif('2024:06:01 09:30:00', '+05:30')), status: 'fail', message: ['EXIF DateTimeOriginal 2024:06:01 09:30:00']},
		{name: 'in the future', facts: taken(exif('2026:12:01 00:00:00', '+00:00')), status: 'warn', message: ['more than 60 minutes ahead']},
		{name: '30 minutes ahead (clock skew)', facts: taken(exif('2026:11:22 12:30:00', '+00:00')), status: 'pass'},
		{name: 'a zero date', facts: taken(exif('0000:00:00 00:00:00')), status: 'warn'},
		{name: 'a 2000-01-01 clock reset', facts: taken(exif('2000:01:01 00:00:00')), status: 'warn'},
		{name: 'the Mac epoch', facts: taken(exif('1904:01:01 00:00:00')), status: 'warn'},
		{name: 'ISO with zone from XMP', facts: taken(parseIsoDate('2025-11-22T12:30:00+01:00')!), status: 'fail'},
		{name: 'ISO with Z', facts: taken(parseIsoDate('2025-11-22T12:30:00Z')!), status: 'pass'},
		{
			name: 'only a PNG tIME, older than the limit: the photo is older still',
			facts: {metadata: metadata({pngTime: parseIsoDate('2025-11-22T11:00:00Z')!}), now},
			status: 'fail',
			message: ['last saved', 'more than 12 months ago'],
		},
		{
			name: 'only a recent PNG tIME: the last save, not the capture',
			facts: {metadata: metadata({pngTime: parseIsoDate('2026-11-20T11:00:00Z')!}), now},
			status: 'skip',
			message: ['not when the photo was taken'],
		},
		{
			name: 'a capture date wins over a PNG tIME',
			facts: {metadata: metadata({exifDateTimeOriginal: exif('2026:11:01 10:00:00', '+00:00'), pngTime: parseIsoDate('2024-01-01T00:00:00Z')!}), now},
			status: 'pass',
		},
		{name: 'no date: skip, saying so', facts: {metadata: metadata(), now}, status: 'skip', message: ['no capture date in the file']},
		{name: 'ModifyDate is never a capture date', facts: {metadata: metadata({exifModifyDate: exif('2026:11:01 10:00:00')}), now}, status: 'skip'},
		{
			name: 'DateTimeOriginal wins over CreateDate, which wins over XMP',
			facts: {
				metadata: metadata({
					exifCreateDate: exif('2020:01:05 10:00:00', '+00:00'),
					exifDateTimeOriginal: exif('2026:10:01 10:00:00', '+00:00'),
					xmpCreateDate: parseIsoDate('2019-01-01T00:00:00Z')!,
				}),
				now,
			},
			status: 'pass',
			message: ['EXIF DateTimeOriginal'],
		},
		{
			name: 'the limit is a profile setting',
			facts: taken(exif('2026:03:01 10:00:00', '+00:00')),
			limits: {maxAgeMonths: 6},
			status: 'fail',
			message: ['more than 6 months'],
		},
	],
});
