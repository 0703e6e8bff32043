/**
 * Dates as files write them. EXIF dates are local wall-clock times ("2026:01:02 10:00:00") with the
 * zone in a separate tag when at all; XMP and IPTC dates are ISO 8601, zone optional. A date
 * without a zone is kept as a wall-clock time: the check knows it may be off by up to a day.
 */
export interface FileDate {
	/** Wall-clock fields as written. */
	readonly year: number;
	readonly month: number;
	readonly day: number;
	readonly hour: number;
	readonly minute: number;
	readonly second: number;
	/** Minutes east of UTC, when the file says. */
	readonly offsetMinutes?: number;
	/** The text it was read from, for messages. */
	readonly raw: string;
}

/** The instant, taking a zoneless date as if written in UTC (the caller widens by ±14 h). */
export function toInstant(date: FileDate): number {
	return Date.UTC(date.year, date.month - 1, date.day, date.hour, date.minute, date.second) - (date.offsetMinutes ?? 0) * 60_000;
}

/** "+02:00", "-0530", "Z" → minutes east of UTC. */
export function parseOffset(text: string | undefined): number | undefined {
	if (!text) return undefined;
	const trimmed = text.trim();
	if (trimmed === 'Z') return 0;
	const match = /^([+-])(\d{2}):?(\d{2})$/.exec(trimmed);
	if (!match) return undefined;
	const minutes = Number(match[2]) * 60 + Number(match[3]);
	return match[1] === '-' ? -minutes : minutes;
}

/** EXIF "YYYY:MM:DD HH:MM:SS"; the zone, when known, is in a separate OffsetTime* tag. */
export function parseExifDate(value: unknown, offset?: unknown): FileDate | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^\s*(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
	if (!match) return undefined;
	const offsetMinutes = parseOffset(typeof offset === 'string' ? offset : undefined);
	return fields(match, value, offsetMinutes);
}

/** ISO 8601 as XMP writes it: date, optional time, optional zone. */
export function parseIsoDate(value: unknown): FileDate | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/.exec(value);
	if (!match) return undefined;
	return fields(match, value, parseOffset(match[7]));
}

/** IPTC DateCreated "YYYYMMDD" with TimeCreated "HHMMSS±HHMM". */
export function parseIptcDate(date: unknown, time: unknown): FileDate | undefined {
	if (typeof date !== 'string' || !/^\d{8}$/.test(date)) return undefined;
	const timeMatch = typeof time === 'string' ? /^(\d{2}):?(\d{2}):?(\d{2})([+-]\d{2}:?\d{2})?$/.exec(time) : null;
	const iso = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${timeMatch ? `${timeMatch[1]}:${timeMatch[2]}:${timeMatch[3]}${timeMatch[4] ?? ''}` : '00:00:00'}`;
	const parsed = parseIsoDate(iso);
	return parsed && {...parsed, raw: `${date}${typeof time === 'string' ? ` ${time}` : ''}`};
}

function fields(match: RegExpExecArray, raw: string, offsetMinutes: number | undefined): FileDate {
	return {
		year: Number(match[1]),
		month: Number(match[2]),
		day: Number(match[3]),
		hour: Number(match[4] ?? 0),
		minute: Number(match[5] ?? 0),
		second: Number(match[6] ?? 0),
		...(offsetMinutes === undefined ? {} : {offsetMinutes}),
		raw: raw.trim(),
	};
}

/**
 * Dates that mean "the clock was never set" rather than a moment: year 0, the Mac (1904), Unix
 * (1970), DOS (1980) and digital-camera (2000, 2001) epochs, at midnight on 1 January, and
 * impossible calendar fields.
 */
export function sentinelReason(date: FileDate): string | undefined {
	if (date.year === 0 || date.month === 0 || date.day === 0) return 'a zero date';
	if (date.month > 12 || date.day > 31 || date.hour > 23 || date.minute > 59 || date.second > 60) return 'an impossible date';
	const midnightNewYear = date.month === 1 && date.day === 1 && date.hour === 0 && date.minute === 0 && date.second === 0;
	if (date.year < 1990) return `a date before digital cameras (${date.year})`;
	if (midnightNewYear && (date.year === 2000 || date.year === 2001 || date.year === 2010)) return 'a camera clock reset (midnight, 1 January)';
	return undefined;
}
