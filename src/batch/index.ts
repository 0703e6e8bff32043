import {assertInput, invalidArgument} from '../arguments.js';
import type {PhotoInput} from '../input/read.js';
import {parseOptions, type ValidateManyOptions, validateManyOptionsSchema, workerKind} from '../options.js';
import {resolveProfile, selectChecks} from '../profiles/index.js';
import type {PhotoReport} from '../report/schema.js';
import {defaultConcurrency, memoryConcurrency} from './pool.js';
import {DEFAULT_TIMEOUT_MS, startValidator} from './validator.js';

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
		throw invalidArgument('validatePhotos()', 'inputs', 'an iterable of file paths, Buffers or Uint8Arrays', inputs);
	}
	const profile = selectChecks(resolveProfile(parsed.profile, parsed.overrides, 'validatePhotos()'), parsed.checks, 'validatePhotos()');
	const timeoutMs = parsed.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const total = Array.isArray(inputs) ? inputs.length : undefined;
	// Never more photos in flight than asked, than free memory holds workers for, or than there are photos.
	const concurrency = Math.max(1, Math.min(parsed.concurrency ?? defaultConcurrency(), memoryConcurrency(), total ?? Number.POSITIVE_INFINITY));
	const validator = startValidator(profile, {
		concurrency,
		timeoutMs,
		maxQueue: Number.POSITIVE_INFINITY,
		workers: workerKind(parsed.workers),
		keepAlive: false,
	});
	// As many photos in flight as workers: a photo submitted is a photo started, so its clock is its own.
	const window = concurrency;

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
				inFlight.set(
					index,
					validator
						.validate(input, {...(parsed.now ? {now: parsed.now} : {}), ...(parsed.annotate === undefined ? {} : {annotate: parsed.annotate})})
						.then((report) => ({index, input, report})),
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
		await validator.destroy();
	}
}

/** Validate many photos; the reports come back in input order. */
export async function validatePhotos(inputs: Iterable<PhotoInput> | AsyncIterable<PhotoInput>, options?: ValidateManyOptions): Promise<PhotoReport[]> {
	const reports: PhotoReport[] = [];
	for await (const item of validatePhotosIterable(inputs, options)) reports[item.index] = item.report;
	return reports;
}
