import {describe, expect, test} from 'vitest';
import {CHECK_IDS, caPrCard, photoReportSchema, validatePhoto, validatePhotos} from '../src/index.js';
import {hostileCases} from './support/hostile.js';

/** The bound on a report's JSON, whatever the input (issue: hostile inputs, round two). */
const MAX_REPORT_BYTES = 64 * 1024;

/** Generous: a hostile input must be refused in far less, and one that hangs never ends. */
const LIMIT_MS = 20_000;

describe('hostile and unusual inputs: a full report, every check present, never a throw or a hang', async () => {
	const cases = await hostileCases();

	test.each(cases)(
		'$name',
		async ({bytes, fileName, format, message}) => {
			const report = await validatePhoto(bytes, fileName ? {name: fileName} : {});
			photoReportSchema.parse(report);
			// Whatever the file holds, a report stays small: every string from the file is cut, repeats are counted.
			expect(Buffer.byteLength(JSON.stringify(report))).toBeLessThanOrEqual(MAX_REPORT_BYTES);
			expect(report.checks.map((check) => check.id)).toEqual(caPrCard.checks);
			const fileFormat = report.checks.find((check) => check.id === 'file-format')!;
			expect(fileFormat.status).toBe(format);
			if (message) expect(fileFormat.message).toMatch(message);
			if (format === 'fail') {
				// Nothing that needs pixels ran on a file that did not decode.
				for (const check of report.checks.filter(
					(result) => !['file-format', 'file-size', 'dimensions', 'aspect-ratio', 'unaltered', 'recent'].includes(result.id),
				)) {
					expect(check.status, check.id).toBe('skip');
				}
			}
		},
		LIMIT_MS,
	);

	test('the whole table through the worker pool, in order', async () => {
		const reports = await validatePhotos(
			cases.map((item) => item.bytes),
			{concurrency: 2},
		);
		expect(reports).toHaveLength(cases.length);
		reports.forEach((report, index) => {
			expect(report.checks.find((check) => check.id === 'file-format')?.status, cases[index]!.name).toBe(
				// Without its name, a case that only warned about the name passes.
				cases[index]!.fileName && cases[index]!.format === 'warn' ? 'pass' : cases[index]!.format,
			);
		});
	}, 120_000);

	test('every catalogue id a report holds is a known one', async () => {
		const report = await validatePhoto(cases[0]!.bytes);
		for (const check of report.checks) expect(CHECK_IDS).toContain(check.id);
	});
});
