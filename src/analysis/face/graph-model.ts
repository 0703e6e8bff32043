import type {GraphModel} from '@tensorflow/tfjs-converter';
import type {ModelSource} from '../../platform/types.js';
import type {Tf} from './tf.js';

type Converter = typeof import('@tensorflow/tfjs-converter');

interface ModelJson {
	modelTopology: unknown;
	weightsManifest: Array<{paths: string[]; weights: unknown[]}>;
}

/**
 * Loads the TensorFlow.js graph model `name` (`<name>.json` + its weight shards) from `models`
 * through tf.io's in-memory handler: read by us, never fetched by tfjs from a URL of its choosing.
 */
export async function loadGraph(tf: Tf, converter: Converter, models: ModelSource, name: string): Promise<GraphModel> {
	const json = JSON.parse(await models.text(`${name}.json`)) as ModelJson;
	const weightData = await models.bytes(json.weightsManifest.flatMap((group) => group.paths));
	const handler = tf.io.fromMemory({
		modelTopology: json.modelTopology as object,
		weightSpecs: json.weightsManifest.flatMap((group) => group.weights) as Parameters<Tf['io']['fromMemory']>[0] extends {weightSpecs?: infer W} ? W : never,
		weightData,
	});
	return converter.loadGraphModel(handler);
}
