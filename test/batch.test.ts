import {describe, expect, test} from 'vitest';
import {photoReportSchema, validatePhotos, validatePhotosIterable} from '../src/index.js';
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
			expect(report.checks[0]!.message).toMatch(/took longer than 1 ms and was stopped/);
			expect(report.checks.slice(1).every((check) => check.status === 'skip')).toBe(true);
		}
		// The pool replaced its stopped workers: the next batch is checked for real.
		const [again] = await validatePhotos([photo], {concurrency: 1, checks: [...NO_FACE_CHECKS]});
		expect(again!.verdict).toBe('accept');
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
