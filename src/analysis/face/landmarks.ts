import type {RgbImage} from '../../input/image.js';
import type {FaceEngine} from './engine.js';
import {type Region, resampleRegion} from './raster.js';
import type {FaceBox} from './types.js';

/** The landmark and expression nets take 112 × 112 face crops. */
const NET_INPUT = 112;

export type Point = [number, number];

/** A square crop centred on `box`, `scale` times its longer side, in image pixels. */
export function squareAround(box: FaceBox, scale: number, dy = 0): Region {
	const side = Math.max(box.width, box.height) * scale;
	const cx = box.x + box.width / 2;
	const cy = box.y + box.height / 2 + dy * side;
	return {x: cx - side / 2, y: cy - side / 2, width: side, height: side};
}

/**
 * Runs `fn` on the 112² crop of `region`, resampled from the full-resolution image (the detector
 * only saw a reduced copy; landmarks need the detail), and disposes the crop.
 */
export async function withCrop<T>(
	engine: FaceEngine,
	image: RgbImage,
	region: Region,
	fn: (crop: ReturnType<FaceEngine['tf']['tensor3d']>) => Promise<T>,
): Promise<T> {
	const pixels = resampleRegion(image, region, NET_INPUT, NET_INPUT);
	const crop = engine.tf.tensor3d(pixels, [NET_INPUT, NET_INPUT, 3], 'float32');
	try {
		return await fn(crop);
	} finally {
		crop.dispose();
	}
}

type Crop = ReturnType<FaceEngine['tf']['tensor3d']>;

/** The 68 landmarks of the face in `crop` (the 112² resample of `region`), mapped back to image pixels. */
export async function landmarksIn(engine: FaceEngine, crop: Crop, region: Region): Promise<Point[]> {
	const result = await engine.faceapi.nets.faceLandmark68Net.detectLandmarks(crop);
	const one = Array.isArray(result) ? result[0] : result;
	if (!one) return [];
	const k = region.width / NET_INPUT;
	return one.positions.map((p) => [region.x + p.x * k, region.y + p.y * k]);
}

/** Expression probabilities for the face in `crop`. */
export async function expressionsIn(engine: FaceEngine, crop: Crop): Promise<Record<string, number>> {
	const result = await engine.faceapi.nets.faceExpressionNet.predictExpressions(crop);
	const one = Array.isArray(result) ? result[0] : result;
	const out: Record<string, number> = {};
	if (one) for (const {expression, probability} of one.asSortedArray()) out[expression] = probability;
	return out;
}

/** Bounding box of a set of points. */
export function boundsOf(points: readonly Point[]): FaceBox {
	let x0 = Infinity;
	let y0 = Infinity;
	let x1 = -Infinity;
	let y1 = -Infinity;
	for (const [x, y] of points) {
		if (x < x0) x0 = x;
		if (y < y0) y0 = y;
		if (x > x1) x1 = x;
		if (y > y1) y1 = y;
	}
	return {x: x0, y: y0, width: x1 - x0, height: y1 - y0};
}

/** Mean of the points with the given iBUG indices. */
export function meanOf(points: readonly Point[], indices: readonly number[]): Point {
	let x = 0;
	let y = 0;
	for (const i of indices) {
		const p = points[i];
		if (!p) throw new Error(`landmark ${i} missing`);
		x += p[0];
		y += p[1];
	}
	return [x / indices.length, y / indices.length];
}

export function pointAt(points: readonly Point[], i: number): Point {
	const p = points[i];
	if (!p) throw new Error(`landmark ${i} missing`);
	return p;
}

/** iBUG 68 indices. "Right" is the subject's right (image left). */
export const IBUG = {
	jaw: [0, 16] as const,
	chin: 8,
	noseTip: 30,
	rightEye: [36, 37, 38, 39, 40, 41],
	leftEye: [42, 43, 44, 45, 46, 47],
	brows: [17, 18, 19, 20, 21, 22, 23, 24, 25, 26],
} as const;
