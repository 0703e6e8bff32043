import {execFile} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {copyFile, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, test} from 'vitest';
import {repoRoot} from './support/photos.js';

interface PackedFile {
	path: string;
	size: number;
}

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
	engines: {node: string};
	license: string;
	scripts: Record<string, string>;
};

describe('the published package', () => {
	test('holds what a consumer runs and reads, nothing else, within a size bound', async () => {
		// --ignore-scripts: what is packed, without building again (npm test has built).
		const {stdout} = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: repoRoot, maxBuffer: 16 * 1024 * 1024});
		const [packed] = JSON.parse(stdout) as Array<{files: PackedFile[]; size: number; unpackedSize: number; entryCount: number}>;
		const paths = packed!.files.map((file) => file.path);
		for (const needed of [
			'LICENSE',
			'README.md',
			'CHANGELOG.md',
			'package.json',
			'dist/index.js',
			'dist/index.d.ts',
			'dist/cli/main.js',
			'dist/browser/index.js',
			'dist/queue/index.js',
			'dist/server/index.js',
			'models/manifest.json',
		]) {
			expect(paths, needed).toContain(needed);
		}
		// Source maps would point at ../src, which is not shipped; screenshots are for the repository's pages.
		expect(paths.filter((file) => /\.map$|\.png$|\.tgz$/.test(file))).toEqual([]);
		expect(paths.filter((file) => /^(test|fixtures|scripts|bench|eval|examples|scratch-tmp|samples)\//.test(file))).toEqual([]);
		expect(paths.filter((file) => file.startsWith('src/') && !file.endsWith('/README.md'))).toEqual([]);
		// Measured at 5.4 MB packed, 8.7 MB unpacked, 331 files (the models are 5 MB of it).
		expect(packed!.size).toBeLessThan(6_500_000);
		expect(packed!.unpackedSize).toBeLessThan(10_000_000);
		expect(packed!.entryCount).toBeLessThan(400);
	}, 60_000);

	test('declares what it runs on, and runs no script when a consumer installs it', () => {
		// require() of an ES module, which a CommonJS consumer needs, is unflagged from Node 20.19.
		expect(manifest.engines.node).toBe('>=20.19');
		expect(manifest.license).toBe('MIT');
		for (const hook of ['preinstall', 'install', 'postinstall']) expect(manifest.scripts[hook], hook).toBeUndefined();
	});

	test('the packed package.json has no scripts: no prepare (tsx, the dev dependencies) for a consumer', async () => {
		// npm 11 lists a tarball's prepare among the "install scripts not covered by allowScripts" of
		// a consumer's install; prepack strips the scripts from the manifest packed, postpack puts them back.
		expect(manifest.scripts.prepack).toMatch(/&& node scripts\/pack-manifest\.mjs --strip$/);
		expect(manifest.scripts.postpack).toBe('node scripts/pack-manifest.mjs --restore');
		// The real npm pack on a copy of the manifest, its build a no-op (the repository's dist stays as it is).
		const folder = await mkdtemp(path.join(tmpdir(), 'photo-requirements-pack-'));
		try {
			await mkdir(path.join(folder, 'scripts'));
			await copyFile(path.join(repoRoot, 'scripts/pack-manifest.mjs'), path.join(folder, 'scripts/pack-manifest.mjs'));
			const copy = {...manifest, scripts: {...manifest.scripts, build: 'node -e ""'}};
			const text = `${JSON.stringify(copy, null, '\t')}\n`;
			await writeFile(path.join(folder, 'package.json'), text);
			const {stdout} = await promisify(execFile)('npm', ['pack', '--json', '--pack-destination', folder], {cwd: folder, maxBuffer: 16 * 1024 * 1024});
			const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{filename: string}>;
			await promisify(execFile)('tar', ['xzf', packed!.filename, 'package/package.json'], {cwd: folder});
			const published = JSON.parse(await readFile(path.join(folder, 'package/package.json'), 'utf8')) as Record<string, unknown>;
			expect(published.scripts).toBeUndefined();
			expect(published).toMatchObject({name: 'photo-requirements', engines: manifest.engines, bin: {'photo-requirements': './dist/cli/main.js'}});
			// The folder's own package.json is back as it was.
			expect(await readFile(path.join(folder, 'package.json'), 'utf8')).toBe(text);
			expect(existsSync(path.join(folder, '.package.json.before-pack'))).toBe(false);
		} finally {
			await rm(folder, {recursive: true, force: true});
		}
	}, 60_000);
});
