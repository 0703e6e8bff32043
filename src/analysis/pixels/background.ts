import type {MainFace} from '../face/index.js';
import {median, quantile, quantiles} from '../stats.js';
import {chroma, deltaE, type Lab, rgbToLab} from './colour.js';
import type {ReducedImage} from './reduced.js';

/**
 * The backdrop: which pixels of the working copy are background, and its colour, texture and
 * shading. Lightness figures are CIELAB L* (0–100), colours are medians and means over the mask.
 */
export interface BackgroundFacts {
	/** 1 where the working copy is background, `width * height`. */
	readonly mask: Uint8Array;
	readonly width: number;
	readonly height: number;
	/** Full-image pixels per mask pixel. */
	readonly factor: number;
	/** Share of the image that is background. */
	readonly share: number;
	/** Median L*, mean a* and b* of the background. */
	readonly colour: Lab;
	readonly chroma: number;
	/** The darkest tenth of the background (10th percentile of L*). */
	readonly darkL: number;
	/** Texture: mean Sobel gradient magnitude of the luma (0–255) per working-copy pixel, away from the edges (OFIQ's background uniformity). */
	readonly texture: number;
	/** Median L* of the left half of the background minus the right half's, above the chin. */
	readonly leftRight: number;
	/** Median L* of the top band minus that of the band beside the face. */
	readonly topBottom: number;
	/** How much darker than the background's median the darkest tenth beside the head is (L*); undefined without a face. */
	readonly shadow?: number;
	/** Colour difference (CIE76 ΔE) between the cheeks and the background; undefined without a face. */
	readonly faceContrast?: number;
	/**
	 * Share of the band around the head (within SHADOW_BAND head heights of its outline, inside the
	 * photo) that is backdrop, left of the head, right of it and above it; undefined without a face.
	 * A backdrop is only judged white when it is seen around the head, not in one window beside it.
	 */
	readonly surround?: {readonly left: number; readonly right: number; readonly top: number};
	/** Whether the face guided the segmentation (no face: grown from the borders alone). */
	readonly faceGuided: boolean;
}

export interface BackgroundFace {
	face: MainFace;
	/** Mean CIELAB of the cheeks, for the face–background contrast. */
	cheeks?: Lab;
}

/** Largest step (max channel difference) between neighbouring working-copy pixels inside the backdrop: light shading and a soft shadow pass, an outline does not. */
const STEP_TOLERANCE = 7;
/** Largest departure of a pixel's tint (a channel minus the pixel's mean) from the border's: skin and blond hair on a grey or pink backdrop exceed it. */
const TINT_TOLERANCE = 14;
/** The backdrop may be shadowed down to this share of the border's luma, no darker: dark hair is darker still. */
const DARKEST_SHADE = 0.4;
/** Pixels eroded off the mask before measuring, so hair and shoulder edges do not count as texture. */
const EROSION = 2;
/** The band beside the head where a cast shadow falls, in head heights from the head's outline. */
const SHADOW_BAND = 0.35;
/** Colour statistics read every `COLOUR_STEP`-th pixel on each axis: thousands of samples, a ninth of the conversions. */
const COLOUR_STEP = 3;

/**
 * Grows the background inward from the top and upper side borders of the working copy, through
 * small steps only, so that it stops at hair, skin and clothing outlines; the face (when found)
 * marks the head and torso as person, so a pale shirt or skin touching a white backdrop cannot be
 * flooded. Then measures what is left, eroded away from its edges.
 */
export function measureBackground(image: ReducedImage, person?: BackgroundFace): BackgroundFacts {
	const {width, height, factor, data, luma} = image;
	const geometry = person ? headGeometry(person.face, factor) : undefined;
	const size = width * height;
	const isPerson = personMask(geometry, width, height);
	// Seeds: the top row, and the sides down to the chin (below it come the shoulders).
	const seedBottom = Math.min(height - 1, Math.round(geometry ? geometry.chinY : height * 0.45));
	const border: number[] = [];
	for (let x = 0; x < width; x++) if (!isPerson[x]) border.push(x);
	for (let y = 1; y <= seedBottom; y++) {
		if (!isPerson[y * width]) border.push(y * width);
		if (!isPerson[y * width + width - 1]) border.push(y * width + width - 1);
	}
	// The backdrop's tint, from the border: a pixel whose tint departs from it (hair, skin) is not
	// backdrop however gently it shades into it. Lightness may vary (shading, a cast shadow), down to a floor.
	const redTint = median(border.map((i) => tint(data, i, 0)));
	const blueTint = median(border.map((i) => tint(data, i, 2)));
	const darkest = median(border.map((i) => luma[i]!)) * DARKEST_SHADE;
	const allowed = new Uint8Array(size);
	for (let i = 0, o = 0; i < size; i++, o += 3) {
		if (isPerson[i] || luma[i]! < darkest) continue;
		const r = data[o]!;
		const b = data[o + 2]!;
		const third = (r + data[o + 1]! + b) / 3;
		if (Math.abs(r - third - redTint) <= TINT_TOLERANCE && Math.abs(b - third - blueTint) <= TINT_TOLERANCE) allowed[i] = 1;
	}
	const mask = new Uint8Array(size);
	const queue = new Int32Array(size);
	let tail = 0;
	for (const i of border) {
		if (mask[i] || !allowed[i]) continue;
		mask[i] = 1;
		queue[tail++] = i;
	}
	const visit = (from: number, to: number): void => {
		if (mask[to] || !allowed[to]) return;
		const f = from * 3;
		const t = to * 3;
		if (
			Math.abs(data[f]! - data[t]!) > STEP_TOLERANCE ||
			Math.abs(data[f + 1]! - data[t + 1]!) > STEP_TOLERANCE ||
			Math.abs(data[f + 2]! - data[t + 2]!) > STEP_TOLERANCE
		)
			return;
		mask[to] = 1;
		queue[tail++] = to;
	};
	for (let head = 0; head < tail; head++) {
		const i = queue[head]!;
		const x = i % width;
		if (x > 0) visit(i, i - 1);
		if (x < width - 1) visit(i, i + 1);
		if (i >= width) visit(i, i - width);
		if (i < size - width) visit(i, i + width);
	}

	const core = erode(mask, width, height, EROSION);
	let count = 0;
	for (let i = 0; i < mask.length; i++) count += mask[i]!;

	// Colour and shading from a sample of the core.
	const centreX = geometry?.centreX ?? width / 2;
	const chinY = geometry?.chinY ?? height * 0.45;
	const eyeY = geometry?.eyeY ?? height * 0.3;
	const all: number[] = [];
	const left: number[] = [];
	const right: number[] = [];
	const top: number[] = [];
	const beside: number[] = [];
	const near: number[] = [];
	let sumA = 0;
	let sumB = 0;
	for (let y = 0; y < height; y += COLOUR_STEP) {
		for (let x = 0; x < width; x += COLOUR_STEP) {
			const i = y * width + x;
			if (!core[i]) continue;
			const lab = rgbToLab(data[i * 3]!, data[i * 3 + 1]!, data[i * 3 + 2]!);
			all.push(lab.L);
			sumA += lab.a;
			sumB += lab.b;
			if (y < chinY) (x < centreX ? left : right).push(lab.L);
			if (y < height * 0.15) top.push(lab.L);
			if (y >= eyeY && y < chinY) beside.push(lab.L);
			if (geometry?.nearHead(x, y)) near.push(lab.L);
		}
	}
	const surround = geometry ? surroundOf(geometry, mask, isPerson, width, height) : undefined;
	const [darkL, medianL] = quantiles(all, [0.1, 0.5]) as [number, number];
	const colour = {L: medianL, a: all.length ? sumA / all.length : 0, b: all.length ? sumB / all.length : 0};
	const shadow = near.length > 0 ? colour.L - quantile(near, 0.1) : undefined;
	const cheeks = person?.cheeks;
	return {
		mask,
		width,
		height,
		factor,
		share: count / mask.length,
		colour,
		chroma: chroma(colour),
		darkL,
		texture: sobelMean(luma, core, width, height),
		leftRight: left.length && right.length ? median(left) - median(right) : 0,
		topBottom: top.length && beside.length ? median(top) - median(beside) : 0,
		...(shadow === undefined || Number.isNaN(shadow) ? {} : {shadow}),
		...(cheeks && all.length ? {faceContrast: deltaE(cheeks, colour)} : {}),
		...(surround ? {surround} : {}),
		faceGuided: geometry !== undefined,
	};
}

/** A channel minus the pixel's mean of the three: its tint, independent of how light it is. */
function tint(data: Uint8Array, i: number, channel: number): number {
	return data[i * 3 + channel]! - (data[i * 3]! + data[i * 3 + 1]! + data[i * 3 + 2]!) / 3;
}

/** The backdrop's share of each side of the band around the head (rows above the head's top are "top"). */
function surroundOf(geometry: HeadGeometry, mask: Uint8Array, isPerson: Uint8Array, width: number, height: number): {left: number; right: number; top: number} {
	const seen = {left: 0, right: 0, top: 0};
	const total = {left: 0, right: 0, top: 0};
	const bottom = Math.min(height, Math.ceil(geometry.chinY));
	for (let y = 0; y < bottom; y += COLOUR_STEP) {
		for (let x = 0; x < width; x += COLOUR_STEP) {
			const i = y * width + x;
			if (isPerson[i] || !geometry.nearHead(x, y)) continue;
			const side = y < geometry.topY ? 'top' : x < geometry.centreX ? 'left' : 'right';
			total[side]++;
			if (mask[i]) seen[side]++;
		}
	}
	// A side with no band inside the photo (the head at the edge) says nothing: it counts as seen.
	const share = (side: keyof typeof seen): number => (total[side] > 0 ? seen[side] / total[side] : 1);
	return {left: share('left'), right: share('right'), top: share('top')};
}

interface HeadGeometry {
	centreX: number;
	/** The head's top (the crown), working-copy pixels. */
	topY: number;
	chinY: number;
	eyeY: number;
	/** The head on row y (from, to; empty when from > to): an ellipse from crown to chin, as wide as the jaw. */
	headSpan(y: number): [number, number];
	/** The torso on row y: below the chin, a neck widening to the shoulders. */
	torsoSpan(y: number): [number, number];
	/** Beside or above the head, within the band where a cast shadow falls. */
	nearHead(x: number, y: number): boolean;
}

/** The head and torso of the main face, in working-copy pixels. */
function headGeometry(face: MainFace, factor: number): HeadGeometry {
	const at = (point: readonly [number, number]): [number, number] => [point[0] / factor, point[1] / factor];
	const [crownX, crownY] = at(face.crown);
	const [chinX, chinY] = at(face.chin);
	const jaw0 = at(face.landmarks[0] ?? face.rightEye);
	const jaw16 = at(face.landmarks[16] ?? face.leftEye);
	const headLength = Math.max(1, Math.hypot(chinX - crownX, chinY - crownY));
	const cx = (crownX + chinX) / 2;
	const cy = (crownY + chinY) / 2;
	const rx = Math.max(1, Math.hypot(jaw16[0] - jaw0[0], jaw16[1] - jaw0[1]) / 2);
	const ry = headLength / 2;
	const eyeY = (face.leftEye[1] + face.rightEye[1]) / 2 / factor;
	const radius = (x: number, y: number): number => Math.sqrt(((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2);
	// The band's width in ellipse radii: SHADOW_BAND head heights beyond the outline, sideways.
	const band = 1 + (SHADOW_BAND * headLength) / rx;
	return {
		centreX: cx,
		topY: Math.min(crownY, chinY),
		chinY,
		eyeY,
		headSpan(y) {
			const t = (y - cy) / ry;
			if (t * t > 1) return [1, 0];
			const half = rx * Math.sqrt(1 - t * t);
			return [cx - half, cx + half];
		},
		torsoSpan(y) {
			const below = (y - chinY) / headLength;
			if (below < 0) return [1, 0];
			const half = headLength * (0.3 + Math.min(1, below / 0.5) * 0.6);
			return [chinX - half, chinX + half];
		},
		nearHead: (x, y) => y < chinY && radius(x, y) <= band,
	};
}

/** 1 where the head or torso of the main face is (nothing without a face), filled row by row. */
function personMask(geometry: HeadGeometry | undefined, width: number, height: number): Uint8Array {
	const person = new Uint8Array(width * height);
	if (!geometry) return person;
	for (let y = 0; y < height; y++) {
		for (const [from, to] of [geometry.headSpan(y), geometry.torsoSpan(y)]) {
			const x0 = Math.max(0, Math.ceil(from));
			const x1 = Math.min(width - 1, Math.floor(to));
			if (x1 >= x0) person.fill(1, y * width + x0, y * width + x1 + 1);
		}
	}
	return person;
}

/** The mask eroded by a (2r+1)-square (a pixel stays if every pixel within r of it, on both axes, is in): rows, then columns. */
function erode(mask: Uint8Array, width: number, height: number, r: number): Uint8Array {
	const rows = new Uint8Array(mask.length);
	for (let y = 0; y < height; y++) {
		let run = 0;
		for (let x = 0; x < width; x++) {
			run = mask[y * width + x] ? run + 1 : 0;
			// The run of ones ending at x covers x − 2r … x: the pixel x − r keeps r on each side.
			if (run > 2 * r) rows[y * width + x - r] = 1;
		}
	}
	const out = new Uint8Array(mask.length);
	for (let x = 0; x < width; x++) {
		let run = 0;
		for (let y = 0; y < height; y++) {
			run = rows[y * width + x] ? run + 1 : 0;
			if (run > 2 * r) out[(y - r) * width + x] = 1;
		}
	}
	return out;
}

/** Mean Sobel gradient magnitude of `luma` over the mask's pixels (0 when the mask is empty). */
function sobelMean(luma: Uint8Array, mask: Uint8Array, width: number, height: number): number {
	let sum = 0;
	let count = 0;
	// Every other pixel on each axis: the mean of the same gradients, a quarter of the work.
	for (let y = 1; y < height - 1; y += 2) {
		for (let x = 1; x < width - 1; x += 2) {
			const i = y * width + x;
			if (!mask[i]) continue;
			const a = luma[i - width - 1]!;
			const b = luma[i - width]!;
			const c = luma[i - width + 1]!;
			const d = luma[i - 1]!;
			const f = luma[i + 1]!;
			const g = luma[i + width - 1]!;
			const h = luma[i + width]!;
			const k = luma[i + width + 1]!;
			const gx = c + 2 * f + k - a - 2 * d - g;
			const gy = g + 2 * h + k - a - 2 * b - c;
			sum += Math.sqrt(gx * gx + gy * gy) / 8;
			count++;
		}
	}
	return count ? sum / count : 0;
}
