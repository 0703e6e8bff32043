import {type ChildProcess, fork} from 'node:child_process';
import type {PhotoReport} from '../report/schema.js';
import {type PhotoPool, type PoolOptions, workerModule} from './pool.js';
import type {ResultMessage, TaskMessage} from './process-worker.js';
import type {PhotoTask, WarmTask} from './task.js';

/** An idle worker process stops after this long, unless the pool keeps its workers alive. */
const IDLE_TIMEOUT_MS = 30_000;

interface Pending {
	readonly id: number;
	readonly task: PhotoTask | WarmTask;
	readonly signal: AbortSignal | undefined;
	readonly resolve: (report: PhotoReport | null) => void;
	readonly reject: (reason: unknown) => void;
	onAbort?: () => void;
}

interface Worker {
	readonly child: ChildProcess;
	job?: Pending | undefined;
	idle?: NodeJS.Timeout | undefined;
	/** Killed, not yet exited: takes no more work. */
	stopping?: boolean;
}

/**
 * A pool of at most `processes` worker processes, each checking one photo at a time with its own
 * face engine, started as photos arrive. Two threads of one process can scale much worse than two
 * processes on a virtual machine (`npm run bench` prints both; docs/architecture.md); a process
 * costs its own Node runtime in memory.
 */
export function createProcessPool(processes: number, options: PoolOptions = {}): PhotoPool {
	const entry = workerModule('process-worker');
	const workers = new Set<Worker>();
	const queue: Pending[] = [];
	let nextId = 0;
	let closed = false;

	function start(): Worker {
		const child = fork(entry.url, [], {
			serialization: 'advanced', // Uint8Array and Date cross as they are, as with worker threads
			execArgv: entry.execArgv,
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		const worker: Worker = {child};
		workers.add(worker);
		child.on('message', (message: ResultMessage) => {
			const {job} = worker;
			if (!job || job.id !== message.id) return;
			finish(worker);
			if ('error' in message) job.reject(Object.assign(new Error(message.error.message), message.error));
			else job.resolve(message.report);
			dispatch();
		});
		// A process that could not start (or be signalled): its photo fails; an unhandled 'error' would end the host.
		child.on('error', (error) => {
			workers.delete(worker);
			const {job} = worker;
			if (job) {
				finish(worker);
				job.reject(error);
			}
		});
		child.on('exit', (code, signal) => {
			workers.delete(worker);
			clearTimeout(worker.idle);
			const {job} = worker;
			if (job) {
				finish(worker);
				job.reject(new Error(`photo-requirements: a worker process stopped (${signal ?? `exit code ${code}`}) while checking a photo`));
			}
			dispatch();
		});
		return worker;
	}

	/** The worker is free again: it stops after a while idle, and no longer holds the event loop open. */
	function finish(worker: Worker): void {
		const {job} = worker;
		if (job?.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
		worker.job = undefined;
		worker.child.unref();
		worker.child.channel?.unref();
		if (!options.keepAlive && !closed) worker.idle = setTimeout(() => stop(worker, 'SIGTERM'), IDLE_TIMEOUT_MS).unref();
	}

	function stop(worker: Worker, signal: NodeJS.Signals): void {
		worker.stopping = true;
		worker.child.kill(signal);
	}

	function assign(worker: Worker, job: Pending): void {
		clearTimeout(worker.idle);
		worker.job = job;
		worker.child.ref();
		worker.child.channel?.ref();
		if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
		// Stopping a photo means stopping its process (as piscina terminates a thread); another starts for the next.
		job.onAbort = () => {
			worker.job = undefined;
			stop(worker, 'SIGKILL');
			job.reject(job.signal?.reason);
		};
		job.signal?.addEventListener('abort', job.onAbort, {once: true});
		worker.child.send({id: job.id, task: job.task} satisfies TaskMessage);
	}

	function dispatch(): void {
		while (queue.length > 0 && !closed) {
			const idle = [...workers].find((worker) => !worker.job && !worker.stopping);
			const worker = idle ?? (workers.size < processes ? start() : undefined);
			if (!worker) return;
			assign(worker, queue.shift()!);
		}
	}

	function run(task: PhotoTask | WarmTask, signal?: AbortSignal): Promise<PhotoReport | null> {
		if (closed) return Promise.reject(new Error('photo-requirements: the worker pool is closed'));
		signal?.throwIfAborted();
		return new Promise((resolve, reject) => {
			const job: Pending = {id: nextId++, task, signal, resolve, reject};
			// Aborted while waiting: it leaves the queue.
			job.onAbort = () => {
				queue.splice(queue.indexOf(job), 1);
				reject(signal?.reason);
			};
			signal?.addEventListener('abort', job.onAbort, {once: true});
			queue.push(job);
			dispatch();
		});
	}

	return {
		run: (task, signal) => run(task, signal) as Promise<PhotoReport>,
		async warm(count) {
			await Promise.all(Array.from({length: count}, () => run({warm: true})));
		},
		threads: () => workers.size,
		async close() {
			closed = true;
			for (const job of queue.splice(0)) job.reject(new Error('photo-requirements: the worker pool is closed'));
			// Held open until they are gone (an idle worker no longer holds the event loop).
			const exits = [...workers].map(
				(worker) =>
					new Promise((resolve) => {
						worker.child.ref();
						worker.child.once('exit', resolve);
					}),
			);
			for (const worker of workers) stop(worker, 'SIGTERM');
			await Promise.all(exits);
		},
	};
}
