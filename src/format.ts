/** How figures are written in messages and reports: one place, so that every message reads alike. */

/** One formatter per precision: building an Intl.NumberFormat per call showed in profiles. */
const formatters = new Map<number, Intl.NumberFormat>();

/** A number for a message: at most `digits` decimals, no trailing zeros, thousands grouped. */
export function num(value: number, digits = 1): string {
	let formatter = formatters.get(digits);
	if (!formatter) {
		formatter = new Intl.NumberFormat('en-US', {maximumFractionDigits: digits, useGrouping: true});
		formatters.set(digits, formatter);
	}
	return formatter.format(value);
}

/** A count and its noun, in the singular for one: `1 photo`, `1,200 photos`. */
export function plural(count: number, noun: string): string {
	return `${num(count, 0)} ${count === 1 ? noun : `${noun}s`}`;
}

/** A share (0–1) as a percentage for a message: `0.443` → `44.3 %`. */
export function percent(fraction: number, digits = 1): string {
	return `${num(fraction * 100, digits)} %`;
}

/** A size in bytes, in SI units with the exact count: `4.2 MB (4,194,305 bytes)`. */
export function formatBytes(bytes: number): string {
	const exact = `${bytes.toLocaleString('en-US')} bytes`;
	if (bytes < 1000) return exact;
	const [value, unit] = bytes >= 1e9 ? [bytes / 1e9, 'GB'] : bytes >= 1e6 ? [bytes / 1e6, 'MB'] : [bytes / 1e3, 'kB'];
	return `${value.toFixed(2).replace(/\.?0+$/, '')} ${unit} (${exact})`;
}

/**
 * A byte limit the way a person would write it: `4 MB` for 4,194,304 (4 × 1024²) or 4,000,000
 * bytes alike, since IRCC's "4 MB" is both; otherwise megabytes with two decimals.
 */
export function formatMegabytes(bytes: number): string {
	const binary = bytes / 1024 ** 2;
	if (Number.isInteger(binary)) return `${binary} MB`;
	return `${num(bytes / 1e6, 2)} MB`;
}

/** A byte limit in kilobytes, as IRCC writes "60 kB": 1000 bytes each. */
export function formatKilobytes(bytes: number): string {
	return `${num(bytes / 1000, 1)} kB`;
}

/** Rounds for a report: `digits` decimals. */
export function round(value: number, digits = 1): number {
	const k = 10 ** digits;
	return Math.round(value * k) / k;
}

/** The entries whose number is finite (a report carries no NaN): an empty region measures nothing. */
export function finite<T extends Record<string, number | string | boolean>>(values: T): Partial<T> {
	return Object.fromEntries(Object.entries(values).filter(([, value]) => typeof value !== 'number' || Number.isFinite(value))) as Partial<T>;
}

/** The longest text taken from a file that a report repeats, in characters. */
export const MAX_FILE_TEXT = 200;

/** Text from a file, cut to `max` characters, saying how much was dropped: a report stays small whatever the file holds. */
export function clip(text: string, max = MAX_FILE_TEXT): string {
	return text.length <= max ? text : `${text.slice(0, max)}… (${(text.length - max).toLocaleString('en-US')} more characters)`;
}
