import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {beforeAll, describe, expect, test} from 'vitest';
import {photoReportSchema} from '../src/index.js';
import {type CliRun, runCli} from './support/cli.js';
import {jpeg, NO_FACE_CHECKS} from './support/images.js';
import {demoPortrait} from './support/portrait.js';

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

/** The CLI with standard input and environment of the test's choosing (and no inherited colour setting). */
function withInput(options: {input?: Buffer; env?: Record<string, string>}, ...args: string[]): Promise<CliRun> {
	return runCli(args, options);
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
	test('the text summary lists photos in the order given, not the order they finish in', async () => {
		// The first is slowest (the most pixels): in finishing order it would come last.
		const big = path.join(folder, 'order-big.jpg');
		await writeFile(big, await jpeg(2000, 2800));
		const order = [big, files.small!, files.good!, files.square!];
		const result = await photoRequirements('--concurrency', '2', ...noFace, ...order);
		const named = result.stdout.split('\n').flatMap((line) => order.filter((file) => line.startsWith(`${file}:`)));
		expect(named).toEqual(order);
	});

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
		[['--bogus', 'x.jpg'], /^photo-requirements: unknown option --bogus \(photo-requirements --help lists the options\)/],
		[['--profile'], /--profile needs a value/],
		[['--json=yes', 'x.jpg'], /--json takes no value/],
		[['serve', '--bogus'], /serve: unknown option --bogus \(photo-requirements serve --help/],
		[['serve', 'x.jpg'], /serve: unexpected argument "x.jpg": this command takes no files/],
		[['queue', 'status', '--bogus'], /queue status: unknown option --bogus \(photo-requirements queue --help/],
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

	test('a photo whose time ran out exits 4, with or without --strict; a returned photo beside it makes it 1', async () => {
		const portrait = path.join(folder, 'big.jpg');
		await writeFile(portrait, await demoPortrait(2000));
		for (const strict of [[], ['--strict']]) {
			const result = await photoRequirements(...strict, '--timeout', '0.001', portrait);
			expect(result.code, result.stderr).toBe(4);
			expect(result.stdout).toMatch(/big\.jpg: REVIEW/);
			expect(result.stdout).toMatch(/! file-format: Not checked: validating this photo took longer than 1 ms/);
			expect(result.stderr).toMatch(/1 photo not fully checked: some checks did not run .*exit status 4/);
		}
		// small.jpg is returned on its pixel count, a file-level check a stopped photo still gets.
		const both = await photoRequirements('--timeout', '0.001', '--concurrency', '1', portrait, files.small!);
		expect(both.code, both.stderr).toBe(1);
		expect(both.stdout).toMatch(/small\.jpg: RETURN/);
		expect(both.stderr).toMatch(/1 photo not fully checked/);
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
		// source: the path as given.
		expect(reports.map((report) => [report.source, report.verdict])).toEqual([
			[files.small, 'return'],
			[files.good, 'accept'],
			[files.text, 'return'],
		]);
	});

	test('--ndjson prints one report per line; folders are walked recursively for image files', async () => {
		const result = await photoRequirements('--ndjson', ...noFace, '--concurrency', '1', path.join(folder, 'batch'));
		expect(result.code).toBe(0);
		const lines = result.stdout.trim().split('\n');
		expect(lines).toHaveLength(2);
		const parsed = lines.map((line) => JSON.parse(line) as {index: number});
		const reports = parsed.map((line) => photoReportSchema.parse(line));
		expect(reports.map((report) => report.source).sort()).toEqual([path.join(folder, 'batch/a.jpg'), path.join(folder, 'batch/nested/b.png')]);
		expect(reports.find((report) => report.source?.endsWith('b.png'))?.verdict).toBe('review');
		// Each line says which input it answers (0-based, in the order walked).
		expect(parsed.map((line) => line.index).sort()).toEqual([0, 1]);
	});

	test('a path that names nothing is a usage error (exit 2) before any photo is checked; a pattern that matches nothing too', async () => {
		const missing = await photoRequirements('--json', files.good!, path.join(folder, 'missing.jpg'));
		expect(missing).toMatchObject({code: 2, stdout: ''});
		expect(missing.stderr).toMatch(/no such file or folder: .*missing\.jpg/);
		const none = await photoRequirements(path.join(folder, '*.webp'));
		expect(none.code).toBe(2);
		expect(none.stderr).toMatch(/no file matches the pattern .*\*\.webp/);
	});

	test('a quoted pattern is expanded (as npm scripts and Windows shells leave it); "-" reads a photo from standard input', async () => {
		const result = await photoRequirements('--json', ...noFace, path.join(folder, 'batch/**/*.{jpg,png}'));
		expect(result.code).toBe(0);
		expect((JSON.parse(result.stdout) as Array<{source: string}>).map((report) => report.source)).toEqual([
			path.join(folder, 'batch/a.jpg'),
			path.join(folder, 'batch/nested/b.png'),
		]);
		const piped = await withInput({input: await readFile(files.good!)}, '--json', ...noFace, '-');
		const [report] = JSON.parse(piped.stdout) as Array<{source: string; verdict: string}>;
		expect(report).toMatchObject({source: '(standard input)', verdict: 'accept'});
		expect((await photoRequirements('-', '-')).stderr).toMatch(/"-" \(standard input\) can be given once/);
	});

	test('colour on a terminal: FORCE_COLOR turns it on, NO_COLOR and pipes leave it off; --help lists every exit status', async () => {
		const coloured = await withInput({env: {FORCE_COLOR: '1'}}, ...noFace, files.small!);
		expect(coloured.stdout).toContain('\x1b[31mRETURN: the portal would return this photo\x1b[39m');
		expect(coloured.stdout).toContain('\x1b[31m✗\x1b[39m dimensions');
		const plain = await withInput({env: {NO_COLOR: '1'}}, ...noFace, files.small!);
		expect(plain.stdout).not.toContain('\x1b[');
		const off = await withInput({env: {FORCE_COLOR: '0'}}, ...noFace, files.small!);
		expect(off.stdout).not.toContain('\x1b[');
		const help = await photoRequirements('--help');
		expect(help.stdout).toMatch(
			/Exit status:[\s\S]*2 {2}a usage error[\s\S]*3 {2}an unexpected error[\s\S]*4 {2}no photo would be returned, but one was not fully checked/,
		);
	});

	test('a folder with no image files is a usage error', async () => {
		const empty = await mkdtemp(path.join(tmpdir(), 'photo-requirements-empty-'));
		const result = await photoRequirements(empty);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/no image files found/);
	});
});
