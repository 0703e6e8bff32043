import {availableParallelism} from 'node:os';
import {Piscina} from 'piscina';
import type {PhotoReport} from '../report/schema.js';
import type {PhotoTask} from './task.js';

/** A pool of worker threads that validate photos; each loads the face engine once. */
export interface PhotoPool {
	run(task: PhotoTask, signal: AbortSignal): Promise<PhotoReport>;
	close(): Promise<void>;
}

export const defaultConcurrency = (): number => availableParallelism();

export function createPhotoPool(threads: number): PhotoPool {
	// From the sources (tests, tsx) the worker is TypeScript: load it through tsx's loader.
	const fromSource = import.meta.url.endsWith('.ts');
	const pool = new Piscina<PhotoTask, PhotoReport>({
		filename: new URL(`./worker.${fromSource ? 'ts' : 'js'}`, import.meta.url).href,
		minThreads: threads,
		maxThreads: threads,
		// Exactly one photo per thread at a time: decoding and the models already use the core fully.
		concurrentTasksPerWorker: 1,
		idleTimeout: 30_000,
		...(fromSource ? {execArgv: [...process.execArgv, '--import', 'tsx']} : {}),
	});
	return {
		run: (task, signal) => pool.run(task, {signal}),
		close: () => pool.destroy(),
	};
}
