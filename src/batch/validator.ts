import {z} from 'zod';
import {assertInput} from '../arguments.js';
import type {PhotoInput} from '../input/read.js';
import {MAX_CONCURRENCY, MAX_TIMEOUT_MS, parseOptions, validateOptionsSchema, type WorkerKind, workerKind, workersOption} from '../options.js';
import {checkPhoto} from '../pipeline/check-photo.js';
import {stoppedReport} from '../pipeline/stopped-report.js';
import {nodePlatform} from '../platform/node/index.js';
import {type Profile, resolveProfile, selectChecks} from '../profiles/index.js';
import type {PhotoReport} from '../report/schema.js';
import {createPhotoPool, defaultConcurrency, memoryConcurrency, type PhotoPool, type PoolOptions} from './pool.js';
import {createProcessPool} from './process-pool.js';
import type {PhotoTask} from './task.js';

/** Photos waiting for a worker that a validator holds by default before it refuses more. */
export const DEFAULT_MAX_QUEUE = Number.POSITIVE_INFINITY;

export const DEFAULT_TIMEOUT_MS = 60_000;

export const validatorOptionsSchema = validateOptionsSchema
	.pick({profile: true, overrides: true, checks: true})
	.extend({
		/** Photos validated at once, one per worker thread (default: the cores, as far as free memory allows one worker per ~200 MB). */
		concurrency: z.number().int().min(1).max(MAX_CONCURRENCY).optional(),
		/** A photo still running this many milliseconds after a worker took it gets a report saying so (default 60,000). */
		timeoutMs: z.number().int().min(1).max(MAX_TIMEOUT_MS).optional(),
		/** Photos that may wait for a worker; one more is refused at once with a `QueueFullError` (default: no limit). */
		maxQueue: z.number().int().min(0).or(z.literal(Number.POSITIVE_INFINITY)).optional(),
		/** Run on worker threads (true or 'threads', the default) or worker processes ('processes'); false runs in this thread, `concurrency` photos interleaved. */
		workers: workersOption,
	})
	.strict();

export const validatorCallOptionsSchema = validateOptionsSchema
	.extend({
		/** Gives up on the photo: one still waiting leaves the queue; one running is left to finish, its report dropped. */
		signal: z.custom<AbortSignal>((value) => value instanceof AbortSignal, 'an AbortSignal').optional(),
	})
	.strict();

export type ValidatorOptions = z.input<typeof validatorOptionsSchema>;
export type ValidatorCallOptions = z.input<typeof validatorCallOptionsSchema>;

/** What a validator is doing, for a health or metrics endpoint. */
export interface ValidatorStats {
	/** Photos on a worker now. */
	running: number;
	/** Photos waiting for a worker. */
	queued: number;
	/** Photos finished since the validator started. */
	completed: number;
	/** Photos refused because the queue was full. */
	rejected: number;
	concurrency: number;
	maxQueue: number;
}

/** A long-lived validator: one pool of workers, each with the face engine loaded once, for every call. */
export interface Validator {
	/** Check one photo (as `validatePhoto` does) on a worker. Rejects with `QueueFullError` when `maxQueue` photos already wait. */
	validate(input: PhotoInput, options?: ValidatorCallOptions): Promise<PhotoReport>;
	/** Resolves once every worker has its face engine loaded (a health check's "ready"). */
	ready(): Promise<void>;
	stats(): ValidatorStats;
	/** Refuses new photos, lets those accepted finish, then stops the workers. */
	close(): Promise<void>;
	[Symbol.asyncDispose](): Promise<void>;
}

/** A photo refused because `maxQueue` photos already wait: a server answers 503 with Retry-After. */
export class QueueFullError extends Error {
	override name = 'QueueFullError';
	readonly code = 'ERR_QUEUE_FULL';
	constructor(readonly maxQueue: number) {
		super(`photo-requirements: the validator's queue is full (${maxQueue} photos waiting); try again later`);
	}
}

/** A photo still running `timeoutMs` after a worker took it, when the validator was asked to reject rather than report. */
export class PhotoTimeoutError extends Error {
	override name = 'PhotoTimeoutError';
	readonly code = 'ERR_PHOTO_TIMEOUT';
	constructor(readonly timeoutMs: number) {
		super(`validating this photo took longer than ${formatDuration(timeoutMs)} from its start and was stopped`);
	}
}

/** A call after `close()`. */
export class ValidatorClosedError extends Error {
	override name = 'ValidatorClosedError';
	readonly code = 'ERR_VALIDATOR_CLOSED';
	constructor() {
		super('photo-requirements: validate() was called after close()');
	}
}

interface Waiting {
	start: () => void;
	reject: (reason: unknown) => void;
}

/**
 * Starts a validator whose pool lives until `close()`: a server pays the worker start and the
 * engine load once, not per request, and its event loop only passes bytes to the workers.
 */
export function createValidator(options?: ValidatorOptions): Validator {
	const caller = 'createValidator()';
	const parsed = parseOptions(validatorOptionsSchema, options, caller);
	const profile = selectChecks(resolveProfile(parsed.profile, parsed.overrides, caller), parsed.checks, caller);
	return startValidator(profile, {
		concurrency: Math.max(1, Math.min(parsed.concurrency ?? defaultConcurrency(), memoryConcurrency())),
		timeoutMs: parsed.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		maxQueue: parsed.maxQueue ?? DEFAULT_MAX_QUEUE,
		workers: workerKind(parsed.workers),
		keepAlive: true,
	});
}

/** How a validator runs, its options already checked. */
export interface ValidatorSettings {
	concurrency: number;
	timeoutMs: number;
	maxQueue: number;
	/** Where photos run: worker threads, worker processes, or (false) this thread. */
	workers: WorkerKind;
	/** Keep the workers alive when idle (a server); a batch lets them stop. */
	keepAlive: boolean;
	/** A photo past `timeoutMs`: a report saying so (default), or a rejection with `PhotoTimeoutError` (a queue retries it, then fails it). */
	onTimeout?: 'report' | 'error';
}

/** The validator the batch uses: it can also be stopped at once, dropping what runs. */
export interface StoppableValidator extends Validator {
	/** Stops the workers now: photos running or waiting are dropped (a batch whose consumer stopped early). */
	destroy(): Promise<void>;
}

function startPool(kind: WorkerKind, size: number, options: PoolOptions): PhotoPool | undefined {
	if (kind === 'processes') return createProcessPool(size, options);
	return kind === 'threads' ? createPhotoPool(size, options) : undefined;
}

/** The validator of a profile already resolved: `createValidator` for callers, and the batch. */
export function startValidator(defaultProfile: Profile, settings: ValidatorSettings): StoppableValidator {
	const {concurrency, timeoutMs, maxQueue} = settings;
	const pool = startPool(settings.workers, concurrency, {keepAlive: settings.keepAlive});

	const waiting: Waiting[] = [];
	let running = 0;
	let completed = 0;
	let rejected = 0;
	let closing: Promise<void> | undefined;
	let drained: (() => void) | undefined;
	let warm: Promise<void> | undefined;

	/** Frees a worker slot: for the next photo waiting, or for close(). `done` counts the photo as completed. */
	function release(done = true): void {
		running--;
		if (done) completed++;
		const next = waiting.shift();
		if (next) next.start();
		else if (running === 0) drained?.();
	}

	/** Resolves when a worker slot is ours; rejects on a full queue or an abort while waiting. */
	function acquire(signal: AbortSignal | undefined): Promise<void> {
		if (running < concurrency) {
			running++;
			return Promise.resolve();
		}
		if (waiting.length >= maxQueue) {
			rejected++;
			return Promise.reject(new QueueFullError(maxQueue));
		}
		return new Promise((resolve, reject) => {
			const entry: Waiting = {
				start: () => {
					signal?.removeEventListener('abort', onAbort);
					running++;
					resolve();
				},
				reject,
			};
			const onAbort = () => {
				const at = waiting.indexOf(entry);
				if (at >= 0) waiting.splice(at, 1);
				reject(signal?.reason);
			};
			signal?.addEventListener('abort', onAbort, {once: true});
			waiting.push(entry);
		});
	}

	function profileFor(call: z.output<typeof validatorCallOptionsSchema>): Profile {
		if (call.profile === undefined && call.overrides === undefined && call.checks === undefined) return defaultProfile;
		const base =
			call.profile === undefined && call.overrides === undefined
				? defaultProfile
				: resolveProfile(call.profile ?? defaultProfile, call.overrides, 'validate()');
		return selectChecks(base, call.checks, 'validate()');
	}

	return {
		async validate(input, callOptions) {
			assertInput(input, 'validate()');
			const call = parseOptions(validatorCallOptionsSchema, callOptions, 'validate()');
			if (closing) throw new ValidatorClosedError();
			call.signal?.throwIfAborted();
			const task: PhotoTask = {input, profile: profileFor(call), name: call.name, now: call.now, annotate: call.annotate};
			await acquire(call.signal);
			// Aborted in the moment between the call and its slot (the listener below would never fire).
			if (call.signal?.aborted) {
				release(false);
				throw call.signal.reason;
			}
			const work = runWithTimeout(task, pool, timeoutMs, settings.onTimeout).finally(() => release());
			if (!call.signal) return work;
			// A caller that gives up is answered at once; the photo on its worker finishes unseen
			// (stopping it would terminate the worker and reload its engine).
			const {signal} = call;
			return new Promise<PhotoReport>((resolve, reject) => {
				const onAbort = () => reject(signal.reason);
				signal.addEventListener('abort', onAbort, {once: true});
				work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
			});
		},
		ready() {
			warm ??= pool
				? pool.warm(concurrency)
				: import('../analysis/face/engine.js').then(({loadFaceEngine}) => loadFaceEngine(nodePlatform.models).then(() => undefined));
			return warm;
		},
		stats: () => ({running, queued: waiting.length, completed, rejected, concurrency, maxQueue}),
		close() {
			closing ??= (async () => {
				if (running > 0 || waiting.length > 0) {
					await new Promise<void>((resolve) => {
						drained = resolve;
					});
				}
				await pool?.close();
			})();
			return closing;
		},
		[Symbol.asyncDispose]() {
			return this.close();
		},
		async destroy() {
			closing ??= Promise.resolve();
			for (const entry of waiting.splice(0)) entry.reject(new ValidatorClosedError());
			await pool?.close();
		},
	};
}

/** Runs one task, on the pool or in this thread, and answers with a timeout report (or rejects with `PhotoTimeoutError`) after `timeoutMs`. */
export async function runWithTimeout(
	task: PhotoTask,
	pool: PhotoPool | undefined,
	timeoutMs: number,
	onTimeout: 'report' | 'error' = 'report',
): Promise<PhotoReport> {
	const controller = new AbortController();
	let timer: NodeJS.Timeout | undefined;
	const expired = new Promise<'timeout'>((resolve) => {
		timer = setTimeout(() => {
			// In a pool, aborting terminates the stuck worker (a fresh one replaces it); in-process,
			// the work cannot be stopped, only abandoned.
			controller.abort();
			resolve('timeout');
		}, timeoutMs);
	});
	try {
		const work = pool
			? pool.run(task, controller.signal)
			: checkPhoto(task.input, task.profile, {platform: nodePlatform, name: task.name, now: task.now, annotate: task.annotate});
		const result = await Promise.race([work.catch((error: unknown) => (controller.signal.aborted ? ('timeout' as const) : Promise.reject(error))), expired]);
		if (result !== 'timeout') return result;
		work.catch(() => undefined);
		if (onTimeout === 'error') throw new PhotoTimeoutError(timeoutMs);
		return await timeoutReport(task, timeoutMs);
	} finally {
		clearTimeout(timer);
	}
}

/** The report of a photo that was not checked in time: the file-level checks, and which checks were not run. */
export async function timeoutReport(task: PhotoTask, timeoutMs: number): Promise<PhotoReport> {
	const report = await stoppedReport(
		task.input,
		task.profile,
		`validating this photo took longer than ${formatDuration(timeoutMs)} from its start and was stopped`,
		{
			platform: nodePlatform,
			now: task.now,
			...(task.name === undefined ? {} : {name: task.name}),
		},
	);
	return {...report, timings: {...report.timings, total: timeoutMs}};
}

function formatDuration(ms: number): string {
	return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
