import type {RgbImage} from '../../input/image.js';

/** A rectangle of the source image, in source pixels; it may reach outside the image. */
export interface Region {
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * Resamples `region` of `image` to `outWidth` × `outHeight`, as float RGB 0–255 (the layout
 * tf.tensor3d wants). Shrinking averages an n×n grid of samples per output pixel (n ≈ the scale,
 * capped), a cheap box filter: plain bilinear would alias at the 3–6× reductions used here and the
 * nets are sensitive to that. Enlarging is bilinear. Outside the image the edge pixel is repeated.
 */
export function resampleRegion(image: RgbImage, region: Region, outWidth: number, outHeight: number): Float32Array {
	const {data, width, height} = image;
	const out = new Float32Array(outWidth * outHeight * 3);
	const sx = region.width / outWidth;
	const sy = region.height / outHeight;
	if (sx <= 1 && sy <= 1) {
		bilinear(data, width, height, region, sx, sy, out, outWidth, outHeight);
		return out;
	}
	const nx = Math.min(6, Math.max(1, Math.ceil(sx)));
	const ny = Math.min(6, Math.max(1, Math.ceil(sy)));
	const inv = 1 / (nx * ny);
	// Source column offsets of the samples, precomputed once per output column.
	const cols = new Int32Array(outWidth * nx);
	for (let ox = 0; ox < outWidth; ox++) {
		for (let i = 0; i < nx; i++) {
			const x = Math.floor(region.x + (ox + (i + 0.5) / nx) * sx);
			cols[ox * nx + i] = (x < 0 ? 0 : x >= width ? width - 1 : x) * 3;
		}
	}
	const rows = new Int32Array(ny);
	let o = 0;
	for (let oy = 0; oy < outHeight; oy++) {
		for (let j = 0; j < ny; j++) {
			const y = Math.floor(region.y + (oy + (j + 0.5) / ny) * sy);
			rows[j] = (y < 0 ? 0 : y >= height ? height - 1 : y) * width * 3;
		}
		for (let ox = 0; ox < outWidth; ox++) {
			let r = 0;
			let g = 0;
			let b = 0;
			for (let j = 0; j < ny; j++) {
				const row = rows[j] as number;
				for (let i = 0; i < nx; i++) {
					const p = row + (cols[ox * nx + i] as number);
					r += data[p] as number;
					g += data[p + 1] as number;
					b += data[p + 2] as number;
				}
			}
			out[o++] = r * inv;
			out[o++] = g * inv;
			out[o++] = b * inv;
		}
	}
	return out;
}

function bilinear(
	data: Uint8Array,
	width: number,
	height: number,
	region: Region,
	sx: number,
	sy: number,
	out: Float32Array,
	outWidth: number,
	outHeight: number,
): void {
	let o = 0;
	for (let oy = 0; oy < outHeight; oy++) {
		const fy = Math.min(height - 1, Math.max(0, region.y + (oy + 0.5) * sy - 0.5));
		const y0 = Math.floor(fy);
		const y1 = Math.min(height - 1, y0 + 1);
		const wy = fy - y0;
		for (let ox = 0; ox < outWidth; ox++) {
			const fx = Math.min(width - 1, Math.max(0, region.x + (ox + 0.5) * sx - 0.5));
			const x0 = Math.floor(fx);
			const x1 = Math.min(width - 1, x0 + 1);
			const wx = fx - x0;
			for (let c = 0; c < 3; c++) {
				const a = data[(y0 * width + x0) * 3 + c] as number;
				const b = data[(y0 * width + x1) * 3 + c] as number;
				const d = data[(y1 * width + x0) * 3 + c] as number;
				const e = data[(y1 * width + x1) * 3 + c] as number;
				out[o++] = (a + (b - a) * wx) * (1 - wy) + (d + (e - d) * wx) * wy;
			}
		}
	}
}
