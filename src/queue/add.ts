import {stat} from 'node:fs/promises';
import path from 'node:path';
import type {JobsOptions, Queue} from 'bullmq';
import type {Redis} from 'ioredis';
import {decodeRecord, fileVersion, PHOTO_JOB, type PhotoJobData, photoJobId, type QueueKeys} from './records.js';

/** How many attempts a photo gets: a second one after a crash, a timeout or a read error, never a third. */
export const PHOTO_ATTEMPTS = 2;

/** The first retry waits this long, then twice as long, and so on (BullMQ's exponential back-off). */
export const RETRY_DELAY_MS = 2000;

/** Paths stat'ed and added per round trip: large enough to amortise Redis' latency, small enough that memory stays flat. */
export const ADD_CHUNK = 1000;

/** Options every photo job gets (stored with each job, so kept short). */
export const PHOTO_JOB_OPTIONS: JobsOptions = {
	attempts: PHOTO_ATTEMPTS,
	backoff: {type: 'exponential', delay: RETRY_DELAY_MS},
	// The report is in a shard and its summary in the results hash: the finished job is not kept.
	removeOnComplete: true,
	// A failed photo stays, with its reason, until `queue retry` or `queue clear`.
	removeOnFail: false,
	// The reason is the message; a stack trace of our own code says nothing about the photo.
	stackTraceLimit: 0,
};

export interface AddProgress {
	/** Paths read so far. */
	seen: number;
	/** Jobs added: new paths, and photos done whose file changed since (counted in `changed` too). */
	added: number;
	/** Photos checked before whose file has changed since (another size or modification time): checked again. */
	changed: number;
	/** Already in the queue (waiting, running, failed), or done and unchanged (or gone) since. */
	skipped: number;
}

export interface AddSummary extends AddProgress {
	seconds: number;
}

/**
 * Adds one job per path, in chunks, as the paths arrive (a list of millions is never held in
 * memory). A photo already queued, failed or done is skipped, so running `add` again after a crash
 * adds only what is missing.
 */
export async function addPhotoJobs(
	queue: Queue,
	client: Redis,
	keys: QueueKeys,
	paths: AsyncIterable<string> | Iterable<string>,
	options: {chunkSize?: number; onProgress?: (progress: AddProgress) => void} = {},
): Promise<AddSummary> {
	const started = performance.now();
	const chunkSize = options.chunkSize ?? ADD_CHUNK;
	const progress: AddProgress = {seen: 0, added: 0, changed: 0, skipped: 0};
	let chunk: string[] = [];
	const flush = async () => {
		const {added, changed, skipped} = await addChunk(queue, client, keys, chunk);
		progress.added += added;
		progress.changed += changed;
		progress.skipped += skipped;
		chunk = [];
		options.onProgress?.({...progress});
	};
	for await (const given of paths) {
		progress.seen++;
		chunk.push(given);
		if (chunk.length >= chunkSize) await flush();
	}
	if (chunk.length > 0) await flush();
	return {...progress, seconds: (performance.now() - started) / 1000};
}

async function addChunk(queue: Queue, client: Redis, keys: QueueKeys, sources: readonly string[]): Promise<{added: number; changed: number; skipped: number}> {
	const jobs = await Promise.all(
		sources.map(async (source) => {
			const absolute = path.resolve(source);
			// A path that cannot be stat'ed now is still added: its worker tries, and says why it failed.
			const stats = await stat(absolute).catch(() => undefined);
			const data: PhotoJobData = absolute === source ? {source} : {source, path: absolute};
			return {id: photoJobId(absolute), data, version: stats ? fileVersion(stats) : undefined};
		}),
	);
	// The same photo twice in one chunk is one job.
	const unique = [...new Map(jobs.map((job) => [job.id, job])).values()];
	const pipeline = client.pipeline();
	for (const job of unique) {
		pipeline.exists(queue.toKey(job.id));
		pipeline.hget(keys.results, job.id);
	}
	const answers = (await pipeline.exec()) ?? [];
	let changed = 0;
	const fresh = unique.filter((job, index) => {
		const [queued, done] = [answers[2 * index], answers[2 * index + 1]];
		if (queued?.[0] || done?.[0]) throw queued?.[0] ?? done?.[0];
		if (queued?.[1] !== 0) return false;
		if (typeof done?.[1] !== 'string') return true;
		// Done: checked again only when the file is there and is not the one checked.
		const again = job.version !== undefined && decodeRecord(done[1]).m !== job.version;
		if (again) changed++;
		return again;
	});
	// BullMQ itself skips an id that already exists, so two `add`s racing still add each photo once.
	if (fresh.length > 0) {
		await queue.addBulk(fresh.map((job) => ({name: PHOTO_JOB, data: job.data, opts: {...PHOTO_JOB_OPTIONS, jobId: job.id}})));
	}
	return {added: fresh.length, changed, skipped: sources.length - fresh.length};
}
