import type {RgbImage} from '../../input/image.js';

/**
 * The working copy of the image measures: the photo shrunk by a whole factor, made in one pass
 * over the decoded pixels that also gathers the luma histogram and how colourful it is. The
 * background, colour and exposure measures read this copy; only sharpness and glare go back to
 * full-resolution pixels, and only inside the face.
 */
export interface ReducedImage {
	/** RGB bytes, `width * height * 3`. */
	readonly data: Uint8Array;
	/** Rec. 601 luma (0–255) of each pixel. */
	readonly luma: Uint8Array;
	readonly width: number;
	readonly height: number;
	/** Full-image pixels per reduced pixel, on each axis (full = reduced × factor). */
	readonly factor: number;
	/** Pixel counts of each luma value 0–255 over the whole copy. */
	readonly histogram: Uint32Array;
	/** Mean of max(R,G,B) − min(R,G,B) over the copy: about 0 for a black-and-white photo. */
	readonly meanSpread: number;
}

/** The working copy's longest side is about this: fine enough for hair outlines, small enough to be cheap. */
export const REDUCED_SIDE = 700;

/**
 * Each reduced pixel averages a 2 × 2 grid of samples spread over its factor × factor block: a
 * quarter of the reads of a full box filter at factor 4 (the one pass over 5.6 megapixels is
 * memory-bound), and enough averaging against aliasing and JPEG noise for the slow measures here.
 */
export function reduceImage(image: RgbImage, side = REDUCED_SIDE): ReducedImage {
	const factor = Math.max(1, Math.round(Math.max(image.width, image.height) / side));
	const width = Math.max(1, Math.floor(image.width / factor));
	const height = Math.max(1, Math.floor(image.height / factor));
	const src = image.data;
	const stride = image.width * 3;
	const near = Math.floor(factor / 4);
	const far = Math.floor((3 * factor) / 4);
	const data = new Uint8Array(width * height * 3);
	const luma = new Uint8Array(width * height);
	const histogram = new Uint32Array(256);
	const columns = new Int32Array(width * 2);
	for (let x = 0; x < width; x++) {
		columns[x * 2] = (x * factor + near) * 3;
		columns[x * 2 + 1] = (x * factor + far) * 3;
	}
	let spread = 0;
	for (let y = 0, o = 0, i = 0; y < height; y++) {
		const top = (y * factor + near) * stride;
		const bottom = (y * factor + far) * stride;
		for (let x = 0; x < width; x++, o += 3, i++) {
			const c0 = columns[x * 2]!;
			const c1 = columns[x * 2 + 1]!;
			const p = top + c0;
			const q = top + c1;
			const s = bottom + c0;
			const t = bottom + c1;
			const r = (src[p]! + src[q]! + src[s]! + src[t]! + 2) >> 2;
			const g = (src[p + 1]! + src[q + 1]! + src[s + 1]! + src[t + 1]! + 2) >> 2;
			const b = (src[p + 2]! + src[q + 2]! + src[s + 2]! + src[t + 2]! + 2) >> 2;
			data[o] = r;
			data[o + 1] = g;
			data[o + 2] = b;
			const l = (77 * r + 150 * g + 29 * b + 128) >> 8;
			luma[i] = l;
			histogram[l]!++;
			spread += Math.max(r, g, b) - Math.min(r, g, b);
		}
	}
	return {data, luma, width, height, factor, histogram, meanSpread: spread / (width * height)};
}
