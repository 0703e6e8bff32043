import {createHash} from 'node:crypto';
import type {Queue} from 'bullmq';
import type {ReturnReason} from '../reasons.js';
import type {Verdict} from '../report/schema.js';

/** What a job carries: the path as given to `queue add`, and the absolute path when that differs (a worker may run elsewhere). */
export interface PhotoJobData {
	source: string;
	path?: string;
}

/** The BullMQ job name of every photo. */
export const PHOTO_JOB = 'photo';

/**
 * A finished photo as Redis keeps it, a few dozen bytes: the verdict and the return reasons, and
 * where the full report is (the shard's number, the line's byte offset and length). Full reports
 * stay out of Redis: about 5–9 kB each, a million would need gigabytes of its memory.
 */
export interface ResultRecord {
	v: Verdict;
	r: ReturnReason[];
	/** The shard, a number registered in the queue's `shards` hash. */
	s: number;
	/** Byte offset of the report's line in the shard. */
	o: number;
	/** Byte length of the line, newline excluded. */
	n: number;
	/** The file's version when it was checked (`fileVersion`): a later `add` checks it again only if it changed. */
	m: string;
}

/** The keys this library keeps beside BullMQ's, under the queue's own prefix (so `obliterate` and a key scan find them). */
export function queueKeys(queue: Pick<Queue, 'toKey'>) {
	return {
		/** Hash: job id → ResultRecord (JSON). */
		results: queue.toKey('pr:results'),
		/** Hash: shard number → the shard file's absolute path, as its worker wrote it. */
		shards: queue.toKey('pr:shards'),
		/** Counter that numbers the shards. */
		shardCount: queue.toKey('pr:shard-count'),
		/** Hash: the run's settings (`profile`), fixed by the first `queue add`. */
		settings: queue.toKey('pr:settings'),
		/** Photos finished in one second (completed or failed), for the rate; each expires after ten minutes. */
		finishedIn: (second: number) => queue.toKey(`pr:finished:${second}`),
	};
}

export type QueueKeys = ReturnType<typeof queueKeys>;

/**
 * The job id of a photo: from its absolute path, so a path is one job whatever happens to the
 * file, and `queue add` run again adds only what is missing. Whether the file changed since its
 * check is told by its version (size and modification time), kept in its summary.
 */
export function photoJobId(absolutePath: string): string {
	const digest = createHash('sha256').update(absolutePath).digest('base64url');
	// 132 bits; the letter keeps BullMQ from reading an id as a number, and base64url has no ':'.
	return `p${digest.slice(0, 22)}`;
}

/** A file's version as far as its metadata tells: a file replaced or edited gets another. */
export function fileVersion(stats: {size: number; mtimeMs: number}): string {
	return `${stats.size}-${Math.round(stats.mtimeMs)}`;
}

export function encodeRecord(record: ResultRecord): string {
	return JSON.stringify(record);
}

export function decodeRecord(text: string): ResultRecord {
	return JSON.parse(text) as ResultRecord;
}
