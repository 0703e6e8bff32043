#!/usr/bin/env node
import {readFileSync} from 'node:fs';
import {stat} from 'node:fs/promises';
import {validatePhotosIterable} from '../batch/index.js';
import type {CheckId} from '../checks/registry.js';
import {plural} from '../format.js';
import {displayPath, type PhotoFile} from '../input/read.js';
import {DEFAULT_PICTURE_SIZE} from '../options.js';
import {caPrCard, profileSummaries} from '../profiles/index.js';
import {QueueConnectionError, QueueProfileError} from '../queue/errors.js';
import type {PhotoReport, Verdict} from '../report/schema.js';
import {formatReport, paint, useColour} from '../report/text.js';
import {AnnotatedOutput, HTML_PICTURE_SIZE, withoutAnnotations} from './annotated-output.js';
import {type CliOptions, HELP, parseCliArgs, UsageError} from './args.js';
import {ExitTally} from './exit-status.js';
import {type CliInput, readStdin, resolveInputs, STDIN_SOURCE} from './inputs.js';
import {OrderedWriter} from './ordered-writer.js';
import {formatProfiles} from './profiles.js';
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
	if (options.listProfiles) {
		await write(options.format === 'json' ? `${JSON.stringify(profileSummaries(), null, 2)}\n` : formatProfiles(profileSummaries()));
		return 0;
	}

	let inputs: CliInput[];
	let pictures: AnnotatedOutput | undefined;
	try {
		inputs = await resolveInputs(options.paths);
		// After the inputs: an output is checked against every one of them.
		pictures = await AnnotatedOutput.open(options.html, options.annotate, options.pictureSize, {inputs, force: options.force});
	} catch (error) {
		if (error instanceof UsageError) return usageError(error.message);
		throw error;
	}
	const stdin = inputs.some((input) => 'stdin' in input) ? await readStdin(caPrCard.decode.maxInputBytes).catch((error: unknown) => error) : undefined;
	if (stdin instanceof UsageError) return usageError(stdin.message);
	if (stdin instanceof Error) throw stdin;

	const progress = new ProgressBar(process.stderr);
	let walked = 0;
	async function* photos(): AsyncGenerator<string | PhotoFile | Buffer> {
		for (const input of inputs) {
			if ('stdin' in input) {
				walked++;
				pictures?.name('stdin');
				yield stdin as Buffer;
				continue;
			}
			for await (const file of walkPaths([input.path], pictures?.skipFolders)) {
				walked++;
				pictures?.name(typeof file === 'string' ? file : displayPath(file.path));
				yield file;
			}
		}
		progress.setTotal(walked);
	}
	const colour = useColour(process.stdout);

	const counts: Record<Verdict, number> = {accept: 0, review: 0, return: 0};
	const exit = new ExitTally(options.strict);
	// --json streams one array in input order; a report waits only for those before it.
	const json = new OrderedWriter<PhotoReport>((report, position) => write(`${position === 0 ? '[\n' : ',\n'}${indent(JSON.stringify(report, null, 2))}`));
	// The text summary too, so a reader finds each photo where it was named; NDJSON alone comes as each finishes.
	const text = new OrderedWriter<PhotoReport>(async (report) => {
		progress.clear();
		await write(`${formatReport(report, {all: options.all, colour})}\n`);
	});
	try {
		for await (const {index, report: validated} of validatePhotosIterable(photos(), {
			...(options.profile === undefined ? {} : {profile: options.profile}),
			...(options.checks === undefined ? {} : {checks: options.checks as CheckId[]}),
			...(options.concurrency === undefined ? {} : {concurrency: options.concurrency}),
			...(options.timeoutMs === undefined ? {} : {timeoutMs: options.timeoutMs}),
			// One picture serves both: the HTML's size when there is an HTML, the PNGs' otherwise.
			...(pictures ? {annotate: {pictureSize: options.pictureSize ?? (options.html === undefined ? DEFAULT_PICTURE_SIZE : HTML_PICTURE_SIZE)}} : {}),
			// One photo named: no pool to start, the engine loads in this thread.
			workers: !(await isSingleFile(inputs)),
		})) {
			// Only standard input comes as bytes here: it has no path to be named by.
			const named = validated.source === undefined ? {...validated, source: STDIN_SOURCE} : validated;
			await pictures?.add(index, named);
			const report = pictures ? withoutAnnotations(named) : named;
			counts[report.verdict]++;
			exit.add(report);
			if (options.format === 'json') await json.add(index, report);
			else if (options.format === 'text') await text.add(index, report);
			else {
				progress.clear();
				// NDJSON comes in finishing order: each line says which input it answers.
				await write(`${JSON.stringify({index, ...report})}\n`);
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
		await write(
			`\n${total} photos: ${paint(colour, 'accept', `${counts.accept} accept`)}, ${paint(colour, 'review', `${counts.review} review`)}, ${paint(colour, 'return', `${counts.return} return`)}\n`,
		);
	}
	if (total === 0) {
		process.stderr.write('photo-requirements: no image files found in the folders given\n');
		return 2;
	}
	if (exit.notice) process.stderr.write(exit.notice);
	if (pictures && pictures.refused > 0) {
		process.stderr.write(`photo-requirements: ${plural(pictures.refused, 'output file')} not written: see above\n`);
		return 2;
	}
	return exit.status;
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

async function isSingleFile(inputs: readonly CliInput[]): Promise<boolean> {
	const [only] = inputs;
	if (inputs.length !== 1 || !only) return false;
	if ('stdin' in only) return true;
	return stat(only.path).then(
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
