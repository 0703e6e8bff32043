#!/usr/bin/env node
import {readFileSync} from 'node:fs';
import {validatePhotosIterable} from '../validate.js';
import {formatReport} from '../report/text.js';
import type {CheckId} from '../checks/ids.js';
import type {PhotoReport, Verdict} from '../report/schema.js';
import {HELP, parseCliArgs, UsageError, type CliOptions} from './args.js';
import {ProgressBar} from './progress.js';
import {walkPaths} from './walk.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version;

async function main(argv: readonly string[]): Promise<number> {
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

	const progress = new ProgressBar(process.stderr);
	let walked = 0;
	async function* paths(): AsyncGenerator<string> {
		for await (const file of walkPaths(options.paths)) {
			walked++;
			yield file;
		}
		progress.setTotal(walked);
	}

	const counts: Record<Verdict, number> = {accept: 0, review: 0, return: 0};
	const ordered: PhotoReport[] = [];
	try {
		for await (const {index, report} of validatePhotosIterable(paths(), {
			...(options.profile === undefined ? {} : {profile: options.profile}),
			...(options.checks === undefined ? {} : {checks: options.checks as CheckId[]}),
			...(options.concurrency === undefined ? {} : {concurrency: options.concurrency}),
		})) {
			counts[report.verdict]++;
			if (options.format === 'json') ordered[index] = report;
			else {
				progress.clear();
				await write(options.format === 'ndjson' ? `${JSON.stringify(report)}\n` : `${formatReport(report, {all: options.all})}\n`);
			}
			progress.tick();
		}
	} catch (error) {
		progress.clear();
		// A wrong --profile or --checks reaches the API as a wrong option: a usage error here.
		if (error instanceof TypeError && /options\.(profile|checks)/.test(error.message)) {
			return usageError(error.message.replace(/^validatePhotos\(\): options\.(profile|checks)(\[\d+\])?/, '--$1'));
		}
		throw error;
	}
	progress.clear();

	const total = counts.accept + counts.review + counts.return;
	if (options.format === 'json') await write(`${JSON.stringify(ordered, null, 2)}\n`);
	else if (options.format === 'text' && total > 1) {
		await write(`\n${total} photos: ${counts.accept} accept, ${counts.review} review, ${counts.return} return\n`);
	}
	if (total === 0) {
		process.stderr.write('photo-requirements: no image files found in the folders given\n');
		return 2;
	}
	return counts.return > 0 || (options.strict && counts.review > 0) ? 1 : 0;
}

function usageError(message: string): number {
	process.stderr.write(`photo-requirements: ${message}\nRun photo-requirements --help for usage.\n`);
	return 2;
}

/** Write to stdout, waiting when its buffer is full (back-pressure for large batches). */
function write(text: string): Promise<void> {
	return new Promise((resolve, reject) => {
		if (process.stdout.write(text)) resolve();
		else {
			process.stdout.once('drain', resolve);
			process.stdout.once('error', reject);
		}
	});
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`photo-requirements: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 3;
	},
);
