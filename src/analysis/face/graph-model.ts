import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {GraphModel} from '@tensorflow/tfjs-converter';
import type {Tf} from './tf.js';

type Converter = typeof import('@tensorflow/tfjs-converter');

interface ModelJson {
	modelTopology: unknown;
	weightsManifest: Array<{paths: string[]; weights: unknown[]}>;
}

/** The weight shards `paths` of `dir`, joined into one ArrayBuffer of exactly their bytes. */
export async function readShards(dir: string, paths: readonly string[]): Promise<ArrayBuffer> {
	const joined = Buffer.concat(await Promise.all(paths.map((file) => readFile(path.join(dir, file)))));
	// A fresh ArrayBuffer (Buffer.concat may hand back a slice of a pooled one).
	return joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength) as ArrayBuffer;
}

/**
 * Loads the TensorFlow.js graph model `name` (`<name>.json` + its weight shards) from `dir` through
 * tf.io's in-memory handler: read from disk by us, never fetched by tfjs from a URL.
 */
export async function loadGraph(tf: Tf, converter: Converter, dir: string, name: string): Promise<GraphModel> {
	const json = JSON.parse(await readFile(path.join(dir, `${name}.json`), 'utf8')) as ModelJson;
	const weightData = await readShards(
		dir,
		json.weightsManifest.flatMap((group) => group.paths),
	);
	const handler = tf.io.fromMemory({
		modelTopology: json.modelTopology as object,
		weightSpecs: json.weightsManifest.flatMap((group) => group.weights) as Parameters<Tf['io']['fromMemory']>[0] extends {weightSpecs?: infer W} ? W : never,
		weightData,
	});
	return converter.loadGraphModel(handler);
}
