import {createReadStream} from 'node:fs';
import {type FileHandle, mkdir, open} from 'node:fs/promises';
import path from 'node:path';
import {type Line, splitLines} from './lines.js';

/** Where a line was written in its shard. */
export interface LinePosition {
	offset: number;
	/** Bytes, newline excluded. */
	length: number;
}

/**
 * One worker process's NDJSON file of full reports. Only this process appends to it, one line at
 * a time, so the offsets it counts are the file's: a line can be found again without an index.
 */
export class ResultShard {
	#tail: Promise<unknown> = Promise.resolve();

	private constructor(
		readonly file: string,
		private readonly handle: FileHandle,
		private size: number,
	) {}

	static async open(folder: string, name: string): Promise<ResultShard> {
		await mkdir(folder, {recursive: true});
		const file = path.resolve(folder, `${name}.ndjson`);
		const handle = await open(file, 'a');
		return new ResultShard(file, handle, (await handle.stat()).size);
	}

	/** Appends one line; resolves once it is in the file (the operating system's cache), with its position. */
	append(line: string): Promise<LinePosition> {
		const bytes = Buffer.from(`${line}\n`, 'utf8');
		const written = this.#tail.then(async () => {
			const offset = this.size;
			let done = 0;
			while (done < bytes.length) done += (await this.handle.write(bytes, done, bytes.length - done)).bytesWritten;
			this.size += bytes.length;
			return {offset, length: bytes.length - 1};
		});
		this.#tail = written.catch(() => undefined);
		return written;
	}

	async close(): Promise<void> {
		await this.#tail;
		await this.handle.close();
	}
}

/** The lines of a shard, streamed with their byte offsets (memory: one chunk and one line). A last line cut short by a crash mid-write ends no report and is left out. */
export function readShardLines(file: string): AsyncGenerator<Line> {
	return splitLines(createReadStream(file) as AsyncIterable<Buffer>);
}
