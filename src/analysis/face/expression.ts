/**
 * face-api's expression net (@vladmandic/face-api 1.7.15, MIT), its layers built here on tfjs-core
 * from its published weights: four dense blocks of separable convolutions on a 112 × 112 face crop,
 * a 7 × 7 average pool and a fully connected layer to seven expression probabilities. The same
 * arithmetic as face-api's FaceExpressionNet (src/faceExpressionNet, src/faceFeatureExtractor),
 * without the library around it (its bundled TensorFlow.js, its detectors).
 */
import type {ModelSource} from '../../platform/types.js';
import type {Tensor, Tf} from './tf.js';

export const EXPRESSION_INPUT = 112;
/** The order of the net's outputs. */
export const EXPRESSIONS = ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'] as const;
/** face-api's input normalisation: the training set's mean RGB, subtracted, then / 255. */
const MEAN_RGB = [122.782, 117.001, 104.298] as const;

type Weights = Record<string, Tensor>;
type Tensor4D = import('@tensorflow/tfjs-core').Tensor4D;
type Tensor2D = import('@tensorflow/tfjs-core').Tensor2D;

export interface ExpressionNet {
	readonly weights: Weights;
}

/** Reads `<name>-weights_manifest.json` and its shards from `models` and decodes them to tensors. */
export async function loadExpressionNet(tf: Tf, models: ModelSource, name = 'face_expression_model'): Promise<ExpressionNet> {
	const groups = JSON.parse(await models.text(`${name}-weights_manifest.json`)) as Array<{
		paths: string[];
		weights: Parameters<Tf['io']['decodeWeights']>[1];
	}>;
	const weights: Weights = {};
	for (const group of groups) Object.assign(weights, tf.io.decodeWeights(await models.bytes(group.paths), group.weights));
	return {weights};
}

/** The seven expression probabilities of the face in `pixels` (112 × 112 RGB, 0–255). Tensors disposed. */
export async function predictExpressions(tf: Tf, net: ExpressionNet, pixels: Float32Array): Promise<Record<(typeof EXPRESSIONS)[number], number>> {
	const w = (key: string): Tensor => {
		const tensor = net.weights[key];
		if (!tensor) throw new Error(`photo-requirements: the expression model has no weight ${key}`);
		return tensor;
	};
	const separable = (x: Tensor4D, block: string, stride: 1 | 2): Tensor4D =>
		tf.add(tf.separableConv2d(x, w(`${block}/depthwise_filter`) as Tensor4D, w(`${block}/pointwise_filter`) as Tensor4D, stride, 'same'), w(`${block}/bias`));
	const denseBlock = (x: Tensor4D, block: string, first: boolean): Tensor4D => {
		const out1 = tf.relu(
			first ? tf.add(tf.conv2d(x, w(`${block}/conv0/filters`) as Tensor4D, 2, 'same'), w(`${block}/conv0/bias`)) : separable(x, `${block}/conv0`, 2),
		) as Tensor4D;
		const out2 = separable(out1, `${block}/conv1`, 1);
		const in3 = tf.relu(tf.add(out1, out2)) as Tensor4D;
		const out3 = separable(in3, `${block}/conv2`, 1);
		const in4 = tf.relu(tf.add(out1, tf.add(out2, out3))) as Tensor4D;
		const out4 = separable(in4, `${block}/conv3`, 1);
		return tf.relu(tf.add(out1, tf.add(out2, tf.add(out3, out4)))) as Tensor4D;
	};
	const probabilities = tf.tidy(() => {
		const input = tf.tensor4d(pixels, [1, EXPRESSION_INPUT, EXPRESSION_INPUT, 3], 'float32');
		const normalised = tf.div(tf.sub(input, tf.tensor1d(MEAN_RGB as unknown as number[])), 255) as Tensor4D;
		let x = denseBlock(normalised, 'dense0', true);
		x = denseBlock(x, 'dense1', false);
		x = denseBlock(x, 'dense2', false);
		x = denseBlock(x, 'dense3', false);
		const pooled = tf.avgPool(x, [7, 7], [2, 2], 'valid');
		const logits = tf.add(tf.matMul(tf.reshape(pooled, [1, -1]) as Tensor2D, w('fc/weights') as Tensor2D), w('fc/bias'));
		return tf.softmax(logits as Tensor2D);
	});
	try {
		const values = (await probabilities.data()) as Float32Array;
		return Object.fromEntries(EXPRESSIONS.map((name, index) => [name, values[index] ?? 0])) as Record<(typeof EXPRESSIONS)[number], number>;
	} finally {
		probabilities.dispose();
	}
}
