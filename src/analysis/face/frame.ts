import type {RgbImage} from '../../input/image.js';
import type {Point} from './landmarks.js';

/**
 * A square, possibly rotated and mirrored, window on the photo: what a landmark net is shown.
 * Centre and side in image pixels; `angle` (radians) is the direction of the window's x axis in the
 * image, i.e. the eye line, so that the net sees an upright face.
 */
export interface Frame {
	cx: number;
	cy: number;
	side: number;
	angle: number;
	flip: boolean;
}

/**
 * Samples per output pixel along each axis, at most: 2 was as accurate as 6 on the shared photos
 * (eye error 0.92 % of the inter-pupil distance either way) and 5 times faster.
 */
const SUPERSAMPLING_CAP = 2;

/**
 * `frame` resampled to `out` × `out` float RGB, divided by `divisor` (the nets want 0–1). Each
 * output pixel averages n × n bilinear samples (n ≈ the reduction, capped) so that shrinking does
 * not alias; outside the photo the edge pixel repeats.
 */
export function cropFrame(image: RgbImage, frame: Frame, out: number, divisor = 255): Float32Array {
	const {data, width, height} = image;
	const result = new Float32Array(out * out * 3);
	const k = frame.side / out;
	const n = Math.min(SUPERSAMPLING_CAP, Math.max(1, Math.ceil(k)));
	const cos = Math.cos(frame.angle);
	const sin = Math.sin(frame.angle);
	const sign = frame.flip ? -1 : 1;
	const scale = 1 / (n * n * divisor);
	// The rotation's products for every sample column and row, computed once: the same arithmetic
	// per sample as the direct formula, so the same pixels, at a fraction of the multiplications.
	const uCos = new Float64Array(out * n);
	const uSin = new Float64Array(out * n);
	for (let i = 0; i < out; i++) {
		for (let bi = 0; bi < n; bi++) {
			const u = sign * (i + (bi + 0.5) / n - out / 2) * k;
			uCos[i * n + bi] = u * cos;
			uSin[i * n + bi] = u * sin;
		}
	}
	const maxX = width - 1;
	const maxY = height - 1;
	let o = 0;
	for (let j = 0; j < out; j++) {
		for (let i = 0; i < out; i++) {
			let r = 0;
			let g = 0;
			let b = 0;
			for (let bj = 0; bj < n; bj++) {
				const v = (j + (bj + 0.5) / n - out / 2) * k;
				const vSin = v * sin;
				const vCos = v * cos;
				for (let bi = 0; bi < n; bi++) {
					const fx = Math.min(maxX, Math.max(0, frame.cx + uCos[i * n + bi]! - vSin - 0.5));
					const fy = Math.min(maxY, Math.max(0, frame.cy + uSin[i * n + bi]! + vCos - 0.5));
					const x0 = Math.floor(fx);
					const y0 = Math.floor(fy);
					const x1 = x0 < maxX ? x0 + 1 : maxX;
					const y1 = y0 < maxY ? y0 + 1 : maxY;
					const wx = fx - x0;
					const wy = fy - y0;
					const p00 = (y0 * width + x0) * 3;
					const p01 = (y0 * width + x1) * 3;
					const p10 = (y1 * width + x0) * 3;
					const p11 = (y1 * width + x1) * 3;
					const w00 = (1 - wx) * (1 - wy);
					const w01 = wx * (1 - wy);
					const w10 = (1 - wx) * wy;
					const w11 = wx * wy;
					r += data[p00]! * w00 + data[p01]! * w01 + data[p10]! * w10 + data[p11]! * w11;
					g += data[p00 + 1]! * w00 + data[p01 + 1]! * w01 + data[p10 + 1]! * w10 + data[p11 + 1]! * w11;
					b += data[p00 + 2]! * w00 + data[p01 + 2]! * w01 + data[p10 + 2]! * w10 + data[p11 + 2]! * w11;
				}
			}
			result[o++] = r * scale;
			result[o++] = g * scale;
			result[o++] = b * scale;
		}
	}
	return result;
}

/** A point of the `out` × `out` crop of `frame` (continuous crop pixels) in image pixels. */
export function toImage(frame: Frame, out: number, x: number, y: number): Point {
	const k = frame.side / out;
	const u = (frame.flip ? -1 : 1) * (x - out / 2) * k;
	const v = (y - out / 2) * k;
	const cos = Math.cos(frame.angle);
	const sin = Math.sin(frame.angle);
	return [frame.cx + u * cos - v * sin, frame.cy + u * sin + v * cos];
}

/** The direction from `a` to `b`, radians. */
export function angleOf(a: Point, b: Point): number {
	return Math.atan2(b[1] - a[1], b[0] - a[0]);
}

/**
 * The frame upright along `angle` that holds `points`: their bounding box in that rotated frame,
 * its longer side × `scale`, centred on the box (how MediaPipe frames the next pass of its mesh).
 */
export function frameAround(points: readonly Point[], angle: number, scale: number): Frame {
	const cos = Math.cos(angle);
	const sin = Math.sin(angle);
	let u0 = Infinity;
	let v0 = Infinity;
	let u1 = -Infinity;
	let v1 = -Infinity;
	for (const [x, y] of points) {
		const u = x * cos + y * sin;
		const v = -x * sin + y * cos;
		if (u < u0) u0 = u;
		if (u > u1) u1 = u;
		if (v < v0) v0 = v;
		if (v > v1) v1 = v;
	}
	const cu = (u0 + u1) / 2;
	const cv = (v0 + v1) / 2;
	return {cx: cu * cos - cv * sin, cy: cu * sin + cv * cos, side: scale * Math.max(u1 - u0, v1 - v0), angle, flip: false};
}
