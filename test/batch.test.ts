import {describe, expect, test} from 'vitest';
import {createPhotoPool} from '../src/batch/pool.js';
import {caPrCard, type Profile, photoReportSchema, validatePhotos, validatePhotosIterable} from '../src/index.js';
import {jpegScanBomb} from './support/hostile.js';
import {jpeg, NO_FACE_CHECKS} from './support/images.js';

describe('batches', () => {
	test('a photo past the timeout gets a report saying so, and the run goes on', async () => {
		const photo = await jpeg(715, 1001);
		const reports = await validatePhotos([photo, photo, photo], {concurrency: 2, timeoutMs: 1});
		expect(reports).toHaveLength(3);
		for (const report of reports) {
			photoReportSchema.parse(report);
			expect(report.verdict).toBe('review');
			expect(report.checks[0]).toMatchObject({id: 'file-format', status: 'warn'});
			expect(report.checks[0]!.message).toMatch(/took longer than 1 ms from its start and was stopped/);
			// The checks of the file itself are still given; the rest say they were not run, and why.
			for (const check of report.checks.slice(1)) {
				if (['file-size', 'dimensions', 'aspect-ratio', 'recent'].includes(check.id)) expect(check.status, check.id).not.toBe('skip');
				else expect(check, check.id).toMatchObject({status: 'skip', message: expect.stringMatching(/took longer than 1 ms/)});
			}
		}
		// The pool replaced its stopped workers: the next batch is checked for real.
		const [again] = await validatePhotos([photo], {concurrency: 1, checks: [...NO_FACE_CHECKS]});
		expect(again!.verdict).toBe('accept');
	}, 60_000);

	test('a photo over 4 MB that runs out of time is still returned for its size', async () => {
		const large = Buffer.concat([await jpeg(715, 1001), Buffer.alloc(4_500_000, 0x20)]);
		const [report] = await validatePhotos([large], {concurrency: 1, timeoutMs: 1});
		expect(report!.verdict).toBe('return');
		expect(report!.reasons).toEqual(['FILE_TOO_LARGE']);
		expect(report!.checks.find((check) => check.id === 'file-size')?.status).toBe('fail');
	}, 60_000);

	test('poisoned photos among good ones: every good photo gets its own verdict, each poisoned one says what happened', async () => {
		const good = await jpeg(715, 1001);
		const poison = await jpegScanBomb(250_000);
		const inputs = Array.from({length: 25}, (_, index) => (index % 5 === 2 ? poison : good));
		const [alone] = await validatePhotos([good], {concurrency: 1, checks: [...NO_FACE_CHECKS]});
		const reports = await validatePhotos(inputs, {concurrency: 2, timeoutMs: 10_000, checks: [...NO_FACE_CHECKS]});
		reports.forEach((report, index) => {
			if (index % 5 === 2) expect(report.checks[0]!.message).toMatch(/250,000 scans/);
			else expect(report.checks.map((check) => [check.id, check.status])).toEqual(alone!.checks.map((check) => [check.id, check.status]));
		});
	}, 120_000);

	test('a pool starts workers only as photos arrive: two photos at concurrency 64 start at most two', async () => {
		const pool = createPhotoPool(64);
		try {
			const photo = await jpeg(715, 1001);
			const task = {input: photo, profile: {...caPrCard, checks: ['file-size' as const]} as Profile};
			await Promise.all([pool.run(task, new AbortController().signal), pool.run(task, new AbortController().signal)]);
			expect(pool.threads()).toBeGreaterThanOrEqual(1);
			expect(pool.threads()).toBeLessThanOrEqual(2);
		} finally {
			await pool.close();
		}
	}, 60_000);

	test('the intake is lazy: only a window of photos is in flight, whatever the length of the input', async () => {
		let pulled = 0;
		function* inputs(): Generator<Uint8Array> {
			for (let index = 0; index < 100_000; index++) {
				pulled++;
				yield Buffer.from(`not a photo ${index}`);
			}
		}
		const concurrency = 2;
		let received = 0;
		for await (const item of validatePhotosIterable(inputs(), {concurrency, workers: false, checks: ['file-format']})) {
			expect(item.report.checks[0]!.status).toBe('fail');
			received++;
			// Never more than the window (in-process: `concurrency`) ahead of what was handed back.
			expect(pulled - received).toBeLessThanOrEqual(concurrency);
			if (received === 500) break;
		}
		expect(received).toBe(500);
		expect(pulled).toBeLessThan(510);
	}, 60_000);

	test('reports stream as they finish and validatePhotos puts them back in input order', async () => {
		const small = Buffer.from('tiny, not a photo');
		const inputs = [await jpeg(1000, 1400), small, small, small];
		const order: number[] = [];
		for await (const item of validatePhotosIterable(inputs, {concurrency: 4, workers: false, checks: [...NO_FACE_CHECKS]})) order.push(item.index);
		expect(order.sort()).toEqual([0, 1, 2, 3]);
		const reports = await validatePhotos(inputs, {concurrency: 4, checks: [...NO_FACE_CHECKS]});
		expect(reports.map((report) => report.checks[0]!.status)).toEqual(['pass', 'fail', 'fail', 'fail']);
	}, 60_000);
});
