import type {RgbImage} from '../../input/image.js';
import type {MainFace} from '../face/index.js';
import {lumaAt} from './colour.js';

/**
 * How sharp the face is: the no-reference blur measure of Crété-Roffet et al. (2007, "The blur
 * effect: perception and estimation with a new no-reference perceptual blur metric"): blur the
 * image again and see how much of its neighbour-to-neighbour variation that removes. A sharp image
 * loses much of it (blur ≈ 0.2–0.35), an out-of-focus one has little left to lose (→ 1). The ratio
 * does not depend on the face's contrast or brightness.
 */
export interface FocusFacts {
	/** Crété-Roffet blur, 0 (sharp) to 1 (featureless), of the face at the normalised size. */
	readonly blur: number;
	/** Width of the face that was normalised, in the photo's pixels (the report's unit, whatever size it was decoded at). */
	readonly faceWidth: number;
	/** Whether the face has fewer pixels than the normalised size (it was enlarged, so reads softer). */
	readonly upscaled: boolean;
}

/**
 * The inner face (jaw to jaw, brows to chin) is resampled from full-resolution pixels to this
 * width before measuring, so a small sharp photo and a large blurry one are judged on the same
 * scale of detail: the face's, not the file's.
 */
export const FOCUS_WIDTH = 160;
/** The re-blur: a 9-tap box, as in the paper. */
const BLUR_TAPS = 9;

export function measureFocus(face: MainFace, image: RgbImage): FocusFacts {
	const points = face.landmarks;
	const xs = points.slice(0, 27).map((point) => point[0]);
	const ys = points.slice(0, 27).map((point) => point[1]);
	const x0 = Math.max(0, Math.min(...xs));
	const x1 = Math.min(image.width - 1, Math.max(...xs));
	const y0 = Math.max(0, Math.min(...ys));
	const y1 = Math.min(image.height - 1, Math.max(...ys));
	const faceWidth = Math.max(1, x1 - x0);
	const width = FOCUS_WIDTH;
	const height = Math.max(BLUR_TAPS + 2, Math.round(((y1 - y0) / faceWidth) * width));
	const luma = resampleLuma(image, x0, y0, faceWidth / width, (y1 - y0) / height, width, height);
	// The landmarks are in analysis pixels: a photo decoded at ½ has twice as many across the face.
	const inPhoto = faceWidth * (image.scale ?? 1);
	return {blur: blurEffect(luma, width, height), faceWidth: inPhoto, upscaled: inPhoto < width};
}

/**
 * Luma of a region resampled to `width` × `height`: the mean of an n × n grid of pixels spread over
 * each output pixel's footprint, n at most 2 (enough against aliasing for a blur measure, a quarter
 * of the reads of a full box at the 4× reductions of a large photo).
 */
function resampleLuma(image: RgbImage, x0: number, y0: number, sx: number, sy: number, width: number, height: number): Float32Array {
	const out = new Float32Array(width * height);
	const n = Math.max(1, Math.min(2, Math.round(Math.max(sx, sy))));
	const {data} = image;
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			let sum = 0;
			for (let j = 0; j < n; j++) {
				const py = Math.min(image.height - 1, Math.floor(y0 + (y + (j + 0.5) / n) * sy));
				for (let i = 0; i < n; i++) {
					const px = Math.min(image.width - 1, Math.floor(x0 + (x + (i + 0.5) / n) * sx));
					const p = (py * image.width + px) * 3;
					sum += lumaAt(data, p);
				}
			}
			out[y * width + x] = sum / (n * n);
		}
	}
	return out;
}

/** Crété-Roffet blur: the larger of the vertical and horizontal estimates. */
export function blurEffect(luma: Float32Array, width: number, height: number): number {
	return Math.max(blurAlong(luma, width, height, 1, width), blurAlong(luma, width, height, width, 1));
}

/**
 * One direction: `along` is the index step in that direction (1: horizontal), `lines` the step
 * between lines. Differences of the image and of its re-blurred copy between neighbours.
 */
function blurAlong(luma: Float32Array, width: number, height: number, along: number, across: number): number {
	const length = along === 1 ? width : height;
	const lineCount = along === 1 ? height : width;
	const half = (BLUR_TAPS - 1) / 2;
	const line = new Float32Array(length);
	const blurred = new Float32Array(length);
	let sumImage = 0;
	let sumLost = 0;
	for (let k = 0; k < lineCount; k++) {
		const start = k * across;
		for (let t = 0; t < length; t++) line[t] = luma[start + t * along]!;
		// Running box sum, edges repeated.
		let sum = 0;
		for (let t = -half; t <= half; t++) sum += line[Math.min(length - 1, Math.max(0, t))]!;
		for (let t = 0; t < length; t++) {
			blurred[t] = sum / BLUR_TAPS;
			sum += line[Math.min(length - 1, t + half + 1)]! - line[Math.max(0, t - half)]!;
		}
		for (let t = 1; t < length; t++) {
			const dImage = Math.abs(line[t]! - line[t - 1]!);
			const dBlurred = Math.abs(blurred[t]! - blurred[t - 1]!);
			sumImage += dImage;
			sumLost += Math.max(0, dImage - dBlurred);
		}
	}
	return sumImage > 0 ? (sumImage - sumLost) / sumImage : 1;
}
