import {readFile, stat} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import {MODEL_NAMES, WEIGHTS_MODEL_NAMES} from '../../analysis/face/model-files.js';
import type {ModelSource} from '../types.js';
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

/** The files (weight shards) of `dir`, joined into one ArrayBuffer of exactly their bytes. */
export async function readShards(dir: string, paths: readonly string[]): Promise<ArrayBuffer> {
	const joined = Buffer.concat(await Promise.all(paths.map((file) => readFile(path.join(dir, file)))));
	// A fresh ArrayBuffer (Buffer.concat may hand back a slice of a pooled one).
	return joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength) as ArrayBuffer;
}

const require = createRequire(import.meta.url);

/** The package's models/ folder, and the wasm backend's files from its installed package. */
export function diskModelSource(dir: string = modelsDir()): ModelSource {
	return {
		location: dir,
		verify: async () => {
			await verifyModels(dir);
		},
		text: (file) => readFile(path.join(dir, file), 'utf8'),
		bytes: (files) => readShards(dir, files),
		// A directory path (with trailing separator) makes emscripten read the .wasm from disk:
		// never the CDN that the browser build would default to.
		wasmPrefix: () => path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + path.sep,
	};
}
