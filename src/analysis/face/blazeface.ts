import type {GraphModel} from '@tensorflow/tfjs-converter';
import type {RgbImage} from '../../input/image.js';
import {clipBox, iou} from './boxes.js';
import type {Point} from './landmarks.js';
import {resampleRegion} from './raster.js';
import type {Tensor, Tf} from './tf.js';
import type {DetectedFace, FaceBox} from './types.js';

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
		return model.execute(input) as Tensor[];
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
			// MediaPipe's six keypoints: the two eyes, the nose tip, the mouth, the two ear tragions.
			const keypoints: Point[] = [];
			for (let k = 0; k < 6; k++) {
				keypoints.push([
					(ANCHORS[anchor * 2]! + boxes[anchor * 16 + 4 + k * 2]!) * scale - left,
					(ANCHORS[anchor * 2 + 1]! + boxes[anchor * 16 + 5 + k * 2]!) * scale - top,
				]);
			}
			found.push({box: clipBox(box, image), score, keypoints});
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
