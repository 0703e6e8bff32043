import path from 'node:path';
import {checks as implementedChecks} from '../checks/index.js';
import type {PhotoInput} from '../input/read.js';
import {describe, parseOptions, type ValidateManyOptions, validateManyOptionsSchema} from '../options.js';
import type {Profile} from '../profiles/schema.js';
import {buildReport} from '../report/build.js';
import type {PhotoReport} from '../report/schema.js';
import {assertInput, resolveProfile, runPipeline, selectChecks} from '../validate.js';
import {createPhotoPool, defaultConcurrency, type PhotoPool} from './pool.js';
import type {PhotoTask} from './task.js';

/** One result of a batch, as photos finish. */
export interface BatchItem {
	index: number;
	input: PhotoInput;
	report: PhotoReport;
}

/**
 * Validate many photos on a pool of worker threads (`concurrency`, default the number of cores),
 * yielding each report as it finishes. Inputs may be an async iterable (e.g. a lazy folder walk):
 * only the photos in flight are held in memory, and a consumer that stops pulling stops the
 * intake. A photo that takes longer than `timeoutMs` gets a report saying so and the run goes on.
 */
export async function* validatePhotosIterable(
	inputs: Iterable<PhotoInput> | AsyncIterable<PhotoInput>,
	options?: ValidateManyOptions,
): AsyncGenerator<BatchItem> {
	const parsed = parseOptions(validateManyOptionsSchema, options, 'validatePhotos()');
	if (inputs === null || typeof inputs !== 'object' || !(Symbol.iterator in inputs || Symbol.asyncIterator in inputs)) {
		throw new TypeError(`validatePhotos(): inputs must be an iterable of file paths, Buffers or Uint8Arrays; got ${describe(inputs)}.`);
	}
	const profile = selectChecks(resolveProfile(parsed.profile, parsed.overrides, 'validatePhotos()'), parsed.checks, 'validatePhotos()');
	const concurrency = parsed.concurrency ?? defaultConcurrency();
	const timeoutMs = parsed.timeoutMs ?? 60_000;
	const total = Array.isArray(inputs) ? inputs.length : undefined;
	const pool = parsed.workers === false ? undefined : createPhotoPool(concurrency);
	// Keep a few photos queued beyond the running ones so that no worker waits for the intake.
	const window = parsed.workers === false ? concurrency : concurrency * 2;

	const iterator = (Symbol.asyncIterator in inputs ? inputs[Symbol.asyncIterator]() : (inputs as Iterable<PhotoInput>)[Symbol.iterator]()) as
		| AsyncIterator<PhotoInput>
		| Iterator<PhotoInput>;
	const inFlight = new Map<number, Promise<BatchItem>>();
	let nextIndex = 0;
	let exhausted = false;
	let done = 0;

	try {
		while (!exhausted || inFlight.size > 0) {
			while (!exhausted && inFlight.size < window) {
				const next = await iterator.next();
				if (next.done) {
					exhausted = true;
					break;
				}
				const index = nextIndex++;
				const input = next.value;
				assertInput(input, 'validatePhotos()', `inputs[${index}]`);
				const task: PhotoTask = {input, profile, now: parsed.now, annotate: parsed.annotate};
				inFlight.set(
					index,
					runWithTimeout(task, pool, timeoutMs).then((report) => ({index, input, report})),
				);
			}
			if (inFlight.size === 0) break;
			const item = await Promise.race(inFlight.values());
			inFlight.delete(item.index);
			done++;
			parsed.onProgress?.({done, index: item.index, report: item.report, ...(total === undefined ? {} : {total})});
			yield item;
		}
	} finally {
		// Stopped early (a consumer's break, a bad input): the photos still running are dropped.
		for (const pending of inFlight.values()) pending.catch(() => undefined);
		await pool?.close();
	}
}

/** Validate many photos; the reports come back in input order. */
export async function validatePhotos(inputs: Iterable<PhotoInput> | AsyncIterable<PhotoInput>, options?: ValidateManyOptions): Promise<PhotoReport[]> {
	const reports: PhotoReport[] = [];
	for await (const item of validatePhotosIterable(inputs, options)) reports[item.index] = item.report;
	return reports;
}

async function runWithTimeout(task: PhotoTask, pool: PhotoPool | undefined, timeoutMs: number): Promise<PhotoReport> {
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
		const work = pool ? pool.run(task, controller.signal) : runPipeline(task.input, task.profile, {now: task.now, annotate: task.annotate});
		const result = await Promise.race([work.catch((error: unknown) => (controller.signal.aborted ? ('timeout' as const) : Promise.reject(error))), expired]);
		return result === 'timeout' ? timeoutReport(task, timeoutMs) : result;
	} finally {
		clearTimeout(timer);
	}
}

/** The report of a photo that was not checked in time: file-format warns, every other check skips. */
export function timeoutReport(task: PhotoTask, timeoutMs: number): PhotoReport {
	const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 100) / 10} s`;
	const checks = task.profile.checks.map((id) => {
		const check = implementedChecks[id]!;
		const base = {id, reason: check.reason, requirement: check.requirement};
		return id === 'file-format'
			? {...base, status: 'warn' as const, message: `Not checked: validating this photo took longer than ${limit} and was stopped; check it again on its own.`}
			: {...base, status: 'skip' as const, message: `Not assessed: validating this photo took longer than ${limit} and was stopped.`};
	});
	return buildReport({
		checks,
		profile: (task.profile as Profile).id,
		...(typeof task.input === 'string' ? {source: path.basename(task.input)} : {}),
		timings: {total: timeoutMs},
	});
}
