import {z} from 'zod';
import {type FileDate, sentinelReason, toInstant} from '../../analysis/file/capture-date.js';
import type {CaptureDates} from '../../analysis/file/metadata.js';
import {num} from '../../format.js';
import {type CheckOutcome, defineCheck} from '../define.js';

/**
 * Where a capture date may be, in the order it is trusted. ModifyDate is never one, nor is PNG's
 * tIME: the PNG specification defines it as the time of the last modification, so a photo re-saved
 * today would look new. tIME still bounds the age from below (see run).
 */
const SOURCES: ReadonlyArray<[keyof CaptureDates, string]> = [
	['exifDateTimeOriginal', 'EXIF DateTimeOriginal'],
	['exifCreateDate', 'EXIF CreateDate'],
	['xmpDateTimeOriginal', 'XMP exif:DateTimeOriginal'],
	['xmpCreateDate', 'XMP xmp:CreateDate'],
	['photoshopDateCreated', 'XMP photoshop:DateCreated'],
	['iptcDateCreated', 'IPTC DateCreated'],
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A wall-clock time with no zone is somewhere from UTC−12 to UTC+14. */
const ZONE_BEFORE = 14 * HOUR;
const ZONE_AFTER = 12 * HOUR;

export function captureDate(dates: CaptureDates): {date: FileDate; source: string} | undefined {
	for (const [key, source] of SOURCES) {
		const date = dates[key];
		if (date) return {date, source};
	}
	return undefined;
}

/** `now` minus whole calendar months, in UTC (12 months before 29 Feb is 1 Mar). */
export function monthsBefore(now: Date, months: number): number {
	const limit = new Date(now.getTime());
	limit.setUTCMonth(limit.getUTCMonth() - months);
	return limit.getTime();
}

export const recent = defineCheck({
	id: 'recent',
	requirement: ({maxAgeMonths}) => `The photo must be reflective of your current appearance (taken within the last ${maxAgeMonths} months).`,
	reason: 'OTHER_REQUIREMENT',
	needs: ['metadata', 'now'],
	figures: [
		{key: 'captureDate', label: 'taken'},
		{key: 'ageDays', label: 'age', unit: 'days'},
	],
	limits: {
		group: 'recent',
		schema: z
			.object({
				/** A photo older than this many calendar months fails. */
				maxAgeMonths: z.number().int().positive(),
				/** A capture date later than now by more than this warns (clock skew below it is ignored). */
				futureToleranceMinutes: z.number().min(0),
			})
			.strict(),
	},
	run({metadata, now}, {maxAgeMonths, futureToleranceMinutes}) {
		const found = captureDate(metadata.dates);
		if (!found) return lastModified(metadata.dates.pngTime, now, maxAgeMonths);
		const {date, source} = found;
		const zone = date.offsetMinutes === undefined ? 'not given' : formatOffset(date.offsetMinutes);
		const measured: Record<string, string | number> = {captureDate: date.raw, source, timeZone: zone};
		const from = `${source} ${date.raw}${date.offsetMinutes === undefined ? ' (no time zone)' : ''}`;

		const sentinel = sentinelReason(date);
		if (sentinel) {
			return {
				status: 'warn',
				message: `The capture date (${from}) is ${sentinel}: the camera's clock was probably not set, so the photo's age is unknown.`,
				measured,
			};
		}

		const instant = toInstant(date);
		const zoneless = date.offsetMinutes === undefined;
		const earliest = zoneless ? instant - ZONE_BEFORE : instant;
		const latest = zoneless ? instant + ZONE_AFTER : instant;
		const nowMs = now.getTime();
		const limit = monthsBefore(now, maxAgeMonths);
		measured.ageDays = Math.round(((nowMs - instant) / DAY) * 10) / 10;

		if (earliest > nowMs + futureToleranceMinutes * 60_000) {
			return {
				status: 'warn',
				message: `The capture date (${from}) is in the future (more than ${futureToleranceMinutes} minutes ahead): the camera's clock is wrong, so the photo's age is unknown.`,
				measured,
			};
		}
		if (latest < limit) {
			return {
				status: 'fail',
				message: `The photo was taken ${describeAge(nowMs - instant)} ago (${from}): more than ${maxAgeMonths} months; IRCC wants a photo taken within the last ${maxAgeMonths} months.`,
				measured,
				fix: {action: 'retake', how: `now: IRCC wants one taken within the last ${maxAgeMonths} months`},
			};
		}
		if (earliest < limit) {
			return {
				status: 'warn',
				message: `The photo was taken about ${maxAgeMonths} months ago (${from}); without a time zone it is within a day of the limit either way.`,
				measured,
			};
		}
		return {status: 'pass', message: `Taken ${describeAge(Math.max(0, nowMs - instant))} ago (${from}), within ${maxAgeMonths} months.`, measured};
	},
});

const NO_DATE = 'no capture date in the file (it may have been removed; a person must confirm the photo is recent)';

/**
 * Without a capture date, a PNG's tIME (its last modification, UTC) can only say the photo is old: a
 * file last saved more than the limit ago holds a photo taken earlier still. A recent tIME says
 * nothing of when the photo was taken.
 */
function lastModified(time: FileDate | undefined, now: Date, maxAgeMonths: number): CheckOutcome {
	if (!time || sentinelReason(time)) return {status: 'skip', message: `Not assessed: ${NO_DATE}.`};
	const instant = toInstant(time);
	const measured = {lastModified: time.raw, source: 'PNG tIME (last modification)'};
	if (instant < monthsBefore(now, maxAgeMonths)) {
		return {
			status: 'fail',
			message: `The file was last saved ${describeAge(now.getTime() - instant)} ago (PNG tIME ${time.raw}, UTC), so the photo in it was taken more than ${maxAgeMonths} months ago; IRCC wants a photo taken within the last ${maxAgeMonths} months.`,
			measured,
			fix: {action: 'retake', how: `now: IRCC wants one taken within the last ${maxAgeMonths} months`},
		};
	}
	return {
		status: 'skip',
		message: `Not assessed: ${NO_DATE}; the PNG's tIME (${time.raw}) is when the file was last saved, not when the photo was taken.`,
		measured,
	};
}

function formatOffset(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const absolute = Math.abs(minutes);
	return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

function describeAge(ms: number): string {
	const days = ms / DAY;
	if (days < 1) return `${num(ms / HOUR, 0)} hours`;
	if (days < 60) return `${num(days, 0)} days`;
	return `${num(days / 30.44, 1)} months`;
}
