import {createReadStream} from 'node:fs';
import {type FileHandle, mkdir, open} from 'node:fs/promises';
import path from 'node:path';

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

/** A line of a shard and where it starts. */
export interface ShardLine {
	offset: number;
	text: string;
}

/** The lines of a shard, streamed with their byte offsets (memory: one chunk and one line). */
export async function* readShardLines(file: string): AsyncGenerator<ShardLine> {
	let pending: Buffer[] = [];
	let pendingLength = 0;
	let start = 0;
	for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
		let from = 0;
		for (let newline = chunk.indexOf(10, from); newline !== -1; newline = chunk.indexOf(10, from)) {
			const piece = chunk.subarray(from, newline);
			const line = pendingLength > 0 ? Buffer.concat([...pending, piece]) : piece;
			yield {offset: start, text: line.toString('utf8')};
			start += line.length + 1;
			pending = [];
			pendingLength = 0;
			from = newline + 1;
		}
		if (from < chunk.length) {
			pending.push(chunk.subarray(from));
			pendingLength += chunk.length - from;
		}
	}
	// A last line without its newline was cut short by a crash mid-write: no report ends there.
}
