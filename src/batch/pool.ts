import {availableParallelism, freemem} from 'node:os';
import {Piscina} from 'piscina';
import type {PhotoReport} from '../report/schema.js';
import type {PhotoTask, WarmTask} from './task.js';

/** A pool of workers that validate photos, threads here or processes (process-pool.ts); each loads the face engine once. */
export interface PhotoPool {
	run(task: PhotoTask, signal: AbortSignal): Promise<PhotoReport>;
	/** Loads the face engine on `threads` workers at once (each busy worker takes one task). */
	warm(threads: number): Promise<void>;
	/** Workers (threads or processes) started so far and still alive. */
	threads(): number;
	close(): Promise<void>;
}

/**
 * Resident memory a worker needs: about 150 MB measured (the face engine loaded and a 2000 × 2800
 * photo in flight; `npm run bench`), with a margin.
 */
export const WORKER_BYTES = 200 * 1024 ** 2;

/** Workers the free memory can hold (at least one). */
export function memoryConcurrency(): number {
	return Math.max(1, Math.floor(freemem() / WORKER_BYTES));
}

/** One worker per core, as far as the free memory allows. */
export function defaultConcurrency(): number {
	return Math.min(availableParallelism(), memoryConcurrency());
}

export interface PoolOptions {
	/** Keep every worker (and its engine) alive between photos: a long-lived validator. Default: workers start as photos arrive and stop when idle. */
	keepAlive?: boolean;
}

/** A worker module of this folder and the Node flags it runs with: from the sources (tests, tsx) it is TypeScript, loaded through tsx's loader. */
export function workerModule(name: string): {url: URL; execArgv: string[]} {
	const fromSource = import.meta.url.endsWith('.ts');
	return {
		url: new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, import.meta.url),
		execArgv: fromSource ? [...process.execArgv, '--import', 'tsx'] : process.execArgv,
	};
}

/** A pool of at most `threads` workers, started only as photos arrive (two photos never start sixty-four engines). */
export function createPhotoPool(threads: number, options: PoolOptions = {}): PhotoPool {
	const entry = workerModule('worker');
	const pool = new Piscina<PhotoTask | WarmTask, PhotoReport | null>({
		filename: entry.url.href,
		minThreads: options.keepAlive ? threads : 0,
		maxThreads: threads,
		// Exactly one photo per thread at a time: decoding and the models already use the core fully.
		concurrentTasksPerWorker: 1,
		// Idle workers stop after 30 s, down to minThreads.
		idleTimeout: 30_000,
		execArgv: entry.execArgv,
	});
	return {
		run: (task, signal) => pool.run(task, {signal}) as Promise<PhotoReport>,
		async warm(count) {
			await Promise.all(Array.from({length: count}, () => pool.run({warm: true})));
		},
		threads: () => pool.threads.length,
		close: () => pool.destroy(),
	};
}
