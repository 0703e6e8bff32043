import {readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import type * as FaceApi from '@vladmandic/face-api';
import {MODEL_NAMES} from './model-files.js';
import {modelsDir} from './paths.js';

type Tf = typeof FaceApi.tf;
type WeightSpec = Parameters<Tf['io']['decodeWeights']>[1][number];
interface WeightsGroup {
	paths: string[];
	weights: WeightSpec[];
}
interface ModelsManifest {
	files: Array<{file: string; bytes: number; sha256: string}>;
}

/**
 * Checks models/ against models/manifest.json: every listed file present with the listed size.
 * Sizes, not hashes, because hashing 6 MB on every process start is wasted time; a truncated or
 * missing copy is the failure that actually happens (a bad `files` list, a partial install).
 */
export async function verifyModels(dir: string = modelsDir()): Promise<ModelsManifest> {
	const manifestPath = path.join(dir, 'manifest.json');
	let manifest: ModelsManifest;
	try {
		manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as ModelsManifest;
	} catch (error) {
		throw new Error(`photo-requirements: face model manifest missing or unreadable: ${manifestPath} (run "npx tsx scripts/copy-models.ts")`, {cause: error});
	}
	for (const name of MODEL_NAMES) {
		if (!manifest.files.some((f) => f.file === `${name}-weights_manifest.json`)) {
			throw new Error(`photo-requirements: ${manifestPath} does not list the face model ${name}-weights_manifest.json`);
		}
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

/**
 * Reads one model's weights from disk and decodes them into tensors. Done by hand instead of
 * face-api's loadFromDisk so nothing depends on its fetch/fs environment shims.
 */
export async function loadWeightMap(tf: Tf, name: string, dir: string = modelsDir()): Promise<FaceApi.tf.NamedTensorMap> {
	const groups = JSON.parse(await readFile(path.join(dir, `${name}-weights_manifest.json`), 'utf8')) as WeightsGroup[];
	const map: FaceApi.tf.NamedTensorMap = {};
	for (const group of groups) {
		const shards = await Promise.all(group.paths.map((p) => readFile(path.join(dir, p))));
		const joined = Buffer.concat(shards);
		// A fresh ArrayBuffer of exactly the shard bytes (Buffer.concat may hand back a pooled slice).
		const buffer = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength);
		Object.assign(map, tf.io.decodeWeights(buffer, group.weights));
	}
	return map;
}
