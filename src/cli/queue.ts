import {open, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {num, plural, round} from '../format.js';
import {
	DEFAULT_LOCK_TIMEOUT_MS,
	DEFAULT_QUEUE_NAME,
	DEFAULT_REDIS_URL,
	DEFAULT_RESULTS_DIR,
	openPhotoQueue,
	type PhotoQueue,
	startQueueWorker,
} from '../queue/index.js';
import {splitLines} from '../queue/lines.js';
import {renderHtml} from '../report/html.js';
import type {PhotoReport, Verdict} from '../report/schema.js';
import {formatReport} from '../report/text.js';
import {parseCommandLine, parseConcurrency, parseProfile, parseTimeout, UsageError} from './args.js';
import {checkHtmlDestination, refuseImageAsHtml} from './output-guard.js';
import {write} from './stdout.js';
import {walkPaths} from './walk.js';

export const QUEUE_HELP = `Usage: photo-requirements queue <command> [options]

Re-validates stored photos on many machines through a BullMQ queue in Redis. Workers write
each full report to their own NDJSON shard in a results folder; Redis keeps a summary per photo.

Commands:
  add [paths...]      add one job per photo (folders are searched for image files); a photo
                      already queued, failed or done is skipped, so add can be run again
      --files-from <file>   also read paths from this file, one per line ("-": standard input)
      --profile <id>        the rules the queue's photos are judged by (default: ca-pr-card;
                            fixed by the queue's first add)
      --json                print the summary as JSON
  work                run a worker on this machine's cores until SIGTERM or SIGINT (a second
                      signal stops at once; the photos in flight then run again elsewhere)
      --concurrency <n>     photos at once, one per worker thread (default: the number of cores)
      --timeout <seconds>   stop a photo after this long; it is retried once, then failed (default: 60)
      --results <dir>       folder for this worker's shard of reports (default: ${DEFAULT_RESULTS_DIR});
                            shared storage when workers run on several machines
      --lock-timeout <s>    a killed worker's photos run elsewhere after this long (default: ${DEFAULT_LOCK_TIMEOUT_MS / 1000})
      --until-empty         stop once nothing is waiting, delayed or running
  status              counts, photos per second over the last minute, and the time left
      --json                print {waiting, active, completed, failed, delayed, photosPerSecond, etaSeconds, ...}
  results             every finished photo's report, each once
      --ndjson | --json     one report per line, or one JSON array (default: the text summary)
      --html <file>         one HTML report of every photo (for a few thousand at most)
      --force               write --html over a file photo-requirements did not make
      --results <dir>       the results folder as this machine sees it, if its path differs
  failed              every failed photo and why (--json, --ndjson)
  retry               move every failed photo back to waiting
  clear --yes         delete the queue, its summaries and settings (the shards on disk stay)

Options of every command:
  --redis <url>       redis://[user:password@]host:port[/db] or rediss://... (default: the
                      REDIS_URL environment variable, then ${DEFAULT_REDIS_URL})
  --queue <name>      the queue (default: ${DEFAULT_QUEUE_NAME})
  --prefix <prefix>   BullMQ's key prefix (default: bull)
  -h, --help          show this help

Exit status:
  0  done (for work: stopped by a signal, or --until-empty and the queue is empty)
  2  a usage error
  3  Redis cannot be reached, or the queue was made for another profile
`;

const COMMON = {
	redis: {type: 'string'},
	queue: {type: 'string'},
	prefix: {type: 'string'},
	help: {type: 'boolean', short: 'h', default: false},
} as const;

const COMMANDS = {
	add: {...COMMON, 'files-from': {type: 'string'}, profile: {type: 'string'}, json: {type: 'boolean', default: false}},
	work: {
		...COMMON,
		concurrency: {type: 'string'},
		timeout: {type: 'string'},
		results: {type: 'string'},
		'lock-timeout': {type: 'string'},
		'until-empty': {type: 'boolean', default: false},
	},
	status: {...COMMON, json: {type: 'boolean', default: false}},
	results: {
		...COMMON,
		json: {type: 'boolean', default: false},
		ndjson: {type: 'boolean', default: false},
		html: {type: 'string'},
		force: {type: 'boolean', default: false},
		results: {type: 'string'},
	},
	failed: {...COMMON, json: {type: 'boolean', default: false}, ndjson: {type: 'boolean', default: false}},
	retry: COMMON,
	clear: {...COMMON, yes: {type: 'boolean', default: false}},
} as const;

type Command = keyof typeof COMMANDS;
type Values = Record<string, string | boolean | undefined>;

export interface QueueCommand {
	command: Command | undefined;
	values: Values;
	positionals: string[];
}

/** Parses `queue <command> [options]`: a UsageError names what is wrong. */
export function parseQueueArgs(argv: readonly string[]): QueueCommand {
	const [first, ...rest] = argv;
	if (first === undefined || first === '-h' || first === '--help') return {command: undefined, values: {help: true}, positionals: []};
	if (!Object.hasOwn(COMMANDS, first)) {
		throw new UsageError(`queue: unknown command "${first}" (the commands: ${Object.keys(COMMANDS).join(', ')})`);
	}
	const command = first as Command;
	const {values, positionals} = parseCommandLine(rest, COMMANDS[command], {allowPositionals: command === 'add', command: `queue ${command}`});
	if (values.help) return {command, values, positionals};
	if (values.redis !== undefined && !/^rediss?:\/\/./.test(values.redis as string)) {
		throw new UsageError(`--redis must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379; got "${values.redis}"`);
	}
	if (values.queue !== undefined && !/^[^:]{1,200}$/.test(values.queue as string)) {
		throw new UsageError(`--queue must be a name of 1 to 200 characters without ":"; got "${values.queue}"`);
	}
	if (command === 'add') {
		if (values.profile !== undefined) parseProfile(values.profile as string);
		if (positionals.length === 0 && values['files-from'] === undefined) {
			throw new UsageError('queue add: no photo given: name files or folders, or --files-from <file>');
		}
	}
	if (command === 'work') {
		parseConcurrency(values.concurrency as string | undefined);
		parseTimeout(values.timeout as string | undefined);
		if (values['lock-timeout'] !== undefined) lockTimeoutMs(values['lock-timeout'] as string);
		if (values.results === '') throw new UsageError('queue work: --results needs a folder');
	}
	if ((command === 'results' || command === 'failed') && values.json && values.ndjson) {
		throw new UsageError(`queue ${command}: --json and --ndjson cannot be used together`);
	}
	if (command === 'results' && values.html === '') throw new UsageError('queue results: --html needs a file name');
	if (command === 'results' && typeof values.html === 'string') refuseImageAsHtml(values.html);
	if (command === 'clear' && !values.yes) throw new UsageError('queue clear deletes the queue and every summary in it: add --yes to confirm');
	return {command, values, positionals};
}

function lockTimeoutMs(text: string): number {
	const seconds = Number(text);
	if (!Number.isFinite(seconds) || seconds < 1 || seconds > 86_400) {
		throw new UsageError(`--lock-timeout must be a number of seconds from 1 to 86400; got "${text}"`);
	}
	return Math.round(seconds * 1000);
}

/** Runs a parsed queue command; resolves with the exit status. */
export async function runQueueCommand({command, values, positionals}: QueueCommand): Promise<number> {
	if (command === undefined || values.help) {
		process.stdout.write(QUEUE_HELP);
		return 0;
	}
	const target = {
		...(values.redis === undefined ? {} : {redis: values.redis as string}),
		...(values.queue === undefined ? {} : {queue: values.queue as string}),
		...(values.prefix === undefined ? {} : {prefix: values.prefix as string}),
	};
	if (command === 'work') return work(target, values);
	const queue = await openPhotoQueue({...target, ...(values.profile === undefined ? {} : {profile: values.profile as string})});
	try {
		switch (command) {
			case 'add':
				return await add(queue, values, positionals);
			case 'status':
				return await status(queue, values);
			case 'results':
				return await results(queue, values);
			case 'failed':
				return await failed(queue, values);
			case 'retry': {
				const count = await queue.retryFailed();
				await write(`${plural(count, 'failed photo')} moved back to waiting in the queue "${queue.name}"\n`);
				return 0;
			}
			case 'clear':
				await queue.clear();
				await write(`The queue "${queue.name}" is deleted (the report shards on disk are kept).\n`);
				return 0;
		}
	} finally {
		await queue.close();
	}
}

async function add(queue: PhotoQueue, values: Values, positionals: readonly string[]): Promise<number> {
	const interactive = process.stderr.isTTY === true;
	let skippedNames = 0;
	async function* paths(): AsyncGenerator<string> {
		for await (const file of walkPaths(positionals)) {
			// A name that is not valid UTF-8 has no string form a job can carry.
			if (typeof file === 'string') yield file;
			else skippedNames++;
		}
		const list = values['files-from'] as string | undefined;
		if (list !== undefined) yield* readPathList(list);
	}
	const summary = await queue.add(paths(), {
		onProgress: (progress) => {
			if (interactive) process.stderr.write(`\r${num(progress.seen, 0)} paths read, ${num(progress.added, 0)} added…`);
		},
	});
	if (interactive) process.stderr.write('\r\x1b[K');
	if (skippedNames > 0) process.stderr.write(`photo-requirements: ${plural(skippedNames, 'file')} skipped: the name is not valid UTF-8\n`);
	if (values.json) {
		await write(`${JSON.stringify({queue: queue.name, ...summary, seconds: round(summary.seconds, 3)})}\n`);
	} else {
		await write(
			`Added ${plural(summary.added, 'photo')} to the queue "${queue.name}"${summary.changed > 0 ? ` (${num(summary.changed, 0)} of them changed since their check)` : ''}; ${num(summary.skipped, 0)} already queued or done; in ${round(summary.seconds, 2)} s.\n`,
		);
	}
	return 0;
}

/** The lines of a file (or of standard input for "-"), streamed: a list of millions of paths is never in memory. */
async function* readPathList(list: string): AsyncGenerator<string> {
	let input: AsyncIterable<Buffer>;
	if (list === '-') input = process.stdin;
	else {
		// Opened first, so a list that cannot be read is a usage error before anything is added.
		const handle = await open(list, 'r').catch((error: NodeJS.ErrnoException) => {
			throw new UsageError(`--files-from: cannot read "${list}": ${error.code === 'ENOENT' ? 'no such file' : (error.code ?? error.message)}`);
		});
		input = handle.createReadStream();
	}
	for await (const line of splitLines(input, {partialLast: true})) {
		const trimmed = line.text.trim();
		if (trimmed !== '') yield trimmed;
	}
}

async function work(target: {redis?: string; queue?: string; prefix?: string}, values: Values): Promise<number> {
	const concurrency = parseConcurrency(values.concurrency as string | undefined);
	const timeoutMs = parseTimeout(values.timeout as string | undefined);
	const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
	const worker = await startQueueWorker({
		...target,
		...(concurrency === undefined ? {} : {concurrency}),
		...(timeoutMs === undefined ? {} : {timeoutMs}),
		...(values.results === undefined ? {} : {resultsDir: values.results as string}),
		...(values['lock-timeout'] === undefined ? {} : {lockTimeoutMs: lockTimeoutMs(values['lock-timeout'] as string)}),
		untilEmpty: values['until-empty'] === true,
		onEvent: (event) => {
			if (event.type === 'failed') {
				log(`${event.final ? 'failed' : `attempt ${event.attempt} failed, to be retried`}: ${event.source}: ${event.reason}`);
			} else if (event.type === 'error') log(`error: ${event.message}`);
		},
	});
	log(`worker ${worker.name} started on the queue "${target.queue ?? DEFAULT_QUEUE_NAME}"; reports go to ${worker.shard}`);
	const started = performance.now();
	const progress = setInterval(() => {
		const {completed, failed: failures} = worker.stats();
		log(`${plural(completed, 'photo')} checked, ${failures} failed (${round(completed / ((performance.now() - started) / 1000), 1)} a second)`);
	}, 30_000);
	progress.unref();
	let signals = 0;
	const onSignal = (signal: NodeJS.Signals) => {
		signals++;
		if (signals === 1) {
			log(`${signal}: finishing the photos in flight (${signal} again to stop at once; they would then run elsewhere)`);
			void worker.close();
		} else {
			log(`${signal}: stopping now`);
			void worker.close({force: true});
		}
	};
	process.on('SIGTERM', onSignal);
	process.on('SIGINT', onSignal);
	await worker.closed;
	clearInterval(progress);
	const {completed, failed: failures} = worker.stats();
	log(`worker ${worker.name} stopped: ${plural(completed, 'photo')} checked, ${failures} failed`);
	return 0;
}

async function status(queue: PhotoQueue, values: Values): Promise<number> {
	const now = await queue.status();
	if (values.json) {
		await write(`${JSON.stringify(now)}\n`);
		return 0;
	}
	const left =
		now.etaSeconds === null ? 'no photo finished in the last minute' : now.etaSeconds === 0 ? 'nothing left' : `about ${formatSeconds(now.etaSeconds)} left`;
	await write(
		[
			`Queue "${now.queue}" (profile ${now.profile}), ${plural(now.workers, 'worker')} connected`,
			`  waiting ${num(now.waiting, 0)}  active ${num(now.active, 0)}  delayed ${num(now.delayed, 0)}  completed ${num(now.completed, 0)}  failed ${num(now.failed, 0)}`,
			`  ${round(now.photosPerSecond, 1)} photos a second over the last minute; ${left}`,
			'',
		].join('\n'),
	);
	return 0;
}

async function results(queue: PhotoQueue, values: Values): Promise<number> {
	const counts: Record<Verdict, number> = {accept: 0, review: 0, return: 0};
	const html: PhotoReport[] = [];
	// Before the reports are read: a long read must not end by writing over a person's file.
	if (typeof values.html === 'string') await checkHtmlDestination(values.html, {files: new Set(), folders: new Set()}, values.force === true);
	let written = 0;
	for await (const report of queue.results({
		...(values.results === undefined ? {} : {resultsDir: path.resolve(values.results as string)}),
		onWarning: (message) => process.stderr.write(`photo-requirements: ${message}\n`),
	})) {
		counts[report.verdict]++;
		if (values.html !== undefined) html.push(report);
		if (values.json) await write(`${written === 0 ? '[\n' : ',\n'}${JSON.stringify(report)}`);
		else if (values.ndjson) await write(`${JSON.stringify(report)}\n`);
		else if (values.html === undefined) await write(`${formatReport(report)}\n`);
		written++;
	}
	if (values.json) await write(written === 0 ? '[]\n' : '\n]\n');
	if (values.html !== undefined) await writeFile(values.html as string, renderHtml(html, {generated: new Date()}));
	const now = await queue.status();
	if (!values.json && !values.ndjson) {
		await write(
			`${plural(written, 'report')}: ${counts.accept} accept, ${counts.review} review, ${counts.return} return; ${plural(now.failed, 'photo')} failed (queue failed), ${num(now.waiting + now.active + now.delayed, 0)} not finished\n`,
		);
	}
	if (written < now.completed)
		process.stderr.write(`photo-requirements: ${plural(now.completed - written, 'finished photo')} without a report in the shards read\n`);
	return 0;
}

async function failed(queue: PhotoQueue, values: Values): Promise<number> {
	let count = 0;
	for await (const failure of queue.failures()) {
		if (values.json) await write(`${count === 0 ? '[\n' : ',\n'}${JSON.stringify(failure)}`);
		else if (values.ndjson) await write(`${JSON.stringify(failure)}\n`);
		else await write(`${failure.source}: ${failure.reason}\n`);
		count++;
	}
	if (values.json) await write(count === 0 ? '[]\n' : '\n]\n');
	else if (!values.ndjson) await write(`${plural(count, 'failed photo')}\n`);
	return 0;
}

function formatSeconds(seconds: number): string {
	if (seconds < 120) return `${seconds} s`;
	if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
	return `${round(seconds / 3600, 1)} h`;
}
