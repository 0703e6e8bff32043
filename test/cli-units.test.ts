import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {EXIT, ExitTally} from '../src/cli/exit-status.js';
import {OrderedWriter} from '../src/cli/ordered-writer.js';
import {ProgressBar} from '../src/cli/progress.js';
import {walkPaths} from '../src/cli/walk.js';
import {validatePhoto} from '../src/index.js';
import {displayPath} from '../src/input/read.js';
import {INTERNAL_ERROR_MESSAGE} from '../src/pipeline/run-check.js';
import type {PhotoReport} from '../src/report/schema.js';
import {jpeg} from './support/images.js';

function fakeStream(isTTY: boolean): NodeJS.WriteStream & {output: string} {
	const stream = {
		isTTY,
		columns: 80,
		output: '',
		write(chunk: string) {
			stream.output += chunk;
			return true;
		},
	};
	return stream as unknown as NodeJS.WriteStream & {output: string};
}

describe('the progress bar', () => {
	test('draws on a terminal once there is more than one photo, and clears itself', () => {
		const stream = fakeStream(true);
		const bar = new ProgressBar(stream);
		bar.setTotal(3);
		bar.tick();
		bar.tick();
		bar.tick();
		expect(stream.output).toMatch(/\[#+\s*\] 3\/3/);
		bar.clear();
		expect(stream.output.endsWith('\r\u001B[2K')).toBe(true);
	});

	test('draws nothing for a single photo, or when stderr is not a terminal', () => {
		const single = fakeStream(true);
		const one = new ProgressBar(single);
		one.setTotal(1);
		one.tick();
		one.clear();
		expect(single.output).toBe('');
		const piped = fakeStream(false);
		const many = new ProgressBar(piped);
		many.setTotal(5);
		for (let index = 0; index < 5; index++) many.tick();
		expect(piped.output).toBe('');
	});
});

describe('the ordered writer', () => {
	test('writes in input order as soon as each item and those before it are done, holding only the gaps', async () => {
		const written: string[] = [];
		const writer = new OrderedWriter<string>(async (item) => {
			written.push(item);
		});
		await writer.add(2, 'c');
		await writer.add(1, 'b');
		expect(written).toEqual([]);
		await writer.add(0, 'a');
		expect(written).toEqual(['a', 'b', 'c']);
		await writer.add(4, 'e');
		await writer.add(3, 'd');
		expect(written).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(writer.written).toBe(5);
	});
});

describe('walking folders', () => {
	test('symbolic links count as what they point to; a link back up the tree is walked once', async () => {
		const root = await mkdtemp(path.join(tmpdir(), 'walk-'));
		try {
			await mkdir(path.join(root, 'a'));
			await writeFile(path.join(root, 'a', 'one.jpg'), 'x');
			await writeFile(path.join(root, 'elsewhere.png'), 'x');
			await mkdir(path.join(root, 'b'));
			await symlink(path.join(root, 'elsewhere.png'), path.join(root, 'b', 'linked.png'));
			await symlink(root, path.join(root, 'b', 'loop'));
			await symlink(path.join(root, 'missing.jpg'), path.join(root, 'b', 'dangling.jpg'));
			const found = [];
			for await (const file of walkPaths([path.join(root, 'b')])) found.push(path.relative(root, typeof file === 'string' ? file : displayPath(file.path)));
			expect(found.sort()).toEqual(['b/dangling.jpg', 'b/linked.png', 'b/loop/a/one.jpg', 'b/loop/elsewhere.png'].sort());
		} finally {
			await rm(root, {recursive: true, force: true});
		}
	});

	test('a file whose name is not valid UTF-8 is found and read by its raw bytes, and named readably', async () => {
		const root = await mkdtemp(path.join(tmpdir(), 'walk-'));
		try {
			// "café.jpg" in Latin-1: the é is byte E9, which no UTF-8 string can hold.
			const name = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('.jpg')]);
			await writeFile(Buffer.concat([Buffer.from(`${root}/`), name]), await jpeg(715, 1001));
			const found = [];
			for await (const file of walkPaths([root])) found.push(file);
			expect(found).toHaveLength(1);
			const [file] = found;
			expect(typeof file).toBe('object');
			const report = await validatePhoto(file!, {checks: ['file-format', 'file-size']});
			expect(report.checks.map((check) => check.status)).toEqual(['pass', 'pass']);
			expect(report.source).toBe(`${root}/caf\ufffd.jpg`);
		} finally {
			await rm(root, {recursive: true, force: true});
		}
	});

	test('each folder in name order, files before subfolders, whatever order the file system keeps', async () => {
		const root = await mkdtemp(path.join(tmpdir(), 'walk-'));
		try {
			const names = ['zeta.jpg', 'b/2.jpg', 'alpha.png', 'a/z.jpg', 'Mid.jpg', 'b/1.jpg', 'a/y.jpg', 'beta.jpg', '10.jpg', '9.jpg'];
			for (const name of names) {
				await mkdir(path.dirname(path.join(root, name)), {recursive: true});
				await writeFile(path.join(root, name), 'x');
			}
			const found: string[] = [];
			for await (const file of walkPaths([root])) found.push(path.relative(root, file as string));
			expect(found).toEqual(['10.jpg', '9.jpg', 'Mid.jpg', 'alpha.png', 'beta.jpg', 'zeta.jpg', 'a/y.jpg', 'a/z.jpg', 'b/1.jpg', 'b/2.jpg']);
		} finally {
			await rm(root, {recursive: true, force: true});
		}
	});
});

describe('the exit status', () => {
	const report = (verdict: PhotoReport['verdict'], ...messages: string[]) =>
		({verdict, checks: messages.map((message, index) => ({id: `check-${index}`, status: 'warn', message}))}) as unknown as PhotoReport;
	const statusOf = (strict: boolean, ...reports: PhotoReport[]) => {
		const tally = new ExitTally(strict);
		for (const each of reports) tally.add(each);
		return tally.status;
	};
	const stopped = report('review', 'Not checked: validating this photo took longer than 1 ms from its start and was stopped; check it again on its own.');
	const crashed = report('review', `${INTERNAL_ERROR_MESSAGE} (x is undefined); please report it with the photo.`);

	test('4 for a photo not fully checked, with or without --strict; 1 comes first', () => {
		expect(statusOf(false, report('accept'), report('review', 'A warning.'))).toBe(EXIT.ok);
		expect(statusOf(true, report('review', 'A warning.'))).toBe(EXIT.returned);
		for (const strict of [false, true]) {
			expect(statusOf(strict, report('accept'), stopped)).toBe(EXIT.notChecked);
			expect(statusOf(strict, crashed)).toBe(EXIT.notChecked);
			expect(statusOf(strict, stopped, report('return', 'Not checked: stopped.'))).toBe(EXIT.returned);
		}
		expect(statusOf(true, stopped, report('review', 'A warning.'))).toBe(EXIT.returned);
		const tally = new ExitTally(false);
		tally.add(report('accept'));
		expect(tally.notice).toBeUndefined();
		tally.add(stopped);
		tally.add(crashed);
		expect(tally.notice).toMatch(/^photo-requirements: 2 photos not fully checked/);
	});
});
