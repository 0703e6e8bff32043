/**
 * Times the face mesh and the iris model per face (wasm backend, single thread in Node) and checks
 * that no tensor outlives a call.
 *
 *   npx tsx scratch/mesh-timing.ts [--box blaze] [--scale 1.5] [--rot blaze] [--refine 1.5] [--repeat 5] [--limit N]
 *
 * Per photo the recipe runs `repeat` times; each stage's time is the model's execute() plus
 * reading its output (data()), the crop (resampling + /255) timed apart. Prints median, p90 and min
 * over every run, and also the iris model run on one eye at a time.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {photosDir} from '../../../fixtures/shared-photos.js';
import {PhotoFacts} from '../../../src/analysis/facts.js';
import {getFaceEngine} from '../../../src/analysis/face/engine.js';
import {resampleRegion} from '../../../src/analysis/face/raster.js';
import {caPrCard} from '../../../src/profiles/index.js';
import {blazeFaceKeypoints, type CropConfig, configName, type FaceInputs, IRIS_INPUT, iou, loadGraph, measureFace} from './mesh-lib.js';
import {nodePlatform} from '../../../src/platform/node/index.js';

const {values} = parseArgs({
	options: {
		box: {type: 'string'},
		scale: {type: 'string'},
		rot: {type: 'string'},
		refine: {type: 'string'},
		repeat: {type: 'string'},
		limit: {type: 'string'},
	},
});
const recipe: CropConfig = {
	box: (values.box ?? 'blaze') as CropConfig['box'],
	scale: Number(values.scale ?? 1.5),
	rot: (values.rot ?? 'blaze') as CropConfig['rot'],
	...(values.refine && values.refine !== '0' ? {refine: Number(values.refine)} : {}),
};
const repeat = Number(values.repeat ?? 5);

const engine = await getFaceEngine();
const tf = engine.tf as any;
const dir = path.join(import.meta.dirname, 'models');
const models = {mesh: await loadGraph(tf, dir, 'facemesh'), iris: await loadGraph(tf, dir, 'iris')};
console.log(
	`backend ${tf.getBackend()}, threads supported: ${await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')}, simd: ${await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')}; recipe ${configName(recipe)}, ${repeat} runs per photo`,
);

// Warm-up (first execution compiles and allocates).
{
	const z = tf.zeros([1, 192, 192, 3]);
	const outs = models.mesh.execute(z);
	await Promise.all(outs.map((t: any) => t.data()));
	for (const t of outs) t.dispose();
	z.dispose();
	const e = tf.zeros([2, 64, 64, 3]);
	const o = models.iris.execute(e);
	await o.data();
	o.dispose();
	e.dispose();
}

let entries = JSON.parse(readFileSync(path.join(photosDir, 'manifest.json'), 'utf8')) as Array<{file: string}>;
if (values.limit) entries = entries.slice(0, Number(values.limit));
const t = {meshCrop: [] as number[], mesh: [] as number[], irisCrop: [] as number[], iris: [] as number[], iris1: [] as number[], total: [] as number[]};
const before = tf.memory().numTensors;
const perCall: number[] = [];
for (const entry of entries) {
	const facts = new PhotoFacts({platform: nodePlatform, input: path.join(photosDir, entry.file), limits: caPrCard.decode});
	const [image, detection, faces] = await Promise.all([facts.get('image'), facts.get('faceDetection'), facts.get('faces')]);
	const tinyBox = detection.faces[0]?.box;
	const all = await blazeFaceKeypoints(tf, engine.blazeface, image, resampleRegion);
	const blaze = tinyBox ? [...all].sort((a, b) => iou(b.box, tinyBox) - iou(a.box, tinyBox))[0] : all[0];
	const inputs: FaceInputs = {
		...(tinyBox ? {tinyBox} : {}),
		...(blaze ? {blaze} : {}),
		...(faces.main ? {faceapiEyes: {right: faces.main.rightEye, left: faces.main.leftEye}} : {}),
	};
	for (let r = 0; r < repeat; r++) {
		const n0 = tf.memory().numTensors;
		const t0 = performance.now();
		const m = await measureFace(tf, models, image, inputs, recipe);
		const total = performance.now() - t0;
		perCall.push(tf.memory().numTensors - n0);
		if (!m) break;
		t.meshCrop.push(m.ms.meshCrop);
		t.mesh.push(m.ms.mesh);
		t.irisCrop.push(m.ms.irisCrop);
		t.iris.push(m.ms.iris);
		t.total.push(total);
		// The iris model on one eye (batch 1).
		const one = tf.zeros([1, IRIS_INPUT, IRIS_INPUT, 3]);
		const t1 = performance.now();
		const o = models.iris.execute(one);
		await o.data();
		t.iris1.push(performance.now() - t1);
		o.dispose();
		one.dispose();
	}
}
const after = tf.memory().numTensors;
const quant = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(p * (a.length - 1) + 0.5))]!;
for (const [k, v] of Object.entries(t)) {
	console.log(`${k.padEnd(9)} n=${v.length}  median ${quant(v, 0.5).toFixed(1)} ms  p90 ${quant(v, 0.9).toFixed(1)} ms  min ${Math.min(...v).toFixed(1)} ms`);
}
console.log(
	`tensors: ${before} before, ${after} after ${perCall.length} calls (per-call change: min ${Math.min(...perCall)}, max ${Math.max(...perCall)}); tf.memory() ${JSON.stringify(tf.memory())}`,
);
console.log(`load average at end: ${(await import('node:os')).loadavg().map((v) => v.toFixed(2)).join(' ')}`);
