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

export function pointAt(points: readonly Point[], i: number): Point {
	const p = points[i];
	if (!p) throw new Error(`landmark ${i} missing`);
	return p;
}

/** iBUG 68 indices the face module reads. */
export const IBUG = {
	brows: [17, 18, 19, 20, 21, 22, 23, 24, 25, 26],
} as const;
