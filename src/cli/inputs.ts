import {lstat} from 'node:fs/promises';
import path from 'node:path';
import {glob, isDynamicPattern} from 'tinyglobby';
import {formatBytes} from '../format.js';
import {UsageError} from './args.js';

/** What the command line names: paths (files or folders, globs expanded) and, for "-", standard input. */
export type CliInput = {path: string} | {stdin: true};

/** How a photo read from standard input is named in its report. */
export const STDIN_SOURCE = '(standard input)';

/**
 * The photos named on the command line, checked before any is validated: "-" is standard input
 * (once), a pattern the shell left unexpanded (quoted, an npm script, Windows' shells) is expanded,
 * and a path that names nothing is a usage error, as eslint and prettier have it.
 */
export async function resolveInputs(args: readonly string[]): Promise<CliInput[]> {
	const inputs: CliInput[] = [];
	let stdin = false;
	for (const arg of args) {
		if (arg === '-') {
			if (stdin) throw new UsageError('"-" (standard input) can be given once');
			stdin = true;
			inputs.push({stdin: true});
			continue;
		}
		// A file whose name looks like a pattern ("photo[1].jpg") is that file.
		if (await exists(arg)) {
			inputs.push({path: arg});
			continue;
		}
		if (!isDynamicPattern(arg)) throw new UsageError(`no such file or folder: ${arg}`);
		// An absolute pattern gives absolute paths, a relative one paths from here: as the shell would.
		const matches = await glob(arg, {onlyFiles: false, expandDirectories: false, dot: false, absolute: path.isAbsolute(arg)});
		if (matches.length === 0) throw new UsageError(`no file matches the pattern ${arg}`);
		for (const match of matches.sort()) inputs.push({path: match});
	}
	return inputs;
}

async function exists(file: string): Promise<boolean> {
	return lstat(file).then(
		() => true,
		() => false,
	);
}

/** Standard input's bytes, at most `maxBytes` (more is a usage error: such a file is better named). */
export async function readStdin(maxBytes: number, stream: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let length = 0;
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		length += chunk.length;
		if (length > maxBytes) {
			throw new UsageError(`standard input holds more than ${formatBytes(maxBytes)}, more than this validator reads: name the file instead`);
		}
		chunks.push(chunk);
	}
	return Buffer.concat(chunks, length);
}
