import {afterAll, describe, expect, test} from 'vitest';
import {createProcessPool} from '../src/batch/process-pool.js';
import {createValidator, ValidatorClosedError, validatePhoto, validatePhotos} from '../src/index.js';
import {caPrCard} from '../src/profiles/index.js';
import {jpeg, NO_FACE_CHECKS} from './support/images.js';
import {demoPortrait} from './support/portrait.js';

const statuses = (report: {checks: Array<{id: string; status: string}>}) => report.checks.map(({id, status}) => `${id}:${status}`);

describe("workers: 'processes'", () => {
	const validator = createValidator({workers: 'processes', concurrency: 2});
	afterAll(() => validator.close());

	test('the same reports as validatePhoto, from two worker processes kept between calls', async () => {
		const portrait = await demoPortrait();
		await validator.ready();
		const [a, b, direct] = await Promise.all([validator.validate(portrait), validator.validate(portrait), validatePhoto(portrait)]);
		expect(statuses(a)).toEqual(statuses(direct));
		expect(statuses(b)).toEqual(statuses(direct));
		expect(a.face).toEqual(direct.face);
		expect(a.provenance).toEqual(direct.provenance);
		expect(validator.stats()).toMatchObject({running: 0, queued: 0, completed: 2, concurrency: 2});
	}, 120_000);

	test('validatePhotos on processes gives the statuses it gives on threads', async () => {
		const photos = [await jpeg(715, 1001), await demoPortrait(), await jpeg(500, 700)];
		const [onProcesses, onThreads] = [
			await validatePhotos(photos, {workers: 'processes', concurrency: 2}),
			await validatePhotos(photos, {workers: 'threads', concurrency: 2}),
		];
		expect(onProcesses.map(statuses)).toEqual(onThreads.map(statuses));
	}, 180_000);

	test('a photo past timeoutMs gets a report saying so; its process is replaced and the next photo is checked', async () => {
		const slow = createValidator({workers: 'processes', concurrency: 1, timeoutMs: 1});
		const photo = await jpeg(715, 1001);
		expect((await slow.validate(photo)).checks[0]!.message).toMatch(/took longer than 1 ms from its start and was stopped/);
		await slow.close();
		await expect(slow.validate(photo)).rejects.toThrow(ValidatorClosedError);
	}, 60_000);

	test('the pool: an abort stops the photo and its process, a photo waiting leaves the queue, the next runs on a new process', async () => {
		const pool = createProcessPool(1);
		const task = {input: await jpeg(715, 1001), profile: {...caPrCard, checks: [...NO_FACE_CHECKS]}};
		try {
			const running = new AbortController();
			const waiting = new AbortController();
			const first = pool.run(task, running.signal);
			const second = pool.run(task, waiting.signal);
			waiting.abort(new Error('no longer wanted'));
			await expect(second).rejects.toThrow('no longer wanted');
			running.abort(new Error('stopped'));
			await expect(first).rejects.toThrow('stopped');
			const report = await pool.run(task, new AbortController().signal);
			expect(report.verdict).toBe('accept');
			expect(pool.threads()).toBe(1);
		} finally {
			await pool.close();
		}
		expect(pool.threads()).toBe(0);
	}, 60_000);

	test("workers must be a boolean, 'threads' or 'processes'", () => {
		expect(() => createValidator({workers: 'forks' as 'processes'})).toThrow(TypeError);
		expect(() => createValidator({workers: 'forks' as 'processes'})).toThrow(/workers/);
	});
});
