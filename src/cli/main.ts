#!/usr/bin/env node
import {readFileSync} from 'node:fs';
import {stat} from 'node:fs/promises';
import {validatePhotosIterable} from '../batch/index.js';
import type {CheckId} from '../checks/registry.js';
import {displayPath, type PhotoFile} from '../input/read.js';
import {QueueConnectionError, QueueProfileError} from '../queue/errors.js';
import type {PhotoReport, Verdict} from '../report/schema.js';
import {formatReport} from '../report/text.js';
import {AnnotatedOutput, withoutAnnotations} from './annotated-output.js';
import {type CliOptions, HELP, parseCliArgs, UsageError} from './args.js';
import {OrderedWriter} from './ordered-writer.js';
import {ProgressBar} from './progress.js';
import {parseServeArgs, SERVE_HELP, type ServeOptions, serve} from './serve.js';
import {write} from './stdout.js';
import {walkPaths} from './walk.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version;

async function main(argv: readonly string[]): Promise<number> {
	if (argv[0] === 'serve') return serveCommand(argv.slice(1));
	if (argv[0] === 'queue') return queueCommand(argv.slice(1));
	let options: CliOptions;
	try {
		options = parseCliArgs(argv);
	} catch (error) {
		if (error instanceof UsageError) return usageError(error.message);
		throw error;
	}
	if (options.help) {
		process.stdout.write(HELP);
		return 0;
	}
	if (options.version) {
		process.stdout.write(`${version}\n`);
		return 0;
	}

	let pictures: AnnotatedOutput | undefined;
	try {
		pictures = await AnnotatedOutput.open(options.html, options.annotate);
	} catch (error) {
		if (error instanceof UsageError) return usageError(error.message);
		throw error;
	}

	const progress = new ProgressBar(process.stderr);
	let walked = 0;
	async function* paths(): AsyncGenerator<string | PhotoFile> {
		for await (const file of walkPaths(options.paths)) {
			walked++;
			pictures?.name(typeof file === 'string' ? file : displayPath(file.path));
			yield file;
		}
		progress.setTotal(walked);
	}

	const counts: Record<Verdict, number> = {accept: 0, review: 0, return: 0};
	// --json streams one array in input order; a report waits only for those before it.
	const json = new OrderedWriter<PhotoReport>((report, position) => write(`${position === 0 ? '[\n' : ',\n'}${indent(JSON.stringify(report, null, 2))}`));
	try {
		for await (const {index, report: validated} of validatePhotosIterable(paths(), {
			...(options.profile === undefined ? {} : {profile: options.profile}),
			...(options.checks === undefined ? {} : {checks: options.checks as CheckId[]}),
			...(options.concurrency === undefined ? {} : {concurrency: options.concurrency}),
			...(options.timeoutMs === undefined ? {} : {timeoutMs: options.timeoutMs}),
			...(pictures ? {annotate: true} : {}),
			// One photo named: no pool to start, the engine loads in this thread.
			workers: !(await isSingleFile(options.paths)),
		})) {
			await pictures?.add(index, validated);
			const report = pictures ? withoutAnnotations(validated) : validated;
			counts[report.verdict]++;
			if (options.format === 'json') await json.add(index, report);
			else {
				progress.clear();
				await write(options.format === 'ndjson' ? `${JSON.stringify(report)}\n` : `${formatReport(report, {all: options.all})}\n`);
			}
			progress.tick();
		}
	} finally {
		progress.clear();
	}
	await pictures?.finish();

	const total = counts.accept + counts.review + counts.return;
	if (options.format === 'json') await write(json.written === 0 ? '[]\n' : '\n]\n');
	else if (options.format === 'text' && total > 1) {
		await write(`\n${total} photos: ${counts.accept} accept, ${counts.review} review, ${counts.return} return\n`);
	}
	if (total === 0) {
		process.stderr.write('photo-requirements: no image files found in the folders given\n');
		return 2;
	}
	return counts.return > 0 || (options.strict && counts.review > 0) ? 1 : 0;
}

async function serveCommand(argv: readonly string[]): Promise<number> {
	let options: ServeOptions;
	try {
		options = parseServeArgs(argv);
	} catch (error) {
		if (error instanceof UsageError) return usageError(error.message);
		throw error;
	}
	if (options.help) {
		process.stdout.write(SERVE_HELP);
		return 0;
	}
	return serve(options);
}

async function queueCommand(argv: readonly string[]): Promise<number> {
	// bullmq and ioredis load only for this command: checking a photo does not pay for them.
	const {parseQueueArgs, runQueueCommand} = await import('./queue.js');
	try {
		return await runQueueCommand(parseQueueArgs(argv));
	} catch (error) {
		if (error instanceof UsageError) return usageError(error.message);
		if (error instanceof QueueConnectionError || error instanceof QueueProfileError) {
			process.stderr.write(`photo-requirements: ${error.message}\n`);
			return 3;
		}
		throw error;
	}
}

async function isSingleFile(paths: readonly string[]): Promise<boolean> {
	if (paths.length !== 1) return false;
	return stat(paths[0]!).then(
		(info) => !info.isDirectory(),
		() => true,
	);
}

function indent(text: string): string {
	return text.replace(/^/gm, '  ');
}

function usageError(message: string): number {
	process.stderr.write(`photo-requirements: ${message}\nRun photo-requirements --help for usage.\n`);
	return 2;
}

// A reader that stops early (`| head`) is not an error: stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw error;
});

main(process.argv.slice(2)).then(
	(code) => {
		// Exit as soon as the output is written: work abandoned by a timeout (a decode in native code,
		// which a thread cannot interrupt) must not hold the process after the last report.
		process.stdout.write('', () => process.exit(code));
	},
	(error: unknown) => {
		process.stderr.write(`photo-requirements: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 3;
	},
);
