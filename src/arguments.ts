import type {PhotoInput} from './input/read.js';

/** Programmer errors: a wrong argument throws a TypeError that names it, what was expected and what was given. */

/**
 * The error for a wrong argument: `validatePhoto(): options.checks must be an array of check ids; got number (3).`
 * `expected` completes "must be …"; `actual` is the value given, described briefly.
 */
export function invalidArgument(caller: string, name: string, expected: string, actual: unknown): TypeError {
	return new TypeError(`${caller}: ${name} must be ${expected}; got ${describe(actual)}.`);
}

/** What was given, already in words, when it is not a value (an unknown key, a missing entry). */
export class Given {
	constructor(readonly words: string) {}
}

/** A value as a short phrase for an error message: `number (0)`, `string ("x")`, `null`. */
export function describe(value: unknown): string {
	if (value instanceof Given) return value.words;
	if (value === null) return 'null';
	if (value === undefined) return 'undefined';
	if (Array.isArray(value)) return `an array of ${value.length}`;
	if (value instanceof Date) return `a Date (${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
	switch (typeof value) {
		case 'string':
			return value.length === 0 ? 'an empty string' : `string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
		case 'number':
		case 'boolean':
		case 'bigint':
			return `${typeof value} (${String(value)})`;
		case 'function':
			return 'a function';
		default:
			return `${(value as object).constructor?.name ?? 'an object'}`;
	}
}

/** A list of strings for an error message: `"a", "b"`. */
export function quoted(values: readonly string[]): string {
	return values.map((value) => `"${value}"`).join(', ');
}

/** A photo input: a non-empty path, a Buffer or a Uint8Array, or `{path}` with a non-empty path (string or bytes). */
export function assertInput(input: unknown, caller: string, label = 'input'): asserts input is PhotoInput {
	if (input instanceof Uint8Array || (typeof input === 'string' && input.length > 0)) return;
	const file = input !== null && typeof input === 'object' && 'path' in input ? (input as {path: unknown}).path : undefined;
	if ((typeof file === 'string' || file instanceof Uint8Array) && file.length > 0) return;
	throw invalidArgument(caller, label, 'a file path (string), a Buffer or a Uint8Array, or {path}', input);
}
