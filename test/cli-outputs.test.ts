import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, test} from 'vitest';
import {cliPath, runCli} from './support/cli.js';
import {jpeg, NO_FACE_CHECKS} from './support/images.js';

// --html and --annotate never destroy a person's file: each case runs the real binary in a
// temporary folder and compares the inputs' checksums before and after.

const fast = ['--checks', NO_FACE_CHECKS.join(',')];
let photo: Buffer;

beforeAll(async () => {
	if (!existsSync(cliPath)) throw new Error(`The CLI is not built (${cliPath}): run npm run build, or npm test, which builds first.`);
	photo = await jpeg(715, 1001);
});

async function workspace(files: Record<string, Buffer | string>): Promise<string> {
	const folder = await mkdtemp(path.join(tmpdir(), 'photo-requirements-outputs-'));
	for (const [name, content] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(folder, name)), {recursive: true});
		await writeFile(path.join(folder, name), content);
	}
	return folder;
}

/** Every file under `folder`, relative, with its SHA-256. */
async function checksums(folder: string): Promise<Record<string, string>> {
	const sums: Record<string, string> = {};
	for (const entry of await readdir(folder, {recursive: true, withFileTypes: true})) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath, entry.name);
		sums[path.relative(folder, file)] = createHash('sha256')
			.update(await readFile(file))
			.digest('hex');
	}
	return sums;
}

describe('--html', () => {
	test('a photo given as the report (--html a.jpg b.jpg) is a usage error, and both photos are untouched', async () => {
		const cwd = await workspace({'a.jpg': photo, 'b.jpg': photo});
		const before = await checksums(cwd);
		const run = await runCli(['--html', 'a.jpg', 'b.jpg', ...fast], {cwd});
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('"a.jpg" is the name of an image: it would be written over. Give the report\'s name first, e.g. --html report.html a.jpg');
		expect(run.stdout).toBe('');
		expect(await checksums(cwd)).toEqual(before);
	});

	test('--html with an image and no other path names the mistake, not "no photo given"', async () => {
		const cwd = await workspace({'portrait.jpg': photo});
		const run = await runCli(['--html', 'portrait.jpg'], {cwd});
		expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('"portrait.jpg" is the name of an image')]);
	});

	test('an input given as the report, whatever its extension, is refused', async () => {
		const cwd = await workspace({'photo.html': photo});
		const before = await checksums(cwd);
		const run = await runCli(['--html', 'photo.html', 'photo.html', ...fast], {cwd});
		expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('--html "photo.html" is also a photo to check')]);
		expect(await checksums(cwd)).toEqual(before);
	});

	test('an existing file it did not write is refused unless --force; its own report is written again', async () => {
		const cwd = await workspace({'a.jpg': photo, 'notes.html': '<!doctype html><p>my notes</p>'});
		const before = await checksums(cwd);
		const refused = await runCli(['--html', 'notes.html', 'a.jpg', ...fast], {cwd});
		expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('"notes.html" exists and is not a report photo-requirements wrote')]);
		expect(await checksums(cwd)).toEqual(before);

		const first = await runCli(['--html', 'report.html', 'a.jpg', ...fast], {cwd});
		expect(first.code).toBe(0);
		const again = await runCli(['--html', 'report.html', 'a.jpg', ...fast], {cwd});
		expect(again.code).toBe(0);
		expect(await readFile(path.join(cwd, 'report.html'), 'utf8')).toContain('<meta name="generator" content="photo-requirements">');

		const forced = await runCli(['--html', 'notes.html', '--force', 'a.jpg', ...fast], {cwd});
		expect(forced.code).toBe(0);
		expect(await readFile(path.join(cwd, 'notes.html'), 'utf8')).toContain('a.jpg');
		expect((await checksums(cwd))['a.jpg']).toBe(before['a.jpg']);
	});

	test('a folder as the report, and --force without an output, are usage errors', async () => {
		const cwd = await workspace({'a.jpg': photo, 'out/keep.txt': 'x'});
		expect((await runCli(['--html', 'out', 'a.jpg', ...fast], {cwd})).stderr).toContain('--html "out" is a folder');
		expect((await runCli(['--force', 'a.jpg', ...fast], {cwd})).stderr).toContain('--force lets --html and --annotate write over existing files');
	});
});

describe('--annotate', () => {
	test('--annotate . . is refused: the PNG originals stay', async () => {
		const cwd = await workspace({'a.png': await sharpPng(), 'b.jpg': photo});
		const before = await checksums(cwd);
		const run = await runCli(['--annotate', '.', '.', ...fast], {cwd});
		expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('--annotate "." is also a folder of photos to check')]);
		expect(await checksums(cwd)).toEqual(before);
	});

	test('an output folder inside the input folder is never read as input, on a first run or a second', async () => {
		const cwd = await workspace({'in/a.jpg': photo, 'in/b.png': await sharpPng()});
		const before = await checksums(path.join(cwd, 'in'));
		for (let run = 1; run <= 2; run++) {
			const result = await runCli(['--json', '--annotate', 'in/out', 'in', ...fast], {cwd});
			expect(result.code).toBe(0);
			expect((JSON.parse(result.stdout) as {source: string}[]).map((report) => report.source)).toEqual(['in/a.jpg', 'in/b.png']);
			expect((await readdir(path.join(cwd, 'in/out'))).sort()).toEqual(['a.png', 'b.png']);
		}
		const after = await checksums(path.join(cwd, 'in'));
		expect({a: after['a.jpg'], b: after['b.png']}).toEqual({a: before['a.jpg'], b: before['b.png']});
	});

	test('a PNG it did not make is not written over (exit 2, said on stderr) unless --force; an input never is', async () => {
		const mine = await sharpPng();
		const cwd = await workspace({'a.jpg': photo, 'out/a.png': mine});
		const before = await checksums(cwd);
		const refused = await runCli(['--annotate', 'out', 'a.jpg', ...fast], {cwd});
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('not writing "out/a.png" for a.jpg: a file of that name exists that photo-requirements did not make');
		expect(refused.stdout).toContain('a.jpg');
		expect(await checksums(cwd)).toEqual(before);

		// The PNG is itself a photo to check: --force does not let it be replaced by its own picture.
		const input = await runCli(['--annotate', 'out', '--force', 'out/a.png', ...fast], {cwd});
		expect([input.code, input.stderr]).toEqual([2, expect.stringContaining('not writing "out/a.png" for out/a.png: it is one of the photos to check')]);
		expect(await checksums(cwd)).toEqual(before);

		const forced = await runCli(['--annotate', 'out', '--force', 'a.jpg', ...fast], {cwd});
		expect(forced.code).toBe(0);
		const after = await checksums(cwd);
		expect(after['a.jpg']).toBe(before['a.jpg']);
		expect(after['out/a.png']).not.toBe(before['out/a.png']);
		// Now its own: written again without --force.
		expect((await runCli(['--annotate', 'out', 'a.jpg', ...fast], {cwd})).code).toBe(0);
	});
});

async function sharpPng(): Promise<Buffer> {
	const {default: sharp} = await import('sharp');
	return sharp(photo).png().toBuffer();
}
