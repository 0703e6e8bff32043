import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {caPrCard, LIBRARY_VERSION, type PhotoReport, photoReportSchema, validatePhoto, validatePhotos} from '../src/index.js';
import {buildReport} from '../src/report/build.js';
import {formatReport} from '../src/report/text.js';
import {jpeg, NO_FACE_CHECKS} from './support/images.js';
import {PROVENANCE} from './support/reports.js';

describe('programmer errors throw a TypeError naming the option, the expectation and the value', () => {
	test.each([
		[42, undefined, /input must be a file path \(string\), a Buffer or a Uint8Array, or \{path\}; got number \(42\)/],
		[{path: ''}, undefined, /input must be a file path .*; got Object/],
		['', undefined, /input .* got an empty string/],
		[Buffer.alloc(1), 'fast', /options must be an object; got string \("fast"\)/],
		[Buffer.alloc(1), {concurency: 2}, /options must be an object with only the keys profile, overrides, .*\bnow\b.*; got the key "concurency"/],
		[
			Buffer.alloc(1),
			{profile: 'us-passport'},
			/options\.profile must be one of "ca-pr-card", "ca-visa", "ca-citizenship", "ca-passport" or a profile object; got string \("us-passport"\)/,
		],
		// Profile ids are own properties: what every object inherits is not a profile.
		[
			Buffer.alloc(1),
			{profile: '__proto__'},
			/options\.profile must be one of "ca-pr-card", "ca-visa", "ca-citizenship", "ca-passport" or a profile object; got string \("__proto__"\)/,
		],
		[
			Buffer.alloc(1),
			{profile: 'toString'},
			/options\.profile must be one of "ca-pr-card", "ca-visa", "ca-citizenship", "ca-passport" or a profile object; got string \("toString"\)/,
		],
		[Buffer.alloc(1), {now: '2026-01-01'}, /options\.now must be a date; got string \("2026-01-01"\)/],
		[Buffer.alloc(1), {overrides: {fileSize: {maxBytes: -1}}}, /options\.overrides\.fileSize\.maxBytes must be a number above 0; got number \(-1\)/],
		[
			Buffer.alloc(1),
			{overrides: {fileSize: {max: 1}}},
			/options\.overrides\.fileSize must be an object with only the keys maxBytes, warnAboveBytes, minBytes; got the key "max"/,
		],
		[
			Buffer.alloc(1),
			{overrides: {sharpness: {warnBlur: 0.9}}},
			/options\.overrides\.sharpness\.warnBlur must be at most sharpness\.maxBlur \(0\.54\).*; got number \(0\.9\)/,
		],
		[
			Buffer.alloc(1),
			{overrides: {headSize: {minRatio: 0.6}}},
			/options\.overrides\.headSize\.minRatio must be at most headSize\.maxRatio .*the low end of a range below its high end; got number \(0\.6\)/,
		],
		[
			Buffer.alloc(1),
			{overrides: {fileSize: {warnAboveBytes: 5_000_000}}},
			/options\.overrides\.fileSize\.warnAboveBytes must be at most fileSize\.maxBytes \(4194304\), a warning threshold must sit on the safe side of its failure threshold; got number \(5000000\)/,
		],
	])('validatePhoto(%o, %o)', async (input, options, message) => {
		await expect(validatePhoto(input as never, options as never)).rejects.toThrow(TypeError);
		await expect(validatePhoto(input as never, options as never)).rejects.toThrow(message);
	});

	test('options.checks must name checks of the profile', async () => {
		await expect(validatePhoto(Buffer.alloc(1), {checks: ['glare-ish' as never]})).rejects.toThrow(
			/options\.checks\.0 must be one of "file-format", .*; got string \("glare-ish"\)/,
		);
		const report = await validatePhoto(Buffer.alloc(1), {checks: ['file-size', 'file-format']});
		expect(report.checks.map((check) => check.id)).toEqual(['file-format', 'file-size']);
	});

	test('validatePhotos checks its options and inputs', async () => {
		await expect(validatePhotos([Buffer.alloc(1)], {concurrency: 0})).rejects.toThrow(/options\.concurrency must be a number at least 1; got number \(0\)/);
		await expect(validatePhotos([Buffer.alloc(1)], {timeoutMs: 2 ** 31})).rejects.toThrow(
			/options\.timeoutMs must be a number at most 2147483647; got number \(2147483648\)/,
		);
		await expect(validatePhotos([Buffer.alloc(1)], {timeoutMs: 1.5})).rejects.toThrow(/options\.timeoutMs must be an integer; got number \(1\.5\)/);
		await expect(validatePhotos(42 as never)).rejects.toThrow(/inputs must be an iterable/);
		await expect(validatePhotos([Buffer.alloc(1), 7 as never])).rejects.toThrow(/inputs\[1\] must be/);
	});
});

describe('overrides change thresholds and show in the limits', () => {
	test('a stricter file size', async () => {
		const bytes = await jpeg(715, 1001);
		const report = await validatePhoto(bytes, {overrides: {fileSize: {maxBytes: 1000, warnAboveBytes: 500}}});
		const check = report.checks.find((result) => result.id === 'file-size')!;
		expect(check.status).toBe('fail');
		expect(check.limits).toEqual({maxBytes: 1000, warnAboveBytes: 500});
		expect(caPrCard.fileSize.maxBytes).toBe(4_194_304); // the shipped profile is untouched
	});
});

describe('the report', () => {
	test('has every check of the profile, in order, and matches the schema', async () => {
		const report = await validatePhoto(await jpeg(715, 1001), {name: 'x.jpg'});
		expect(photoReportSchema.parse(report)).toEqual(report);
		expect(report.checks.map((check) => check.id)).toEqual(caPrCard.checks);
		expect(report).toMatchObject({profile: 'ca-pr-card', source: 'x.jpg', image: {format: 'jpeg', width: 715, height: 1001}});
	});

	const check = (id: string, status: 'pass' | 'warn' | 'fail' | 'skip', reason: PhotoReport['reasons'][number]) => ({
		id,
		status,
		reason,
		requirement: 'r',
		message: 'm',
	});

	test.each([
		[[check('a', 'pass', 'OTHER_REQUIREMENT'), check('b', 'skip', 'GLARE')], 'accept', []],
		[[check('a', 'pass', 'OTHER_REQUIREMENT'), check('b', 'warn', 'GLARE')], 'review', []],
		[
			[check('a', 'fail', 'OTHER_REQUIREMENT'), check('b', 'fail', 'FILE_TOO_LARGE'), check('c', 'fail', 'TOO_DARK'), check('d', 'fail', 'TOO_DARK')],
			'return',
			['TOO_DARK', 'FILE_TOO_LARGE', 'OTHER_REQUIREMENT'],
		],
	] as const)('verdict and reasons in the portal order (%#)', (checks, verdict, reasons) => {
		const report = buildReport({checks: [...checks], profile: 'p', provenance: PROVENANCE});
		expect(report.verdict).toBe(verdict);
		expect(report.reasons).toEqual(reasons);
	});

	test('the schema rejects a report that breaks the contract', () => {
		const good = buildReport({checks: [check('file-size', 'pass', 'FILE_TOO_LARGE')], profile: 'p', provenance: PROVENANCE});
		expect(photoReportSchema.safeParse(good).success).toBe(true);
		expect(photoReportSchema.safeParse({...good, verdict: 'maybe'}).success).toBe(false);
		expect(photoReportSchema.safeParse({...good, reasons: ['BLURRY']}).success).toBe(false);
		expect(photoReportSchema.safeParse({...good, checks: [{...good.checks[0], id: 'File Size'}]}).success).toBe(false);
	});

	test('the text form names the verdict, the portal reason and the failed check', () => {
		const report = buildReport({
			checks: [check('file-size', 'fail', 'FILE_TOO_LARGE'), check('dimensions', 'pass', 'DIMENSIONS_OUT_OF_RANGE')],
			profile: 'p',
			provenance: PROVENANCE,
			source: 'a.jpg',
		});
		const text = formatReport(report);
		expect(text).toMatch(/^a\.jpg: RETURN/);
		expect(text).toContain('The file size is above 4 MB.');
		expect(text).toContain('✗ file-size: m');
		expect(text).not.toContain('dimensions');
	});
});

describe('validatePhotos', () => {
	test('returns reports in input order and reports progress', async () => {
		const inputs = [await jpeg(715, 1001), Buffer.alloc(0), await jpeg(600, 840), Buffer.from('nope')];
		const seen: number[] = [];
		const reports = await validatePhotos(inputs, {
			concurrency: 3,
			checks: [...NO_FACE_CHECKS],
			onProgress: ({done, total}) => seen.push(done + (total ?? 0) * 100),
		});
		expect(reports.map((report) => report.verdict)).toEqual(['accept', 'return', 'return', 'return']);
		expect(reports[2]!.reasons).toEqual(['DIMENSIONS_OUT_OF_RANGE']);
		expect(seen).toEqual([401, 402, 403, 404]);
	});

	test('accepts an async iterable', async () => {
		async function* inputs() {
			yield await jpeg(715, 1001);
			yield await jpeg(715, 1001);
		}
		expect(await validatePhotos(inputs(), {concurrency: 1})).toHaveLength(2);
	});
});

describe('a bug is not a crash', () => {
	test('a check that throws is reported as a warning naming the error; the other checks still run', async () => {
		const {checks} = await import('../src/checks/registry.js');
		const check = checks['file-size'];
		const original = check.run;
		(check as {run: typeof original}).run = () => {
			throw new Error('boom');
		};
		try {
			const report = await validatePhoto(await jpeg(715, 1001), {checks: ['file-format', 'file-size', 'dimensions']});
			expect(report.checks.find((result) => result.id === 'file-size')).toMatchObject({status: 'warn'});
			expect(report.checks.find((result) => result.id === 'file-size')?.message).toMatch(/internal error stopped this check \(boom\)/);
			expect(report.checks.find((result) => result.id === 'dimensions')?.status).toBe('pass');
			expect(report.verdict).toBe('review');
		} finally {
			(check as {run: typeof original}).run = original;
		}
	});
});

describe('provenance: which rules judged which bytes', () => {
	test('a report names the library, its version, the profile, its version and the SHA-256 of the bytes read', async () => {
		const bytes = await jpeg(715, 1001);
		const report = await validatePhoto(bytes, {checks: [...NO_FACE_CHECKS]});
		expect(photoReportSchema.parse(report).provenance).toEqual({
			library: 'photo-requirements',
			libraryVersion: JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version,
			profile: 'ca-pr-card',
			profileVersion: caPrCard.version,
			sha256: createHash('sha256').update(bytes).digest('hex'),
		});
	});

	test('a file that could not be read has no digest, and still names its rules', async () => {
		const report = await validatePhoto('/nonexistent/photo.jpg');
		expect(photoReportSchema.parse(report).provenance).toEqual({
			library: 'photo-requirements',
			libraryVersion: LIBRARY_VERSION,
			profile: 'ca-pr-card',
			profileVersion: caPrCard.version,
		});
	});

	test('the library version is package.json’s', () => {
		expect(LIBRARY_VERSION).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
	});

	test('an override changes the requirement and the limits the result reports, not only the verdict', async () => {
		const report = await validatePhoto(Buffer.alloc(2_500_000), {
			checks: ['file-size'],
			overrides: {fileSize: {maxBytes: 2_000_000, warnAboveBytes: 1_900_000}},
		});
		const check = report.checks.find((result) => result.id === 'file-size')!;
		expect(check).toMatchObject({
			status: 'fail',
			requirement: 'The file must be no larger than 2 MB.',
			limits: {maxBytes: 2_000_000, warnAboveBytes: 1_900_000},
		});
		expect(check.message).not.toMatch(/4 MB/);
	});
});
