import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {beforeAll, describe, expect, test} from 'vitest';
import {photoReportSchema} from '../src/index.js';
import {jpeg, NO_FACE_CHECKS} from './support/images.js';

const noFace = ['--checks', NO_FACE_CHECKS.join(',')];

import {repoRoot} from './support/photos.js';

const cli = path.join(repoRoot, 'dist/cli/main.js');
const run = promisify(execFile);

/** Runs the built CLI; resolves with its exit code instead of rejecting on a non-zero one. */
async function photoRequirements(...args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
	try {
		const {stdout, stderr} = await run(process.execPath, [cli, ...args], {maxBuffer: 64 * 1024 * 1024});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failure = error as {code: number; stdout: string; stderr: string};
		return {code: failure.code, stdout: failure.stdout, stderr: failure.stderr};
	}
}

let folder: string;
const files: Record<string, string> = {};

beforeAll(async () => {
	if (!existsSync(cli)) throw new Error(`The CLI is not built (${cli}): run npm run build, or npm test, which builds first.`);
	folder = await mkdtemp(path.join(tmpdir(), 'photo-requirements-cli-'));
	await mkdir(path.join(folder, 'batch/nested'), {recursive: true});
	const good = await jpeg(715, 1001);
	files.good = path.join(folder, 'good.jpg');
	files.small = path.join(folder, 'small.jpg');
	files.square = path.join(folder, 'square.jpg');
	files.text = path.join(folder, 'notes.txt');
	await writeFile(files.good, good);
	await writeFile(files.small, await jpeg(600, 840));
	await writeFile(files.square, await jpeg(1200, 1200));
	await writeFile(files.text, 'not a photo');
	await writeFile(path.join(folder, 'batch/a.jpg'), good);
	await writeFile(path.join(folder, 'batch/nested/b.png'), good); // a JPEG named .png: warns
	await writeFile(path.join(folder, 'batch/readme.txt'), 'skipped in folders');
});

describe('the command line', () => {
	test('--help and --version exit 0', async () => {
		const help = await photoRequirements('--help');
		expect(help.code).toBe(0);
		expect(help.stdout).toMatch(/^Usage: photo-requirements/);
		const version = await photoRequirements('--version');
		expect(version.code).toBe(0);
		expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
	});

	test.each([
		[[], /no photo given/],
		[['--bogus', 'x.jpg'], /Unknown option '--bogus'/],
		[['--json', '--ndjson', 'x.jpg'], /cannot be used together/],
		[['--concurrency', 'zero', 'x.jpg'], /--concurrency must be a whole number/],
		[['--profile', 'mars', 'x.jpg'], /--profile must be one of "ca-pr-card"/],
		[['--checks', 'file-size,sparkle', 'x.jpg'], /--checks: the "ca-pr-card" profile has no check "sparkle"/],
		// Past Node's timer limit (2³¹ − 1 ms) a timeout would fire at once; below a millisecond it is no timeout.
		[['--timeout', '3000000', 'x.jpg'], /--timeout must be a number of seconds from 0\.001 to 2,147,483\.647, in whole milliseconds; got "3000000"/],
		[['--timeout', '0.0015', 'x.jpg'], /--timeout must be .*; got "0\.0015"/],
		[['--timeout', '0', 'x.jpg'], /--timeout must be/],
	])('usage error %j exits 2', async (args, message) => {
		const result = await photoRequirements(...args);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(result.stdout).toBe('');
	});

	test('an accepted photo exits 0 with a one-line summary', async () => {
		const result = await photoRequirements(...noFace, files.good!);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/good\.jpg: ACCEPT/);
		expect(result.stderr).toBe(''); // no progress bar: not a terminal
	});

	test('a returned photo exits 1 and says why in the portal words', async () => {
		const result = await photoRequirements(files.small!);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('The measurements are not between 715 × 1000 and 2000 × 2800 pixels.');
		expect(result.stdout).toMatch(/✗ dimensions: The photo is 600 × 840 pixels/);
	});

	test('a photo to review exits 0, or 1 with --strict', async () => {
		expect((await photoRequirements(...noFace, files.square!)).code).toBe(0);
		const strict = await photoRequirements(...noFace, '--strict', files.square!);
		expect(strict.code).toBe(1);
		expect(strict.stdout).toMatch(/REVIEW/);
		expect(strict.stdout).toMatch(/! aspect-ratio/);
	});

	test('--json prints one array of schema-valid reports in the order given', async () => {
		const result = await photoRequirements('--json', ...noFace, files.small!, files.good!, files.text!);
		expect(result.code).toBe(1);
		const reports = (JSON.parse(result.stdout) as unknown[]).map((report) => photoReportSchema.parse(report));
		expect(reports.map((report) => [report.source, report.verdict])).toEqual([
			['small.jpg', 'return'],
			['good.jpg', 'accept'],
			['notes.txt', 'return'],
		]);
	});

	test('--ndjson prints one report per line; folders are walked recursively for image files', async () => {
		const result = await photoRequirements('--ndjson', ...noFace, '--concurrency', '1', path.join(folder, 'batch'));
		expect(result.code).toBe(0);
		const lines = result.stdout.trim().split('\n');
		expect(lines).toHaveLength(2);
		const reports = lines.map((line) => photoReportSchema.parse(JSON.parse(line)));
		expect(reports.map((report) => report.source).sort()).toEqual(['a.jpg', 'b.png']);
		expect(reports.find((report) => report.source === 'b.png')?.verdict).toBe('review');
	});

	test('a missing file is reported, not a crash', async () => {
		const result = await photoRequirements('--json', path.join(folder, 'missing.jpg'));
		expect(result.code).toBe(1);
		const [report] = JSON.parse(result.stdout) as Array<{checks: Array<{id: string; status: string; message: string}>}>;
		expect(report!.checks[0]).toMatchObject({id: 'file-format', status: 'fail'});
		expect(report!.checks[0]!.message).toMatch(/no such file/);
	});

	test('a folder with no image files is a usage error', async () => {
		const empty = await mkdtemp(path.join(tmpdir(), 'photo-requirements-empty-'));
		const result = await photoRequirements(empty);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/no image files found/);
	});
});
