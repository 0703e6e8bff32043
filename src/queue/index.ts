/**
 * `photo-requirements/queue`: re-validation of stored photos across machines on a BullMQ queue in
 * Redis (docs/scale.md).
 *
 * @module photo-requirements/queue
 */
import {Queue} from 'bullmq';
import type {Redis} from 'ioredis';
import {z} from 'zod';
import {invalidArgument} from '../arguments.js';
import {parseOptions} from '../options.js';
import {caPrCard, findProfile, type Profile} from '../profiles/index.js';
import type {PhotoReport} from '../report/schema.js';
import {type AddProgress, type AddSummary, addPhotoJobs} from './add.js';
import {connectRedis, DEFAULT_QUEUE_NAME, type RedisTarget, redisOptions} from './connection.js';
import {type PhotoJobData, type QueueKeys, queueKeys} from './records.js';
import {type FailedPhoto, type ResultsOptions, readFailures, readResults} from './results.js';
import {fixProfile, queueProfile} from './settings.js';
import {type QueueStatus, queueStatus} from './status.js';

export {type AddProgress, type AddSummary, PHOTO_ATTEMPTS} from './add.js';
export {DEFAULT_QUEUE_NAME, DEFAULT_REDIS_URL, type RedisSettings, type RedisTarget} from './connection.js';
export {QueueConnectionError, QueueProfileError} from './errors.js';
export type {FailedPhoto, ResultsOptions} from './results.js';
export {type QueueStatus, RATE_WINDOW_SECONDS} from './status.js';
export {
	DEFAULT_LOCK_TIMEOUT_MS,
	DEFAULT_RESULTS_DIR,
	type QueueWorker,
	type QueueWorkerEvent,
	type QueueWorkerOptions,
	type QueueWorkerStats,
	startQueueWorker,
} from './worker.js';

const photoQueueOptionsSchema = z
	.object({
		redis: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
		queue: z
			.string()
			.min(1)
			.max(200)
			.regex(/^[^:]+$/, 'a name without ":"')
			.optional(),
		prefix: z.string().min(1).max(200).optional(),
		profile: z.string().optional(),
	})
	.strict();

export interface PhotoQueueOptions {
	/** A redis:// URL or ioredis options (default: `REDIS_URL`, then redis://127.0.0.1:6379). */
	redis?: RedisTarget;
	/** BullMQ queue name, without ":" (default `photo-requirements`). */
	queue?: string;
	/** BullMQ key prefix (default `bull`). */
	prefix?: string;
	/** The profile photos added are judged by; fixed by a queue's first `add` (default ca-pr-card). */
	profile?: string;
}

/** A queue of photos to re-validate, shared by any number of `startQueueWorker`s. */
export interface PhotoQueue {
	readonly name: string;
	/** Adds one job per path (streamed, in chunks); photos already queued, failed or done are skipped. */
	add(paths: AsyncIterable<string> | Iterable<string>, options?: {chunkSize?: number; onProgress?: (progress: AddProgress) => void}): Promise<AddSummary>;
	status(): Promise<QueueStatus>;
	/** Every finished photo's full report, each once, with `source` (the path as added) and `provenance`. */
	results(options?: ResultsOptions): AsyncGenerator<PhotoReport>;
	/** Every failed photo with its reason. */
	failures(): AsyncGenerator<FailedPhoto>;
	/** Moves every failed photo back to waiting; resolves with how many there were. */
	retryFailed(): Promise<number>;
	/** Deletes the queue: its jobs, summaries and settings (not the report shards on disk). */
	clear(): Promise<void>;
	close(): Promise<void>;
	[Symbol.asyncDispose](): Promise<void>;
}

/** Connects to a queue (failing at once with `QueueConnectionError` when Redis cannot be reached). */
export async function openPhotoQueue(options: PhotoQueueOptions = {}): Promise<PhotoQueue> {
	const caller = 'openPhotoQueue()';
	const parsed = parseOptions(photoQueueOptionsSchema, options, caller);
	const profile: Profile | undefined = parsed.profile === undefined ? undefined : findProfile(parsed.profile);
	if (parsed.profile !== undefined && !profile)
		throw invalidArgument(caller, 'options.profile', 'the id of a shipped profile (e.g. "ca-pr-card")', parsed.profile);
	const client = await connectRedis(redisOptions(options.redis, caller));
	const queue = new Queue<PhotoJobData>(parsed.queue ?? DEFAULT_QUEUE_NAME, {connection: client, prefix: parsed.prefix ?? 'bull'});
	const keys = queueKeys(queue);
	let closed: Promise<void> | undefined;
	return {
		name: queue.name,
		async add(paths, addOptions) {
			if (paths === null || typeof paths !== 'object' || !(Symbol.iterator in paths || Symbol.asyncIterator in paths)) {
				throw invalidArgument('add()', 'paths', 'an iterable of file paths', paths);
			}
			await fixProfile(client, keys, queue.name, profile ?? caPrCard);
			return addPhotoJobs(queue, client, keys, paths, addOptions);
		},
		async status() {
			return queueStatus(queue, client, keys, (await queueProfile(client, keys)).id);
		},
		results: (resultsOptions) => readResults(client, keys, resultsOptions),
		failures: () => readFailures(queue),
		async retryFailed() {
			const failed = await queue.getFailedCount();
			await queue.retryJobs({state: 'failed'});
			return failed;
		},
		async clear() {
			await queue.obliterate({force: true});
			await deleteOwnKeys(client, keys, queue);
		},
		close() {
			closed ??= queue.close().finally(() => client.disconnect());
			return closed;
		},
		[Symbol.asyncDispose]() {
			closed ??= queue.close().finally(() => client.disconnect());
			return closed;
		},
	};
}

async function deleteOwnKeys(client: Redis, keys: QueueKeys, queue: Queue): Promise<void> {
	await client.del(keys.results, keys.shards, keys.shardCount, keys.settings);
	// The per-second counters expire by themselves within ten minutes; clear them now all the same.
	let cursor = '0';
	do {
		const [next, found] = await client.scan(cursor, 'MATCH', queue.toKey('pr:finished:*'), 'COUNT', 1000);
		if (found.length > 0) await client.del(...found);
		cursor = next;
	} while (cursor !== '0');
}
