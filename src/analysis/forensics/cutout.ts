import type {RgbImage} from '../../input/image.js';
import type {BackgroundFacts} from '../pixels/background.js';
import type {ReducedImage} from '../pixels/reduced.js';
import {median} from '../stats.js';

/**
 * The cut-out signature: a person pasted on white. Two things together: a backdrop that is
 * perfectly flat (clipped to pure white, no sensor noise), and a silhouette that steps from that
 * white to the person in one pixel. A real backdrop, even blown out, meets hair and shoulders
 * through a blur of several pixels (lens, demosaicing, light wrapping round the edge); a mask
 * pasted without feathering does not.
 */
export interface CutoutMeasure {
	/** Share of the backdrop's interior (working copy) whose three channels are all ≥ 254. */
	readonly whiteShare: number;
	/** Mean absolute luma difference between horizontal neighbours inside the backdrop (0 = noise-free). */
	readonly backdropNoise: number;
	/** Silhouette profiles measured (high-contrast points of the backdrop's edge). */
	readonly edgeProfiles: number;
	/** Share of those profiles that leave the backdrop by a hard step (see `HARD_STEP`). */
	readonly hardShare: number;
	/** Median share of the drop that the first step off the backdrop carries (a pure step ~1; a soft edge ~0.1). */
	readonly stepShare: number;
}

/**
 * A profile leaves the backdrop by a hard step when the one pixel where it first falls clearly
 * below the backdrop's level carries this share of the whole drop to the person. Measured where it
 * leaves, not at its steepest: a cut through soft hair keeps the hair's own fringe after the step.
 */
export const HARD_STEP = 0.4;
/** "Clearly below": JPEG ringing beside a hard edge dips a white backdrop by a few levels. */
const LEAVE_BELOW = 12;
/** Profiles with a smaller drop (white shirt on white, pale skin) say nothing about the edge's hardness. */
const MIN_DROP = 60;
/** The profile across the silhouette, in analysis pixels on each side of the mask's edge. */
const OUTSIDE = 6;
const INSIDE = 8;
/** The backdrop level is read this far outside the edge and beyond (the mask may stop a little early). */
const BACKDROP_FROM = 3;

export function measureCutout(reduced: ReducedImage, background: BackgroundFacts, image: RgbImage): CutoutMeasure {
	const {mask, width, height} = background;
	const {data, luma} = reduced;
	let white = 0;
	let interior = 0;
	let noise = 0;
	let pairs = 0;
	// Every other pixel: thousands of samples for a share, a quarter of the reads.
	for (let y = 2; y < height - 2; y += 2) {
		for (let x = 2; x < width - 3; x += 2) {
			const i = y * width + x;
			if (!mask[i] || !mask[i - 2] || !mask[i + 2] || !mask[i - 2 * width] || !mask[i + 2 * width]) continue;
			interior++;
			const o = i * 3;
			if (data[o]! >= 254 && data[o + 1]! >= 254 && data[o + 2]! >= 254) white++;
			noise += Math.abs(luma[i]! - luma[i + 1]!);
			pairs++;
		}
	}

	// The mask's own factor: the working copy drops the analysis image's last columns and rows that do
	// not fill a block, so the ratio of the widths (1430 / 476 = 3.004) would drift 2 px by the edge.
	const {factor} = background;
	const shares: number[] = [];
	// Every other row: hundreds of silhouette points, half the scan.
	for (let y = 2; y < height - 2; y += 2) {
		for (let x = 2; x < width - 2; x++) {
			const i = y * width + x;
			if (!mask[i] || (mask[i - 1] && mask[i + 1] && mask[i - width] && mask[i + width])) continue;
			// The normal points from the backdrop to the person: towards the 5 × 5 window's non-backdrop pixels.
			let nx = 0;
			let ny = 0;
			for (let dy = -2; dy <= 2; dy++) {
				for (let dx = -2; dx <= 2; dx++) {
					if (!mask[i + dy * width + dx]) {
						nx += dx;
						ny += dy;
					}
				}
			}
			const length = Math.hypot(nx, ny);
			if (length < 1) continue;
			const share = leavingStep(image, (x + 0.5) * factor - 0.5, (y + 0.5) * factor - 0.5, nx / length, ny / length);
			if (share !== undefined) shares.push(share);
		}
	}
	let hard = 0;
	for (const share of shares) if (share >= HARD_STEP) hard++;
	return {
		whiteShare: interior ? white / interior : 0,
		backdropNoise: pairs ? noise / pairs : 0,
		edgeProfiles: shares.length,
		hardShare: shares.length ? hard / shares.length : 0,
		stepShare: shares.length ? median(shares) : 0,
	};
}

/**
 * Luma along the normal at whole-pixel steps (nearest pixel: interpolating would itself soften a
 * step), and the share of the drop from the backdrop to the darkest point inside that the step
 * where the profile first leaves the backdrop carries; undefined when the drop is too small to
 * judge or the profile runs off the image.
 */
function leavingStep(image: RgbImage, cx: number, cy: number, nx: number, ny: number): number | undefined {
	const {data, width, height} = image;
	const profile: number[] = [];
	for (let t = -OUTSIDE; t <= INSIDE; t++) {
		const x = Math.round(cx + t * nx);
		const y = Math.round(cy + t * ny);
		if (x < 0 || y < 0 || x >= width || y >= height) return undefined;
		const o = (y * width + x) * 3;
		profile.push((77 * data[o]! + 150 * data[o + 1]! + 29 * data[o + 2]! + 128) >> 8);
	}
	let backdrop = 0;
	for (let k = 0; k <= OUTSIDE - BACKDROP_FROM; k++) backdrop = Math.max(backdrop, profile[k]!);
	let darkest = 255;
	for (let k = OUTSIDE; k < profile.length; k++) darkest = Math.min(darkest, profile[k]!);
	const drop = backdrop - darkest;
	if (drop < MIN_DROP) return undefined;
	for (let k = 1; k < profile.length; k++) {
		if (profile[k]! < backdrop - LEAVE_BELOW) return Math.min(1, Math.max(0, profile[k - 1]! - profile[k]!) / drop);
	}
	return undefined;
}
