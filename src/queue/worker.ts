import type {Stats} from 'node:fs';
import {access, constants, stat} from 'node:fs/promises';
import {hostname} from 'node:os';
import path from 'node:path';
import {type ConnectionOptions, type Job, Queue, Worker} from 'bullmq';
import type {Redis} from 'ioredis';
import {defaultConcurrency, memoryConcurrency} from '../batch/pool.js';
import {DEFAULT_TIMEOUT_MS, startValidator} from '../batch/validator.js';
import type {PhotoReport} from '../report/schema.js';
import {PHOTO_ATTEMPTS} from './add.js';
import {connectRedis, DEFAULT_QUEUE_NAME, type RedisTarget, redisOptions} from './connection.js';
import {encodeRecord, fileVersion, type PhotoJobData, type QueueKeys, queueKeys, type ResultRecord} from './records.js';
import {queueProfile} from './settings.js';
import {ResultShard} from './shard.js';

/** Where workers write their reports unless told otherwise: a folder every machine of the run can reach. */
export const DEFAULT_RESULTS_DIR = 'photo-requirements-results';

/** How long a job stays locked without its worker renewing the lock before another worker may take it (BullMQ's default). */
export const DEFAULT_LOCK_TIMEOUT_MS = 30_000;

export interface QueueWorkerOptions {
	/** A redis:// URL or ioredis options (default: `REDIS_URL`, then redis://127.0.0.1:6379). */
	redis?: RedisTarget;
	/** BullMQ queue name (default `photo-requirements`). */
	queue?: string;
	/** BullMQ key prefix (default `bull`). */
	prefix?: string;
	/** Photos checked at once, one per worker thread (default: the cores, as far as memory allows). */
	concurrency?: number;
	/** A photo still running after this long is stopped; its job is retried once, then failed (default 60,000 ms). */
	timeoutMs?: number;
	/** Folder of this worker's NDJSON shard of full reports (default `photo-requirements-results`). */
	resultsDir?: string;
	/** Lock duration and stalled-job check interval: a killed worker's photos run elsewhere after about this long (default 30,000 ms). */
	lockTimeoutMs?: number;
	/** Stop once the queue has nothing waiting, delayed or running (default: keep waiting for work). */
	untilEmpty?: boolean;
	/** Told of each photo finished or failed, for a log. */
	onEvent?: (event: QueueWorkerEvent) => void;
}

export type QueueWorkerEvent =
	| {type: 'completed'; id: string; source: string; verdict: PhotoReport['verdict']}
	| {type: 'failed'; id: string; source: string; reason: string; attempt: number; final: boolean}
	| {type: 'error'; message: string};

export interface QueueWorkerStats {
	completed: number;
	failed: number;
	running: number;
}

export interface QueueWorker {
	/** The worker's name in Redis (`CLIENT LIST`, `queue status`), and its shard's base name. */
	readonly name: string;
	/** This worker's shard of full reports. */
	readonly shard: string;
	stats(): QueueWorkerStats;
	/** Takes no new photo, finishes those in flight (`force`: hands them back at once, they run again elsewhere), then stops. */
	close(options?: {force?: boolean}): Promise<void>;
	/** Settles when the worker has stopped (after `close()`, or by itself with `untilEmpty`). */
	readonly closed: Promise<void>;
}

/** A photo that cannot be read from its path: its job fails with this message (after its retry). */
class UnreadablePhotoError extends Error {
	override name = 'UnreadablePhotoError';
}

/**
 * Starts a worker on this machine's pool: it takes photos from the queue, checks them (the face
 * engine loaded once per thread), appends each full report to its own NDJSON shard and keeps a
 * summary in Redis. Run any number of them, on any machines that can read the photos' paths.
 */
export async function startQueueWorker(options: QueueWorkerOptions = {}): Promise<QueueWorker> {
	const caller = 'startQueueWorker()';
	const connection = redisOptions(options.redis, caller);
	const queueName = options.queue ?? DEFAULT_QUEUE_NAME;
	const prefix = options.prefix ?? 'bull';
	const threads = Math.max(1, Math.min(options.concurrency ?? defaultConcurrency(), memoryConcurrency()));
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
	const onEvent = options.onEvent ?? (() => undefined);

	const client = await connectRedis(connection);
	const queue = new Queue<PhotoJobData>(queueName, {connection: client, prefix});
	const keys = queueKeys(queue);
	const profile = await queueProfile(client, keys);
	const name = `${hostname()}-${process.pid}-${Date.now().toString(36)}`;
	const shard = await ResultShard.open(options.resultsDir ?? DEFAULT_RESULTS_DIR, name);
	const shardNumber = await client.incr(keys.shardCount);
	await client.hset(keys.shards, String(shardNumber), shard.file);

	const validator = startValidator(profile, {
		concurrency: threads,
		timeoutMs,
		maxQueue: Number.POSITIVE_INFINITY,
		workers: 'threads',
		keepAlive: true,
		onTimeout: 'error',
	});
	await validator.ready();
	const counts = {completed: 0, failed: 0};

	async function check(job: Job<PhotoJobData>): Promise<void> {
		const {source} = job.data;
		const file = job.data.path ?? source;
		const version = fileVersion(await readableFile(file));
		const report = await validator.validate(file);
		const line = JSON.stringify({job: job.id, ...report, source});
		const {offset, length} = await shard.append(line);
		const record: ResultRecord = {v: report.verdict, r: report.reasons, s: shardNumber, o: offset, n: length, m: version};
		await countFinished(keys, client.multi().hset(keys.results, job.id as string, encodeRecord(record)));
		counts.completed++;
		onEvent({type: 'completed', id: job.id as string, source, verdict: report.verdict});
	}

	const worker = new Worker<PhotoJobData>(queueName, check, {
		connection: connection as ConnectionOptions,
		prefix,
		name,
		// One photo waiting per thread beside the one it checks: a thread never idles on Redis' round trip.
		concurrency: threads * 2,
		lockDuration: lockTimeoutMs,
		stalledInterval: lockTimeoutMs,
		// A photo whose worker died once runs again; twice, it is failed ("job stalled more than allowable limit").
		maxStalledCount: 1,
		// Two attempts and one recovery from a stall, at most: nothing runs forever.
		maxStartedAttempts: PHOTO_ATTEMPTS + 1,
	});
	worker.on('failed', (job, error) => {
		if (!job) return;
		const final = job.attemptsMade >= (job.opts.attempts ?? 1) || job.finishedOn !== undefined;
		if (final) {
			counts.failed++;
			countFinished(keys, client.multi()).catch(() => undefined);
		}
		onEvent({type: 'failed', id: job.id as string, source: job.data.source, reason: error.message, attempt: job.attemptsMade, final});
	});
	worker.on('error', (error) => onEvent({type: 'error', message: error.message}));
	await worker.waitUntilReady();

	let closing: Promise<void> | undefined;
	let closedResolve: () => void = () => undefined;
	const closed = new Promise<void>((resolve) => {
		closedResolve = resolve;
	});
	let emptyTimer: NodeJS.Timeout | undefined;

	function close(closeOptions: {force?: boolean} = {}): Promise<void> {
		closing ??= (async () => {
			clearInterval(emptyTimer);
			await worker.close(closeOptions.force === true);
			await (closeOptions.force ? validator.destroy() : validator.close());
			await shard.close();
			await queue.close();
			client.disconnect();
			closedResolve();
		})();
		return closing;
	}

	if (options.untilEmpty) {
		emptyTimer = setInterval(() => {
			queue
				.getJobCounts('waiting', 'active', 'delayed', 'prioritized')
				.then((jobCounts) => {
					if (Object.values(jobCounts).every((count) => count === 0)) void close();
				})
				.catch(() => undefined);
		}, 1000);
	}

	return {
		name,
		shard: shard.file,
		stats: () => ({...counts, running: validator.stats().running}),
		close,
		closed,
	};
}

/** Adds one photo to the current second's count (for the rate `queue status` gives), with the other commands of `multi`. */
async function countFinished(keys: QueueKeys, multi: ReturnType<Redis['multi']>): Promise<void> {
	const key = keys.finishedIn(Math.floor(Date.now() / 1000));
	await multi.incr(key).expire(key, 600).exec();
}

/** The file's metadata; a path that names no readable file fails its job with a message that says why (a report needs bytes). */
async function readableFile(file: string): Promise<Stats> {
	let reason: string;
	try {
		const info = await stat(file);
		if (info.isFile()) {
			await access(file, constants.R_OK);
			return info;
		}
		reason = info.isDirectory() ? 'it is a folder, not a file' : 'it is not a regular file (a device, a pipe or a socket)';
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
	}
	throw new UnreadablePhotoError(`The file could not be read (${reason}): ${path.normalize(file)}`);
}
