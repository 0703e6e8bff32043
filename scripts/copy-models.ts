/**
 * Copies the face-api weights the face engine uses from node_modules into models/, with the
 * face-api licence, and writes models/manifest.json (file, bytes, sha256) that the engine checks
 * at load. Run with `npx tsx scripts/copy-models.ts` after upgrading @vladmandic/face-api.
 */
import {createHash} from 'node:crypto';
import {copyFile, mkdir, readFile, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {MODEL_NAMES} from '../src/analysis/face/model-files.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const faceApiRoot = path.dirname(require.resolve('@vladmandic/face-api/package.json'));
const sourceDir = path.join(faceApiRoot, 'model');
const targetDir = path.join(repoRoot, 'models');

interface ManifestEntry {
	file: string;
	bytes: number;
	sha256: string;
}

async function copyOne(file: string): Promise<ManifestEntry> {
	const from = path.join(sourceDir, file);
	await copyFile(from, path.join(targetDir, file));
	const bytes = await readFile(from);
	return {file, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex')};
}

async function main(): Promise<void> {
	await mkdir(targetDir, {recursive: true});
	const files: ManifestEntry[] = [];
	for (const name of MODEL_NAMES) {
		// Each model is a weights manifest plus the .bin shard(s) it names.
		const manifestFile = `${name}-weights_manifest.json`;
		files.push(await copyOne(manifestFile));
		const groups = JSON.parse(await readFile(path.join(sourceDir, manifestFile), 'utf8')) as Array<{paths: string[]}>;
		for (const shard of groups.flatMap((g) => g.paths)) files.push(await copyOne(shard));
	}
	const faceApiVersion = (JSON.parse(await readFile(path.join(faceApiRoot, 'package.json'), 'utf8')) as {version: string}).version;
	// Entries with a source of their own (scripts/copy-mediapipe-models.ts) are kept.
	const previous = JSON.parse(await readFile(path.join(targetDir, 'manifest.json'), 'utf8').catch(() => '{"files": []}')) as {
		files: Array<ManifestEntry & {source?: string}>;
	};
	const others = previous.files.filter((entry) => entry.source !== undefined);
	const manifest = {source: `@vladmandic/face-api@${faceApiVersion}/model`, licence: 'MIT (see LICENSE)', files: [...files, ...others]};
	await writeFile(path.join(targetDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	await copyFile(path.join(faceApiRoot, 'LICENSE'), path.join(targetDir, 'LICENSE'));
	for (const f of files) console.log(`${f.file.padEnd(48)} ${String(f.bytes).padStart(9)}  ${f.sha256}`);
	console.log(`wrote ${path.relative(repoRoot, path.join(targetDir, 'manifest.json'))} (${files.length} files)`);
}

await main();
