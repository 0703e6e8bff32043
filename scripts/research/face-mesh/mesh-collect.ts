/**
 * Runs the face mesh + iris experiment on every shared photo, for a grid of crop recipes, and
 * writes the measured points (a subset of the 468) with face-api's baseline to scratch/out/results.json.
 *
 *   npx tsx scratch/mesh-collect.ts [--set NAME] [--limit N] [--quick]
 *
 * Photos are read through the library's PhotoFacts (`image`, `faceDetection`, `faces`,
 * `faceFeatures`), so decode, detection and the 68-point baseline are exactly the library's.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {photosDir} from '../../../fixtures/shared-photos.js';
import {PhotoFacts} from '../../../src/analysis/facts.js';
import {findCrown} from '../../../src/analysis/face/crown.js';
import {getFaceEngine} from '../../../src/analysis/face/engine.js';
import {resampleRegion} from '../../../src/analysis/face/raster.js';
import {caPrCard} from '../../../src/profiles/index.js';
import {
import {nodePlatform} from '../../../src/platform/node/index.js';
	blazeFaceKeypoints,
	type CropConfig,
	configName,
	DEFAULT_IRIS,
	type FaceInputs,
	iou,
	loadGraph,
	MESH,
	measureFace,
	meanPt,
	type Pt,
} from './mesh-lib.js';

const {values} = parseArgs({options: {set: {type: 'string'}, limit: {type: 'string'}, quick: {type: 'boolean'}, out: {type: 'string'}, only: {type: 'string', multiple: true}, full: {type: 'boolean'}}});

interface Entry {
	file: string;
	set: string;
	width: number;
	height: number;
	expression?: string;
	landmarks?: {pupilA: Pt; pupilB: Pt; chin: Pt; crown: Pt};
	person?: Record<string, unknown>;
}

/** The recipes tried. */
const configs: CropConfig[] = [];
const SCALES = values.quick ? [1.3, 1.5, 1.7] : [1.1, 1.3, 1.5, 1.7, 1.9];
for (const box of ['tiny', 'blaze'] as const)
	for (const scale of SCALES)
		for (const rot of ['none', 'faceapi', 'blaze'] as const) {
			configs.push({box, scale, rot});
			configs.push({box, scale, rot, refine: 1.5});
		}
// Two refining passes, and iris 3.0 on the refine×1.7 recipe.
for (const box of ['tiny', 'blaze'] as const) configs.push({box, scale: box === 'tiny' ? 1.3 : 1.7, rot: box === 'tiny' ? 'faceapi' : 'blaze', refine: 1.7, passes: 2});
configs.push({box: 'blaze', scale: 1.7, rot: 'blaze', refine: 1.7, iris: {scale: 3.0, rotate: 'eye', flip: 'left'}});
configs.push({box: 'blaze', scale: 1.7, rot: 'blaze', refine: 1.8});
configs.push({box: 'blaze', scale: 1.7, rot: 'blaze', refine: 1.6});
// Refinement scales and iris variants, on two base recipes.
for (const base of [
	{box: 'tiny', scale: 1.3, rot: 'faceapi'},
	{box: 'blaze', scale: 1.5, rot: 'blaze'},
	{box: 'blaze', scale: 1.7, rot: 'blaze'},
] as CropConfig[]) {
	for (const refine of [1.3, 1.7, 1.9]) configs.push({...base, refine});
	for (const iris of [
		{scale: 2.3, rotate: 'eye', flip: 'none'},
		{scale: 2.3, rotate: 'eye', flip: 'both'},
		{scale: 2.3, rotate: 'eye', flip: 'right'},
		{scale: 2.3, rotate: 'face', flip: 'left'},
		{scale: 2.3, rotate: 'none', flip: 'left'},
		{scale: 2.0, rotate: 'eye', flip: 'left'},
		{scale: 2.6, rotate: 'eye', flip: 'left'},
		{scale: 3.0, rotate: 'eye', flip: 'left'},
	] as const)
		configs.push({...base, refine: 1.5, iris});
}

if (values.only) {
	const keep = configs.filter((c) => values.only!.includes(configName(c)));
	if (keep.length !== values.only.length) throw new Error(`unknown recipe in --only; have: ${configs.map(configName).join(' | ')}`);
	configs.splice(0, configs.length, ...keep);
}

/** The mesh points kept per recipe (the smile, chin, crown and pose measures need only these). */
const KEEP = [
	...new Set([
		33, 133, 263, 362, 159, 145, 386, 374, 160, 144, 158, 153, 385, 380, 387, 373, 13, 14, 78, 308, 61, 291, 0, 17, 37, 267, 84, 314, 152, 10, 1, 4, 168, 6,
		234, 454, 132, 361, 58, 288, ...MESH.brows,
	]),
];
if (values.full) KEEP.splice(0, KEEP.length, ...Array.from({length: 468}, (_, i) => i));

const engine = await getFaceEngine();
const tf = engine.tf as any;
const modelsDir = path.join(import.meta.dirname, 'models');
const models = {mesh: await loadGraph(tf, modelsDir, 'facemesh'), iris: await loadGraph(tf, modelsDir, 'iris')};

let entries = JSON.parse(readFileSync(path.join(photosDir, 'manifest.json'), 'utf8')) as Entry[];
if (values.set) entries = entries.filter((e) => e.set === values.set);
if (values.limit) entries = entries.slice(0, Number(values.limit));
console.log(`${entries.length} photos, ${configs.length} recipes; backend ${tf.getBackend()}`);

const round = (v: number) => Math.round(v * 100) / 100;
const rp = (p: Pt): Pt => [round(p[0]), round(p[1])];
const tensorsAtStart = tf.memory().numTensors;
const leaks: string[] = [];
const out: unknown[] = [];
const started = performance.now();
for (const [n, entry] of entries.entries()) {
	const file = path.join(photosDir, entry.file);
	const facts = new PhotoFacts({platform: nodePlatform, input: file, limits: caPrCard.decode});
	const [image, detection, faces] = await Promise.all([facts.get('image'), facts.get('faceDetection'), facts.get('faces')]);
	const features = await facts.peek('faceFeatures');
	const scale = image.scale ?? 1;
	const main = faces.main;
	const tinyBox = detection.faces[0]?.box;
	const blazeAll = await blazeFaceKeypoints(tf, engine.blazeface, image, resampleRegion);
	// The BlazeFace face that is the main face: the best overlap with the main box, else the best score.
	const blaze = tinyBox ? ([...blazeAll].sort((a, b) => iou(b.box, tinyBox) - iou(a.box, tinyBox))[0] ?? undefined) : blazeAll[0];
	const inputs: FaceInputs = {
		...(tinyBox ? {tinyBox} : {}),
		...(blaze ? {blaze} : {}),
		...(main ? {faceapiEyes: {right: main.rightEye, left: main.leftEye}} : {}),
	};
	const toPhoto = (p: Pt): Pt => rp([p[0] * scale, p[1] * scale]);
	const record: Record<string, unknown> = {
		file: entry.file,
		set: entry.set,
		expression: entry.expression,
		person: entry.person,
		landmarks: entry.landmarks,
		height: entry.height,
		width: entry.width,
		imageScale: scale,
		tinyBox,
		blaze: blaze ? {box: blaze.box, score: blaze.score, keypoints: blaze.keypoints.map(toPhoto)} : undefined,
		faceapi: main
			? {
					rightEye: toPhoto(main.rightEye),
					leftEye: toPhoto(main.leftEye),
					chin: toPhoto(main.chin),
					crown: toPhoto(main.crown),
					headHeightRatio: main.headHeightRatio,
					happy: main.expressions?.happy,
					mouthWidth: features?.mouthWidth,
					mouthOpen: features?.mouthOpen,
					cornerLift: features?.cornerLift,
				}
			: undefined,
		recipes: {} as Record<string, unknown>,
	};
	for (const c of configs) {
		const before = tf.memory().numTensors;
		const m = await measureFace(tf, models, image, inputs, c);
		if (tf.memory().numTensors !== before) leaks.push(`${entry.file} ${configName(c)}: ${before} → ${tf.memory().numTensors}`);
		if (!m) continue;
		const pts = m.mesh.points;
		const points: Record<number, Pt> = {};
		for (const i of KEEP) points[i] = toPhoto(pts[i]!);
		const noseTip = pts[MESH.noseTip]!;
		const browTop = Math.min(...MESH.brows.map((i) => pts[i]![1]));
		const rightIris = m.iris.right.points[71]!;
		const leftIris = m.iris.left.points[71]!;
		const chin = pts[MESH.chin]!;
		const crown = findCrown(image, {rightEye: rightIris, leftEye: leftIris, chin, noseTip, browTop});
		(record.recipes as Record<string, unknown>)[configName(c)] = {
			faceflag: round(m.mesh.faceflag * 1000) / 1000,
			points,
			...(values.full ? {z: m.mesh.z.map((v) => round(v * scale))} : {}),
			iris: {
				right: toPhoto(rightIris),
				left: toPhoto(leftIris),
				rightEdges: toPhoto(meanPt(m.iris.right.points.slice(71, 76))),
				leftEdges: toPhoto(meanPt(m.iris.left.points.slice(71, 76))),
				rightContour: toPhoto(meanPt(m.iris.right.points.slice(0, 16))),
				leftContour: toPhoto(meanPt(m.iris.left.points.slice(0, 16))),
				// Iris radius: mean distance of the 4 edge points from the centre (image px).
				rightRadius: round(m.iris.right.points.slice(72, 76).reduce((s, p) => s + Math.hypot(p[0] - rightIris[0], p[1] - rightIris[1]), 0) / 4 * scale),
				leftRadius: round(m.iris.left.points.slice(72, 76).reduce((s, p) => s + Math.hypot(p[0] - leftIris[0], p[1] - leftIris[1]), 0) / 4 * scale),
			},
			meshEyes: {right: toPhoto(meanPt(MESH.rightEyeContour.map((i) => pts[i]!))), left: toPhoto(meanPt(MESH.leftEyeContour.map((i) => pts[i]!)))},
			crown: {point: toPhoto(crown.point), method: crown.method, hairTop: crown.hairTop === undefined ? undefined : round(crown.hairTop * scale)},
			ms: {meshCrop: round(m.ms.meshCrop), mesh: round(m.ms.mesh), irisCrop: round(m.ms.irisCrop), iris: round(m.ms.iris)},
		};
	}
	out.push(record);
	if (n % 10 === 0) console.log(`${n + 1}/${entries.length} ${entry.file} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
const outDir = path.join(import.meta.dirname, 'out');
mkdirSync(outDir, {recursive: true});
const outFile = values.out ?? path.join(outDir, 'results.json');
writeFileSync(outFile, JSON.stringify({configs: configs.map(configName), defaultIris: DEFAULT_IRIS, photos: out}));
console.log(`tensors: ${tensorsAtStart} at start, ${tf.memory().numTensors} at end; ${leaks.length} recipe runs changed the count`);
for (const l of leaks.slice(0, 10)) console.log(`  leak: ${l}`);
console.log(`wrote ${outFile}`);
