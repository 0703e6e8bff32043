import {open, stat} from 'node:fs/promises';
import path from 'node:path';
import {formatBytes} from '../format.js';

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
	return typeof file === 'string' ? file : Buffer.from(file).toString('utf8');
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

const fsMessages: Record<string, string> = {
	ENOENT: 'no such file',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	EISDIR: 'it is a folder, not a file',
	ENOTDIR: 'a part of the path is not a folder',
	ELOOP: 'too many symbolic links',
	ENAMETOOLONG: 'the path is too long',
};

function describeFsError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return (code && fsMessages[code]) ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Read the input's bytes, never more than `maxBytes`: a file above the limit is sized but not read,
 * so a 5 GB upload costs no memory.
 */
export async function readInput(input: PhotoInput, maxBytes: number, name?: string): Promise<LoadedFile> {
	const file = pathOf(input);
	if (file === undefined) {
		const bytes = input as Uint8Array;
		return {bytes, size: bytes.byteLength, ...(name === undefined ? {} : {name})};
	}
	// fs takes the raw bytes of a name; messages and the report take its readable form.
	const fsPath = typeof file === 'string' ? file : Buffer.from(file);
	const shown = displayPath(file);
	const base = name ?? path.basename(shown);
	let size: number;
	try {
		const info = await stat(fsPath);
		if (!info.isFile()) {
			throw Object.assign(new Error('not a file'), {code: info.isDirectory() ? 'EISDIR' : 'EINVAL'});
		}
		size = info.size;
	} catch (error) {
		throw new InputError(`The file could not be read (${describeFsError(error)}): ${shown}`);
	}
	if (size > maxBytes) {
		throw new InputError(`The file was not read: it is ${formatBytes(size)}, above the ${formatBytes(maxBytes)} this validator reads.`, size);
	}

	try {
		const handle = await open(fsPath, 'r');
		try {
			// Read at most one byte more than the limit: the file may have grown since stat().
			const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
			let length = 0;
			for (;;) {
				const {bytesRead} = await handle.read(buffer, length, buffer.length - length, length);
				if (bytesRead === 0) break;
				length += bytesRead;
				if (length === buffer.length) break;
			}
			if (length > maxBytes) {
				throw new InputError(`The file was not read: it grew above the ${formatBytes(maxBytes)} this validator reads.`, length);
			}
			const bytes = buffer.subarray(0, length);
			return {bytes, size: length, name: base, path: shown};
		} finally {
			await handle.close();
		}
	} catch (error) {
		if (error instanceof InputError) throw error;
		throw new InputError(`The file could not be read (${describeFsError(error)}): ${shown}`);
	}
}
