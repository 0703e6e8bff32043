import type {Platform} from '../platform/types.js';
import {decodeText} from './text.js';

/**
 * A file named by its path as the operating system gives it: a string, or the raw bytes of a name
 * that is not valid UTF-8 (which no string can hold).
 */
export interface PhotoFile {
	readonly path: string | Uint8Array;
}

/** What `validatePhoto` accepts: a file path, the file's bytes, or `{path}`. */
export type PhotoInput = string | Buffer | Uint8Array | PhotoFile;

/** The path of an input that names a file (undefined for bytes). */
export function pathOf(input: PhotoInput): string | Uint8Array | undefined {
	if (typeof input === 'string') return input;
	return input instanceof Uint8Array ? undefined : input.path;
}

/** A path as a person reads it: a name that is not valid UTF-8 shows its undecodable bytes as �. */
export function displayPath(file: string | Uint8Array): string {
	return typeof file === 'string' ? file : decodeText(file, 'utf-8');
}

export interface LoadedFile {
	readonly bytes: Uint8Array;
	/** Size in bytes; for a file above the read limit, its size on disk (and `bytes` is empty). */
	readonly size: number;
	/** Base name (from the path, or `options.name`), used for the extension check. */
	readonly name?: string;
	readonly path?: string;
}

export class InputError extends Error {
	constructor(
		message: string,
		/** What is known of the size even though the bytes were not read. */
		readonly size?: number,
	) {
		super(message);
		this.name = 'InputError';
	}
}

/**
 * Read the input's bytes, never more than `maxBytes`: a file above the limit is sized but not read,
 * so a 5 GB upload costs no memory.
 */
export async function readInput(input: PhotoInput, maxBytes: number, platform: Pick<Platform, 'readFile'>, name?: string): Promise<LoadedFile> {
	const file = pathOf(input);
	if (file === undefined) {
		const bytes = input as Uint8Array;
		return {bytes, size: bytes.byteLength, ...(name === undefined ? {} : {name})};
	}
	return platform.readFile(file, maxBytes, name);
}
