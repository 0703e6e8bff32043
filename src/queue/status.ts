import type {Queue} from 'bullmq';
import type {Redis} from 'ioredis';
import type {QueueKeys} from './records.js';

/** What `queue status --json` prints. */
export interface QueueStatus {
	queue: string;
	/** Photos waiting for a worker (prioritised ones included). */
	waiting: number;
	/** Photos a worker holds now. */
	active: number;
	/** Photos with a report. */
	completed: number;
	/** Photos given up on, each with its reason (`queue failed`). */
	failed: number;
	/** Photos waiting for their retry's back-off. */
	delayed: number;
	/** Workers connected now. */
	workers: number;
	/** Photos finished (completed or failed) per second over the last minute. */
	photosPerSecond: number;
	/** Seconds until the photos waiting, delayed and running are done at that rate; null when nothing is finishing. */
	etaSeconds: number | null;
	/** The profile the queue's photos are judged by. */
	profile: string;
}

/** The window of the rate: long enough to smooth a burst, short enough to follow workers added or stopped. */
export const RATE_WINDOW_SECONDS = 60;

export async function queueStatus(queue: Queue, client: Redis, keys: QueueKeys, profile: string): Promise<QueueStatus> {
	const now = Math.floor(Date.now() / 1000);
	const seconds = Array.from({length: RATE_WINDOW_SECONDS}, (_, back) => now - back);
	const [counts, completed, workers, finished] = await Promise.all([
		queue.getJobCounts('waiting', 'prioritized', 'active', 'failed', 'delayed'),
		client.hlen(keys.results),
		queue.getWorkersCount(),
		client.mget(seconds.map((second) => keys.finishedIn(second))),
	]);
	const perSecond = finished.map((count) => Number(count ?? 0));
	const total = perSecond.reduce((sum, count) => sum + count, 0);
	// Over the seconds since the first photo of the window finished, so a run that started 10 s ago
	// is not averaged over 60; the current second counts half, being half gone on average.
	const oldest = perSecond.findLastIndex((count) => count > 0);
	const span = oldest <= 0 ? 1 : oldest + 0.5;
	const photosPerSecond = total / span;
	const waiting = (counts.waiting ?? 0) + (counts.prioritized ?? 0);
	const active = counts.active ?? 0;
	const delayed = counts.delayed ?? 0;
	const left = waiting + active + delayed;
	return {
		queue: queue.name,
		waiting,
		active,
		completed,
		failed: counts.failed ?? 0,
		delayed,
		workers,
		photosPerSecond: Math.round(photosPerSecond * 100) / 100,
		etaSeconds: left === 0 ? 0 : photosPerSecond > 0 ? Math.ceil(left / photosPerSecond) : null,
		profile,
	};
}
