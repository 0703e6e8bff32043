import {stat} from 'node:fs/promises';
import path from 'node:path';
import type {Queue} from 'bullmq';
import type {Redis} from 'ioredis';
import type {PhotoReport} from '../report/schema.js';
import type {Line} from './lines.js';
import {decodeRecord, type PhotoJobData, type QueueKeys} from './records.js';
import {readShardLines} from './shard.js';

/** Lines looked up in Redis per round trip. */
const LOOKUP_BATCH = 500;

export interface ResultsOptions {
	/** The results folder as this machine sees it, when the workers' paths do not exist here (another mount point). */
	resultsDir?: string;
	/** Told of a shard that cannot be found: its reports are missing from the output. */
	onWarning?: (message: string) => void;
}

/**
 * Every photo's report, each exactly once: the shards are read in turn and a line is kept only
 * where the photo's summary in Redis points (a photo checked twice, because its worker died after
 * writing, has one line that counts). Memory: one batch of lines, whatever the run's size.
 */
export async function* readResults(client: Redis, keys: QueueKeys, options: ResultsOptions = {}): AsyncGenerator<PhotoReport> {
	const shards = Object.entries(await client.hgetall(keys.shards)).sort(([a], [b]) => Number(a) - Number(b));
	for (const [number, written] of shards) {
		const file = options.resultsDir === undefined ? written : path.join(options.resultsDir, path.basename(written));
		const found = await stat(file).then(
			(info) => info.isFile(),
			() => false,
		);
		if (!found) {
			options.onWarning?.(
				`the shard ${file} (shard ${number}) cannot be read here: its reports are left out (give the results folder as this machine sees it)`,
			);
			continue;
		}
		let batch: Line[] = [];
		for await (const line of readShardLines(file)) {
			batch.push(line);
			if (batch.length >= LOOKUP_BATCH) {
				yield* kept(client, keys, Number(number), batch);
				batch = [];
			}
		}
		yield* kept(client, keys, Number(number), batch);
	}
}

async function* kept(client: Redis, keys: QueueKeys, shard: number, lines: readonly Line[]): AsyncGenerator<PhotoReport> {
	if (lines.length === 0) return;
	const parsed = lines.map((line) => ({offset: line.offset, value: parseLine(line.text)}));
	const ids = parsed.map((line) => line.value?.job ?? '');
	const records = await client.hmget(keys.results, ...ids);
	for (const [index, line] of parsed.entries()) {
		const text = records[index];
		if (!line.value || text === null || text === undefined) continue;
		const record = decodeRecord(text);
		if (record.s !== shard || record.o !== line.offset) continue;
		const {job: _job, ...report} = line.value;
		yield report as PhotoReport;
	}
}

function parseLine(text: string): (PhotoReport & {job: string}) | undefined {
	try {
		const value = JSON.parse(text) as PhotoReport & {job?: unknown};
		return typeof value.job === 'string' ? (value as PhotoReport & {job: string}) : undefined;
	} catch {
		return undefined;
	}
}

/** A photo given up on. */
export interface FailedPhoto {
	id: string;
	/** The path as given to `queue add`. */
	source: string;
	/** Why, in words: the last attempt's error, or that its worker stopped twice while checking it. */
	reason: string;
	/** Attempts that ended in an error (a worker that died does not count one). */
	attempts: number;
	failedAt?: string;
}

const FAILED_PAGE = 200;

/** BullMQ's words for a photo whose worker died twice, put as a person reads them. */
const STALLED = /stalled more than allowable limit|started more than allowable limit/;

/** Every failed photo with its reason, a page at a time. */
export async function* readFailures(queue: Queue<PhotoJobData>): AsyncGenerator<FailedPhoto> {
	for (let start = 0; ; start += FAILED_PAGE) {
		const jobs = await queue.getFailed(start, start + FAILED_PAGE - 1);
		for (const job of jobs) {
			if (!job) continue;
			const reason = STALLED.test(job.failedReason)
				? `its worker stopped while checking it, twice (killed, out of memory or crashed): ${job.failedReason}`
				: job.failedReason;
			yield {
				id: job.id as string,
				source: job.data.source,
				reason,
				attempts: job.attemptsMade,
				...(job.finishedOn ? {failedAt: new Date(job.finishedOn).toISOString()} : {}),
			};
		}
		if (jobs.length < FAILED_PAGE) return;
	}
}
