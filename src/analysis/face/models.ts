import {readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {MODEL_NAMES, WEIGHTS_MODEL_NAMES} from './model-files.js';
import {modelsDir} from './paths.js';

interface ModelsManifest {
	files: Array<{file: string; bytes: number; sha256: string}>;
}

/**
 * Checks models/ against models/manifest.json: every listed file present with the listed size.
 * Sizes, not hashes, because hashing 5 MB on every process start is wasted time; a truncated or
 * missing copy is the failure that actually happens (a bad `files` list, a partial install).
 */
export async function verifyModels(dir: string = modelsDir()): Promise<ModelsManifest> {
	const manifestPath = path.join(dir, 'manifest.json');
	let manifest: ModelsManifest;
	try {
		manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as ModelsManifest;
	} catch (error) {
		throw new Error(
			`photo-requirements: face model manifest missing or unreadable: ${manifestPath} (run "npx tsx scripts/copy-models.ts" in a clone of the repository, or reinstall the package)`,
			{cause: error},
		);
	}
	for (const file of [...MODEL_NAMES.map((name) => `${name}.json`), ...WEIGHTS_MODEL_NAMES.map((name) => `${name}-weights_manifest.json`)]) {
		if (!manifest.files.some((f) => f.file === file)) throw new Error(`photo-requirements: ${manifestPath} does not list the face model ${file}`);
	}
	for (const entry of manifest.files) {
		const file = path.join(dir, entry.file);
		const size = await stat(file).then(
			(s) => s.size,
			() => -1,
		);
		if (size < 0) throw new Error(`photo-requirements: face model file missing: ${file}`);
		if (size !== entry.bytes) throw new Error(`photo-requirements: face model file ${file} is ${size} bytes, expected ${entry.bytes}: reinstall the package`);
	}
	return manifest;
}
