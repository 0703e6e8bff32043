import {open, stat} from 'node:fs/promises';
import path from 'node:path';
import {formatBytes} from '../../format.js';
import {displayPath, InputError, type LoadedFile} from '../../input/read.js';

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

/** Reads a file named by its path (a string, or the raw bytes of a name that is not valid UTF-8), never more than `maxBytes`. */
export async function readFileFromDisk(file: string | Uint8Array, maxBytes: number, name?: string): Promise<LoadedFile> {
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
