import type {Region} from './raster.js';
import type {FaceBox} from './types.js';

export type Point = [number, number];

/** A square centred on `box`, `scale` times its longer side, in image pixels. */
export function squareAround(box: FaceBox, scale: number): Region {
	const side = Math.max(box.width, box.height) * scale;
	return {x: box.x + box.width / 2 - side / 2, y: box.y + box.height / 2 - side / 2, width: side, height: side};
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
