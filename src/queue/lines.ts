/** A line of a stream and the byte offset where it starts. */
export interface Line {
	offset: number;
	text: string;
}

/**
 * The newline-terminated lines of a byte stream, pulled as they are read: the stream is read no
 * faster than the lines are used (readline's iterator buffers every line a fast file gives it, so
 * a list of a million paths would sit in memory). A last line without its newline is yielded only
 * with `partialLast` (a list typed by hand may lack it; a shard's is a write cut short).
 */
export async function* splitLines(chunks: AsyncIterable<Buffer | string>, {partialLast = false}: {partialLast?: boolean} = {}): AsyncGenerator<Line> {
	let pending: Buffer[] = [];
	let start = 0;
	for await (const piece of chunks) {
		const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
		let from = 0;
		for (let newline = chunk.indexOf(10, from); newline !== -1; newline = chunk.indexOf(10, from)) {
			const tail = chunk.subarray(from, newline);
			const line = pending.length > 0 ? Buffer.concat([...pending, tail]) : tail;
			yield {offset: start, text: line.toString('utf8')};
			start += line.length + 1;
			pending = [];
			from = newline + 1;
		}
		if (from < chunk.length) pending.push(chunk.subarray(from));
	}
	if (partialLast && pending.length > 0) yield {offset: start, text: Buffer.concat(pending).toString('utf8')};
}
