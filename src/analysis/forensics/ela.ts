import type {RgbImage} from '../../input/image.js';
import type {MainFace} from '../face/index.js';
import {IJG_LUMINANCE, ijgTable} from '../file/jpeg-structure.js';
import type {BackgroundFacts} from '../pixels/background.js';
import {lumaAt} from '../pixels/colour.js';
import {median} from '../stats.js';

/**
 * Error level analysis on the head band: 8 × 8 blocks of the face, of the silhouette's edge and of
 * the backdrop are re-saved at a fixed JPEG quality, and each block's error (how much the re-save
 * changed it) per unit of texture is compared between them. In a photo from one source it is about
 * the same everywhere; a face or a backdrop pasted from another source, with another compression
 * history, stands out. JPEG quantises each block on its own, so only the chosen blocks' luma (a few
 * hundred blocks) is re-saved, here in JS with the IJG table of that quality: the photo is never
 * re-encoded whole, and no encoder version changes the figures.
 */
export interface ElaMeasure {
	/** Median error per unit of texture of the face's blocks, and of the silhouette edge's. */
	readonly face: number;
	readonly edge: number;
	/** Mean error (luma levels) of the backdrop's blocks: 0 on a flat, clipped white. */
	readonly backdrop: number;
	/** The larger of face/edge and edge/face: 1 when they agree. */
	readonly inconsistency: number;
	readonly blocks: {readonly face: number; readonly edge: number; readonly backdrop: number};
}

/**
 * 8 × 8 blockiness of the band, measured only at the file's own scale (where the grid is the file's):
 * left over from an earlier, lower-quality save when the last one was near-lossless.
 */
export interface BlockinessMeasure {
	/** Mean luma step across the 8-pixel grid's lines over the mean step inside blocks (1 = no grid). */
	readonly ratio: number;
}

export interface Band {
	readonly x: number;
	readonly y: number;
	readonly width: number;
	readonly height: number;
}

/** The quality the band is re-saved at (ELA's customary 90–95: high enough not to blur the face itself). */
export const ELA_QUALITY = 90;
/** Texture floor (mean luma step) added to each block's, so flat blocks do not divide by ~0. */
const TEXTURE_FLOOR = 2;
/** Blockiness reads every third block on each axis: over a thousand blocks of a head band, a ninth of the reads. */
const BLOCKINESS_STRIDE = 3;
/** Fewer blocks of a class than this and its figure is not compared. */
const MIN_BLOCKS = 12;
/** At most this many blocks of each class are re-saved, spread evenly over the band. */
const MAX_BLOCKS = {face: 96, edge: 96, backdrop: 32};

/**
 * The band: the face's box widened by 40 % of its width on each side, from above the crown to just
 * below the chin, aligned to the 8-pixel grid; undefined when it would be too small to measure.
 */
export function headBand(face: MainFace, image: RgbImage): Band | undefined {
	const {box} = face;
	const x0 = Math.max(0, Math.floor((box.x - 0.4 * box.width) / 8) * 8);
	const y0 = Math.max(0, Math.floor((face.crown[1] - 0.25 * box.height) / 8) * 8);
	const x1 = Math.min(image.width, box.x + 1.4 * box.width);
	const y1 = Math.min(image.height, face.chin[1] + 0.1 * box.height);
	const width = Math.floor((x1 - x0) / 8) * 8;
	const height = Math.floor((y1 - y0) / 8) * 8;
	return width >= 64 && height >= 64 ? {x: x0, y: y0, width, height} : undefined;
}

type BlockClass = 'face' | 'edge' | 'backdrop';

/** The band's blocks by class, at most `MAX_BLOCKS` each, as image coordinates of their top-left pixels. */
function pickBlocks(face: MainFace, band: Band, background: BackgroundFacts | undefined): Record<BlockClass, Array<[number, number]>> {
	const all: Record<BlockClass, Array<[number, number]>> = {face: [], edge: [], backdrop: []};
	// The mask's own factor, not the ratio of the widths (the working copy drops a partial block).
	const factor = background?.factor ?? 1;
	const inMask = (x: number, y: number): number => {
		if (!background) return 0;
		const mx = Math.min(background.width - 1, Math.floor(x / factor));
		const my = Math.min(background.height - 1, Math.floor(y / factor));
		return background.mask[my * background.width + mx]!;
	};
	// The face's blocks: the middle of its box (skin, eyes, mouth; no hair or backdrop).
	const {box} = face;
	const fx0 = box.x + 0.2 * box.width;
	const fx1 = box.x + 0.8 * box.width;
	const fy0 = box.y + 0.2 * box.height;
	const fy1 = box.y + 0.9 * box.height;
	for (let y = band.y; y + 8 <= band.y + band.height; y += 8) {
		for (let x = band.x; x + 8 <= band.x + band.width; x += 8) {
			const backdrop = inMask(x, y) + inMask(x + 7, y) + inMask(x, y + 7) + inMask(x + 7, y + 7) + inMask(x + 4, y + 4);
			if (backdrop === 5) all.backdrop.push([x, y]);
			else if (backdrop > 0) all.edge.push([x, y]);
			else if (x >= fx0 && x + 8 <= fx1 && y >= fy0 && y + 8 <= fy1) all.face.push([x, y]);
		}
	}
	const spread = (list: Array<[number, number]>, most: number) =>
		list.length <= most ? list : Array.from({length: most}, (_, k) => list[Math.floor((k * list.length) / most)]!);
	return {face: spread(all.face, MAX_BLOCKS.face), edge: spread(all.edge, MAX_BLOCKS.edge), backdrop: spread(all.backdrop, MAX_BLOCKS.backdrop)};
}

function luma(data: Uint8Array | Buffer, o: number): number {
	return (77 * data[o]! + 150 * data[o + 1]! + 29 * data[o + 2]! + 128) >> 8;
}

/** JPEG's zig-zag order: the natural (row-major) index of the k-th stored coefficient. */
const ZIGZAG = [
	0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22,
	15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];
/** The IJG luminance table at `ELA_QUALITY`, in natural order. */
const QUANT = (() => {
	const zigzag = ijgTable(IJG_LUMINANCE, ELA_QUALITY);
	const natural = new Float64Array(64);
	for (const [k, index] of ZIGZAG.entries()) natural[index] = zigzag[k]!;
	return natural;
})();
/** The 8-point DCT-II basis with JPEG's scaling: COS[u * 8 + x] = C(u)/2 · cos((2x + 1)uπ/16). */
const COS = Float64Array.from({length: 64}, (_, k) => {
	const u = k >> 3;
	const x = k & 7;
	return (u === 0 ? Math.SQRT1_2 : 1) * 0.5 * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
});

/**
 * One block's luma re-saved the way a JPEG encoder does (level shift, DCT, quantise with the
 * quality's table, dequantise, inverse DCT, round and clamp): the mean absolute change, in levels.
 * The re-saved block is written to `out` when given.
 */
export function resaveError(block: Float64Array, scratch = new Float64Array(128), out?: Float64Array): number {
	const rows = scratch.subarray(0, 64);
	const coefficients = scratch.subarray(64, 128);
	// Rows, then columns: F = C · f · Cᵀ.
	for (let y = 0; y < 8; y++) {
		for (let u = 0; u < 8; u++) {
			let sum = 0;
			for (let x = 0; x < 8; x++) sum += COS[u * 8 + x]! * (block[y * 8 + x]! - 128);
			rows[y * 8 + u] = sum;
		}
	}
	for (let v = 0; v < 8; v++) {
		for (let u = 0; u < 8; u++) {
			let sum = 0;
			for (let y = 0; y < 8; y++) sum += COS[v * 8 + y]! * rows[y * 8 + u]!;
			const q = QUANT[v * 8 + u]!;
			coefficients[v * 8 + u] = Math.round(sum / q) * q;
		}
	}
	// Back: f = Cᵀ · F · C.
	for (let v = 0; v < 8; v++) {
		for (let x = 0; x < 8; x++) {
			let sum = 0;
			for (let u = 0; u < 8; u++) sum += COS[u * 8 + x]! * coefficients[v * 8 + u]!;
			rows[v * 8 + x] = sum;
		}
	}
	let error = 0;
	for (let y = 0; y < 8; y++) {
		for (let x = 0; x < 8; x++) {
			let sum = 0;
			for (let v = 0; v < 8; v++) sum += COS[v * 8 + y]! * rows[v * 8 + x]!;
			const resaved = Math.min(255, Math.max(0, Math.round(sum + 128)));
			if (out) out[y * 8 + x] = resaved;
			error += Math.abs(resaved - Math.round(block[y * 8 + x]!));
		}
	}
	return error / 64;
}

/** Needs the backdrop's mask to tell the face, edge and backdrop blocks apart. */
export function measureEla(image: RgbImage, face: MainFace, band: Band, background: BackgroundFacts | undefined): ElaMeasure {
	const picked = pickBlocks(face, band, background);
	const block = new Float64Array(64);
	const scratch = new Float64Array(128);
	// Error per unit of texture (mean luma step inside the block), or the plain error for the backdrop.
	const measure = ([x, y]: [number, number]): [number, number] => {
		for (let r = 0; r < 8; r++) {
			for (let c = 0; c < 8; c++) {
				const o = ((y + r) * image.width + x + c) * 3;
				block[r * 8 + c] = lumaAt(image.data, o);
			}
		}
		let texture = 0;
		for (let r = 0; r < 8; r++) {
			for (let c = 0; c < 8; c++) {
				if (c < 7) texture += Math.abs(block[r * 8 + c]! - block[r * 8 + c + 1]!);
				if (r < 7) texture += Math.abs(block[r * 8 + c]! - block[r * 8 + c + 8]!);
			}
		}
		return [resaveError(block, scratch), texture / 112];
	};
	const ratios = (list: Array<[number, number]>) =>
		list.map((at) => {
			const [error, texture] = measure(at);
			return error / (texture + TEXTURE_FLOOR);
		});
	const faceRatios = ratios(picked.face);
	const edgeRatios = ratios(picked.edge);
	let backdropError = 0;
	for (const at of picked.backdrop) backdropError += measure(at)[0];
	const faceLevel = faceRatios.length >= MIN_BLOCKS ? median(faceRatios) : Number.NaN;
	const edgeLevel = edgeRatios.length >= MIN_BLOCKS ? median(edgeRatios) : Number.NaN;
	const inconsistency = faceLevel > 0 && edgeLevel > 0 ? Math.max(faceLevel / edgeLevel, edgeLevel / faceLevel) : Number.NaN;
	return {
		face: faceLevel,
		edge: edgeLevel,
		backdrop: picked.backdrop.length ? backdropError / picked.backdrop.length : Number.NaN,
		inconsistency,
		blocks: {face: faceRatios.length, edge: edgeRatios.length, backdrop: picked.backdrop.length},
	};
}

/**
 * Blockiness: the mean absolute luma step across the 8-pixel grid's lines (between columns or rows
 * 8k−1 and 8k) over that inside blocks, both axes, on every `BLOCKINESS_STRIDE`-th block of the
 * band in each direction. The band's origin is on the grid, so at the file's own scale these are the file's
 * block boundaries.
 */
export function measureBlockiness(image: RgbImage, band: Band): BlockinessMeasure {
	const {data, width} = image;
	const patch = new Int32Array(81);
	let across = 0;
	let inside = 0;
	let blocks = 0;
	for (let y = band.y; y + 9 <= band.y + band.height; y += 8 * BLOCKINESS_STRIDE) {
		for (let x = band.x; x + 9 <= band.x + band.width; x += 8 * BLOCKINESS_STRIDE) {
			// The block and the first column and row of its neighbours: 9 × 9 luma.
			for (let r = 0; r < 9; r++) for (let c = 0; c < 9; c++) patch[r * 9 + c] = luma(data, ((y + r) * width + x + c) * 3);
			for (let r = 0; r < 8; r++) {
				for (let c = 0; c < 8; c++) {
					const i = r * 9 + c;
					const dx = Math.abs(patch[i]! - patch[i + 1]!);
					const dy = Math.abs(patch[i]! - patch[i + 9]!);
					if (c === 7) across += dx;
					else inside += dx;
					if (r === 7) across += dy;
					else inside += dy;
				}
			}
			blocks++;
		}
	}
	// Per block: 16 steps across the grid, 112 inside.
	const meanInside = blocks ? inside / (blocks * 112) : 0;
	return {ratio: meanInside > 0 ? across / (blocks * 16) / meanInside : 1};
}
