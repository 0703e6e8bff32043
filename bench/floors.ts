/**
 * What no change to the pipeline around them can go under on this stack, for bench/main.ts to run
 * in a child process (one core when pinned):
 *   tsx bench/floors.ts --part nets     the face networks alone: each model's execute and read-back
 *                                       on an input of its own size (no crops, no decoding)
 *   tsx bench/floors.ts --part decode   a process that only decodes the photo as validatePhoto
 *                                       does (sharp, 1/2 scale), 40 times: its peak RSS
 * Prints one JSON line.
 */
import {parseArgs} from 'node:util';
import {getFaceEngine} from '../src/analysis/face/engine.js';
import {EXPRESSION_INPUT, predictExpressions} from '../src/analysis/face/expression.js';
import {IRIS_INPUT, MESH_INPUT} from '../src/analysis/face/mesh.js';
import type {Tensor} from '../src/analysis/face/tf.js';
import {analysisScale} from '../src/input/decode.js';
import {decodeRgb, readHeader} from '../src/platform/node/decode.js';
import {diskModelSource} from '../src/platform/node/models.js';
import {caPrCard} from '../src/profiles/index.js';
import {benchmarkJpeg} from './photo.js';
import {median} from './stats.js';

const {values} = parseArgs({options: {part: {type: 'string', default: 'nets'}, runs: {type: 'string', default: '30'}}});
const runs = Number(values.runs);

if (values.part === 'decode') {
	const photo = await benchmarkJpeg();
	const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
	const header = await readHeader(photo, 'jpeg');
	for (let index = 0; index < 40; index++) await decodeRgb(photo, header, caPrCard.decode, analysisScale(header));
	console.log(JSON.stringify({peakRssMb: process.resourceUsage().maxRSS / 1024, rssBeforeMb}));
} else {
	const engine = await getFaceEngine(diskModelSource());
	const {tf} = engine;
	// A fixed pattern, not zeros: the kernels' cost does not depend on the values, but a constant
	// input could let a backend skip work.
	const input = (shape: [number, number, number, number]): Tensor =>
		tf.tensor4d(
			Float32Array.from({length: shape.reduce((a, b) => a * b, 1)}, (_, i) => ((i * 7919) % 255) / 127.5 - 1),
			shape,
		);
	const time = async (model: {execute(x: Tensor): Tensor | Tensor[]}, shape: [number, number, number, number]): Promise<number> => {
		const x = input(shape);
		const times: number[] = [];
		for (let index = 0; index < runs + 3; index++) {
			const started = performance.now();
			const out = model.execute(x);
			const outputs = Array.isArray(out) ? out : [out];
			await Promise.all(outputs.map((tensor) => tensor.data()));
			times.push(performance.now() - started);
			for (const tensor of outputs) tensor.dispose();
		}
		x.dispose();
		return median(times.slice(3));
	};
	const expressionTimes: number[] = [];
	const pixels = Float32Array.from({length: EXPRESSION_INPUT * EXPRESSION_INPUT * 3}, (_, i) => (i * 7919) % 255);
	for (let index = 0; index < runs + 3; index++) {
		const started = performance.now();
		await predictExpressions(tf, engine.expression, pixels);
		expressionTimes.push(performance.now() - started);
	}
	const nets = {
		blazeface: await time(engine.blazeface, [1, 256, 256, 3]),
		// The mesh runs twice a photo (the detector's frame, then its own), the iris once on both eyes.
		mesh: await time(engine.mesh, [1, MESH_INPUT, MESH_INPUT, 3]),
		iris: await time(engine.iris, [2, IRIS_INPUT, IRIS_INPUT, 3]),
		expression: median(expressionTimes.slice(3)),
	};
	// The wasm backend's linear memory: weights and activations, which a wasm heap never gives back.
	const heap = (tf.backend() as unknown as {wasm?: {HEAPU8?: Uint8Array}}).wasm?.HEAPU8?.byteLength ?? 0;
	console.log(JSON.stringify({...nets, perPhoto: nets.blazeface + 2 * nets.mesh + nets.iris + nets.expression, wasmHeapMb: heap / 1024 / 1024}));
}
