import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type * as FaceApi from '@vladmandic/face-api';
import type {RgbImage} from '../../input/image.js';
import {clipBox, iou} from './boxes.js';
import {modelsDir} from './paths.js';
import {resampleRegion} from './raster.js';
import type {DetectedFace, FaceBox} from './types.js';

type Tf = typeof FaceApi.tf;
type GraphModel = {execute(input: unknown): unknown; dispose(): void};

/** MediaPipe BlazeFace, full range: a 256 × 256 input and 896 anchors (16 × 16 cells of 2, 8 × 8 cells of 6). */
const INPUT = 256;
const ANCHORS = anchorCentres();
/** Overlapping boxes (IoU above this) are one face. */
const SAME_FACE_IOU = 0.3;
/** Candidates below this score are not faces worth reporting at all (the count's own limit is the profile's). */
export const BLAZEFACE_FLOOR = 0.3;

function anchorCentres(): Float32Array {
	const centres: number[] = [];
	for (const [stride, perCell] of [
		[16, 2],
		[32, 6],
	] as const) {
		const cells = INPUT / stride;
		for (let y = 0; y < cells; y++) {
			for (let x = 0; x < cells; x++) {
				for (let k = 0; k < perCell; k++) centres.push((x + 0.5) * stride, (y + 0.5) * stride);
			}
		}
	}
	return Float32Array.from(centres);
}

/** Loads the graph model from models/ (never the network), through tf.io's in-memory handler. */
export async function loadBlazeFace(tf: Tf, dir: string = modelsDir()): Promise<GraphModel> {
	const json = JSON.parse(await readFile(path.join(dir, 'blazeface.json'), 'utf8')) as {
		modelTopology: unknown;
		weightsManifest: Array<{paths: string[]; weights: unknown[]}>;
	};
	const shards = await Promise.all(json.weightsManifest.flatMap((group) => group.paths).map((file) => readFile(path.join(dir, file))));
	const joined = Buffer.concat(shards);
	const weightData = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength);
	const io = (tf as unknown as {io: {fromMemory(artifacts: unknown): unknown}}).io;
	const handler = io.fromMemory({modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((group) => group.weights), weightData});
	const loadGraphModel = (tf as unknown as {loadGraphModel(handler: unknown): Promise<GraphModel>}).loadGraphModel;
	return loadGraphModel(handler);
}

/**
 * Every face BlazeFace finds in `image`, padded to a square and resized to 256 (a face a twelfth of
 * a 5:7 photo's width is then about 15 px), in `image`'s pixels, best score first. Tensors disposed.
 */
export async function detectAllFaces(tf: Tf, model: GraphModel, image: RgbImage): Promise<DetectedFace[]> {
	const side = Math.max(image.width, image.height);
	// Centre the photo on a square (its edge pixels repeated) so that no face is squashed.
	const left = Math.floor((side - image.width) / 2);
	const top = Math.floor((side - image.height) / 2);
	const pixels = resampleRegion(image, {x: -left, y: -top, width: side, height: side}, INPUT, INPUT);
	for (let index = 0; index < pixels.length; index++) pixels[index] = pixels[index]! / 127.5 - 1;
	const outputs = tf.tidy(() => {
		const input = tf.tensor4d(pixels, [1, INPUT, INPUT, 3], 'float32');
		return model.execute(input) as FaceApi.tf.Tensor[];
	});
	try {
		// Four outputs, told apart by shape: scores and regressors for the 16 px and the 32 px grids.
		const byShape = (anchors: number, width: number) => outputs.find((output) => output.shape[1] === anchors && output.shape[2] === width)!;
		const [scores16, scores32, boxes16, boxes32] = await Promise.all(
			[byShape(512, 1), byShape(384, 1), byShape(512, 16), byShape(384, 16)].map((tensor) => tensor.data()),
		);
		const scores = concat(scores16!, scores32!);
		const boxes = concat(boxes16!, boxes32!);
		const scale = side / INPUT;
		const found: DetectedFace[] = [];
		for (let anchor = 0; anchor < scores.length; anchor++) {
			const score = 1 / (1 + Math.exp(-Math.max(-80, Math.min(80, scores[anchor]!))));
			if (score < BLAZEFACE_FLOOR) continue;
			const cx = ANCHORS[anchor * 2]! + boxes[anchor * 16]!;
			const cy = ANCHORS[anchor * 2 + 1]! + boxes[anchor * 16 + 1]!;
			const w = boxes[anchor * 16 + 2]!;
			const h = boxes[anchor * 16 + 3]!;
			const box: FaceBox = {x: (cx - w / 2) * scale - left, y: (cy - h / 2) * scale - top, width: w * scale, height: h * scale};
			found.push({box: clipBox(box, image), score});
		}
		return suppress(found);
	} finally {
		for (const output of outputs) output.dispose();
	}
}

function concat(a: ArrayLike<number>, b: ArrayLike<number>): Float32Array {
	const out = new Float32Array(a.length + b.length);
	out.set(a as Float32Array);
	out.set(b as Float32Array, a.length);
	return out;
}

/** Non-maximum suppression: the best-scored box of each overlapping cluster. */
function suppress(faces: DetectedFace[]): DetectedFace[] {
	const kept: DetectedFace[] = [];
	for (const face of [...faces].sort((a, b) => b.score - a.score)) {
		if (face.box.width > 1 && face.box.height > 1 && !kept.some((k) => iou(k.box, face.box) > SAME_FACE_IOU)) kept.push(face);
	}
	return kept;
}
