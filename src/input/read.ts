import {open, stat} from 'node:fs/promises';
import path from 'node:path';
import {formatBytes} from '../format.js';

/** What `validatePhoto` accepts: a file path, or the file's bytes. */
export type PhotoInput = string | Buffer | Uint8Array;

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
	if (typeof input !== 'string') {
		const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
		return {bytes, size: bytes.byteLength, ...(name === undefined ? {} : {name})};
	}

	const base = name ?? path.basename(input);
	let size: number;
	try {
		const info = await stat(input);
		if (!info.isFile()) {
			throw Object.assign(new Error('not a file'), {code: info.isDirectory() ? 'EISDIR' : 'EINVAL'});
		}
		size = info.size;
	} catch (error) {
		throw new InputError(`The file could not be read (${describeFsError(error)}): ${input}`);
	}
	if (size > maxBytes) {
		throw new InputError(`The file was not read: it is ${formatBytes(size)}, above the ${formatBytes(maxBytes)} this validator reads.`, size);
	}

	try {
		const handle = await open(input, 'r');
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
			return {bytes, size: length, name: base, path: input};
		} finally {
			await handle.close();
		}
	} catch (error) {
		if (error instanceof InputError) throw error;
		throw new InputError(`The file could not be read (${describeFsError(error)}): ${input}`);
	}
}
