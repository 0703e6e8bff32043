import type {RgbImage} from '../../input/image.js';
import type {MainFace} from '../face/index.js';
import {median, quantiles} from '../stats.js';
import {type Bounds, boundsOf, growBounds, insidePolygon} from './bounds.js';
import {type Lab, rgbToLab} from './colour.js';

type Point = readonly [number, number];

/**
 * What a grid cell of the face region is. Skin: inside the jaw line and the forehead band, outside
 * the eyes and the mouth. Eye: the lids and what is between them (catchlights live here, so glare
 * ignores it). Mouth: the inner lips.
 */
export const Cell = {Outside: 0, Skin: 1, Eye: 2, Mouth: 3} as const;
export type Cell = (typeof Cell)[keyof typeof Cell];

/**
 * The face's pixels, sampled on a grid at full resolution: the jaw line closed by the brows raised
 * into the forehead, each cell tagged skin, eye or mouth, with its CIELAB colour and its brightest
 * and darkest channel. Exposure, lighting, glare and skin colour all read this one sampling.
 */
export interface FaceRegion {
	/** Grid size and placement: cell (i, j) is the pixel (x0 + i·step, y0 + j·step). */
	readonly columns: number;
	readonly rows: number;
	readonly x0: number;
	readonly y0: number;
	readonly step: number;
	readonly cells: Uint8Array;
	readonly L: Float32Array;
	readonly a: Float32Array;
	readonly b: Float32Array;
	/** max(R,G,B) and min(R,G,B) of the cell's pixel. */
	readonly max: Uint8Array;
	readonly min: Uint8Array;
	/** Signed distance of the cell from the facial midline (nose bridge to chin), in eye distances; + is the image's right. */
	readonly across: Float32Array;
	/** Distance between the eye centres, pixels. */
	readonly eyeDistance: number;
	/** Mean CIELAB of the two cheeks (under the eyes, beside the nose), the reference skin. */
	readonly cheeks: Lab;
	readonly cheekLeft: Lab;
	readonly cheekRight: Lab;
	/** Brightness of the skin, for exposure and lighting. */
	readonly tone: FaceTone;
}

export interface FaceTone {
	/** Median, 5th and 95th percentile L* of the skin cells. */
	readonly medianL: number;
	readonly lowL: number;
	readonly highL: number;
	/** Share of skin cells at L* ≤ 10 (luma ≈ 25 and below) and ≥ 97 (luma ≈ 247 and above): OFIQ's under- and over-exposure. */
	readonly darkShare: number;
	readonly brightShare: number;
	/**
	 * Median L* of the skin of each half of the face (the image's left and right of the midline, nose
	 * ridge left out): cells of the cheeks' hue only (SKIN_HUE), so that a beard, a moustache or the
	 * frames of glasses are not read as shadow; all of the half's cells when too few are skin-coloured
	 * (a greyscale photo).
	 */
	readonly leftL: number;
	readonly rightL: number;
}

/** About this many cells across the face: fine enough for a glare spot, cheap at any photo size. */
const CELLS_ACROSS = 90;
/** How far above the brows the region reaches into the forehead, in eye distances. */
const FOREHEAD = 0.4;
/** The outline's width kept, about the nose. */
const NARROWING = 0.9;
/** The eye cells: each eye's outline grown by this share about its centre, to cover lids and lashes. */
const EYE_GROWTH = 1.7;

export function measureFaceRegion(face: MainFace, image: RgbImage): FaceRegion {
	const p = (index: number): Point => face.landmarks[index] ?? [0, 0];
	const eyeDistance = Math.hypot(face.leftEye[0] - face.rightEye[0], face.leftEye[1] - face.rightEye[1]) || 1;
	// "Up" the face: from the chin towards the eyes, so that a tilted head gets a tilted forehead.
	const eyeMid: Point = [(face.leftEye[0] + face.rightEye[0]) / 2, (face.leftEye[1] + face.rightEye[1]) / 2];
	const eyeChin = Math.hypot(eyeMid[0] - face.chin[0], eyeMid[1] - face.chin[1]) || 1;
	const up: Point = [(eyeMid[0] - face.chin[0]) / eyeChin, (eyeMid[1] - face.chin[1]) / eyeChin];
	const raise = (point: Point): Point => [point[0] + up[0] * FOREHEAD * eyeDistance, point[1] + up[1] * FOREHEAD * eyeDistance];

	const jaw = Array.from({length: 17}, (_, index) => p(index));
	const brows = Array.from({length: 10}, (_, index) => raise(p(26 - index)));
	// Narrowed about the nose: the jaw landmarks can sit a little outside the cheek's edge, and the backdrop behind is as white as glare.
	const noseX = p(30)[0];
	const outline = [...jaw, ...brows].map((point): Point => [noseX + (point[0] - noseX) * NARROWING, point[1]]);
	const eyes = [grownPolygon([36, 37, 38, 39, 40, 41].map(p)), grownPolygon([42, 43, 44, 45, 46, 47].map(p))];
	const mouth = [60, 61, 62, 63, 64, 65, 66, 67].map(p);

	const xs = outline.map((point) => point[0]);
	const ys = outline.map((point) => point[1]);
	const left = Math.max(0, Math.floor(Math.min(...xs)));
	const top = Math.max(0, Math.floor(Math.min(...ys)));
	const right = Math.min(image.width - 1, Math.ceil(Math.max(...xs)));
	const bottom = Math.min(image.height - 1, Math.ceil(Math.max(...ys)));
	const step = Math.max(1, Math.round(Math.max(1, right - left) / CELLS_ACROSS));
	const columns = Math.max(0, Math.floor((right - left) / step) + 1);
	const rows = Math.max(0, Math.floor((bottom - top) / step) + 1);
	const count = columns * rows;
	const cells = new Uint8Array(count);
	const L = new Float32Array(count);
	const a = new Float32Array(count);
	const b = new Float32Array(count);
	const max = new Uint8Array(count);
	const min = new Uint8Array(count);
	const across = new Float32Array(count);

	// The midline: nose bridge (27) to chin (8).
	const m0 = p(27);
	const m1 = p(8);
	const mLength = Math.hypot(m1[0] - m0[0], m1[1] - m0[1]) || 1;
	const {data, width} = image;
	const eyeBounds = eyes.map((eye) => boundsOf(eye));
	const mouthBounds = boundsOf(mouth);
	const within = (x: number, y: number, box: Bounds): boolean => x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1;
	const dx = (m1[0] - m0[0]) / mLength / eyeDistance;
	const dy = (m1[1] - m0[1]) / mLength / eyeDistance;
	for (let j = 0; j < rows; j++) {
		const y = top + j * step;
		// The outline's span on this row (it is convex enough: one span, from its crossings).
		const [from, to] = rowSpan(outline, y);
		const i0 = Math.max(0, Math.ceil((from - left) / step));
		const i1 = Math.min(columns - 1, Math.floor((to - left) / step));
		for (let i = i0; i <= i1; i++) {
			const x = left + i * step;
			const cell = j * columns + i;
			let kind: Cell = Cell.Skin;
			for (let e = 0; e < eyes.length; e++) if (within(x, y, eyeBounds[e]!) && insidePolygon(x, y, eyes[e]!)) kind = Cell.Eye;
			if (kind === Cell.Skin && within(x, y, mouthBounds) && insidePolygon(x, y, mouth)) kind = Cell.Mouth;
			cells[cell] = kind;
			const index = (y * width + x) * 3;
			const r = data[index]!;
			const g = data[index + 1]!;
			const bl = data[index + 2]!;
			const lab = rgbToLab(r, g, bl);
			L[cell] = lab.L;
			a[cell] = lab.a;
			b[cell] = lab.b;
			max[cell] = Math.max(r, g, bl);
			min[cell] = Math.min(r, g, bl);
			// Cross product with the midline's direction: which side, and how far (+ is the image's right).
			across[cell] = dy * (x - m0[0]) - dx * (y - m0[1]);
		}
	}

	const region = {columns, rows, x0: left, y0: top, step, cells, L, a, b, max, min, across, eyeDistance};
	// The cheeks: between the lower lid and the mouth corner, beside the nose (as face-features.ts).
	const cheekRight = meanLabIn(region, growBounds(boundsOf([p(41), p(48), p(3), p(31)]), -0.25));
	const cheekLeft = meanLabIn(region, growBounds(boundsOf([p(46), p(54), p(13), p(35)]), -0.25));
	const cheeks = {L: (cheekLeft.L + cheekRight.L) / 2, a: (cheekLeft.a + cheekRight.a) / 2, b: (cheekLeft.b + cheekRight.b) / 2};
	return {...region, cheeks, cheekLeft, cheekRight, tone: measureTone(region, cheeks)};
}

/** Cells this far either side of the midline (eye distances) are the nose ridge: lit from both sides, left out of the halves. */
const RIDGE = 0.15;
/**
 * Skin for the halves' light: a cell whose hue (CIELAB) is within this many degrees of the cheeks'
 * and whose chroma is at least SKIN_CHROMA. Light and shadow change skin's lightness and chroma,
 * hardly its hue; hair and black or metal frames have little chroma and another hue.
 */
const SKIN_HUE = 30;
const SKIN_CHROMA = 4;
/** Below this share of skin-coloured cells in a half, the half is measured on all its cells. */
const MIN_SKIN_SHARE = 0.3;

export function measureTone(region: Pick<FaceRegion, 'cells' | 'L' | 'a' | 'b' | 'across'>, cheeks: Lab): FaceTone {
	const skin = cellValues(region, region.L);
	const hue = Math.atan2(cheeks.b, cheeks.a);
	const skinColoured = (cell: number): boolean => {
		const a = region.a[cell]!;
		const b = region.b[cell]!;
		if (Math.hypot(a, b) < SKIN_CHROMA) return false;
		const turn = Math.abs(Math.atan2(b, a) - hue) * (180 / Math.PI);
		return Math.min(turn, 360 - turn) <= SKIN_HUE;
	};
	const half = (side: (cell: number) => boolean): number[] => {
		const all = cellValues(region, region.L, side);
		const coloured = cellValues(region, region.L, (cell) => side(cell) && skinColoured(cell));
		return coloured.length >= Math.max(1, all.length * MIN_SKIN_SHARE) ? coloured : all;
	};
	const left = half((cell) => region.across[cell]! < -RIDGE);
	const right = half((cell) => region.across[cell]! > RIDGE);
	const [lowL, medianL, highL] = quantiles(skin, [0.05, 0.5, 0.95]) as [number, number, number];
	return {
		medianL,
		lowL,
		highL,
		darkShare: skin.length ? skin.filter((L) => L <= 10).length / skin.length : 0,
		brightShare: skin.length ? skin.filter((L) => L >= 97).length / skin.length : 0,
		leftL: median(left),
		rightL: median(right),
	};
}

/** Mean CIELAB of the skin cells inside a box (zeros when there are none). */
function meanLabIn(region: Omit<FaceRegion, 'cheeks' | 'cheekLeft' | 'cheekRight' | 'tone'>, box: Bounds): Lab {
	let L = 0;
	let a = 0;
	let b = 0;
	let count = 0;
	const i0 = Math.max(0, Math.ceil((box.x0 - region.x0) / region.step));
	const i1 = Math.min(region.columns - 1, Math.floor((box.x1 - region.x0) / region.step));
	const j0 = Math.max(0, Math.ceil((box.y0 - region.y0) / region.step));
	const j1 = Math.min(region.rows - 1, Math.floor((box.y1 - region.y0) / region.step));
	for (let j = j0; j <= j1; j++) {
		for (let i = i0; i <= i1; i++) {
			const cell = j * region.columns + i;
			if (region.cells[cell] !== Cell.Skin) continue;
			L += region.L[cell]!;
			a += region.a[cell]!;
			b += region.b[cell]!;
			count++;
		}
	}
	return count ? {L: L / count, a: a / count, b: b / count} : {L: 0, a: 0, b: 0};
}

function grownPolygon(points: readonly Point[]): Point[] {
	const cx = points.reduce((sum, point) => sum + point[0], 0) / points.length;
	const cy = points.reduce((sum, point) => sum + point[1], 0) / points.length;
	return points.map((point) => [cx + (point[0] - cx) * EYE_GROWTH, cy + (point[1] - cy) * EYE_GROWTH]);
}

/** The leftmost and rightmost crossing of a closed polygon with the row y (an empty span when it misses). */
function rowSpan(polygon: readonly Point[], y: number): [number, number] {
	let from = Infinity;
	let to = -Infinity;
	for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
		const [xi, yi] = polygon[i]!;
		const [xj, yj] = polygon[j]!;
		if (yi > y === yj > y) continue;
		const x = ((xj - xi) * (y - yi)) / (yj - yi) + xi;
		if (x < from) from = x;
		if (x > to) to = x;
	}
	return [from, to];
}

/** Values of the cells of one kind (skin by default), optionally filtered by a predicate on the cell index. */
export function cellValues(
	region: Pick<FaceRegion, 'cells'>,
	values: Float32Array,
	keep: (cell: number) => boolean = () => true,
	kind: Cell = Cell.Skin,
): number[] {
	const out: number[] = [];
	for (let cell = 0; cell < region.cells.length; cell++) if (region.cells[cell] === kind && keep(cell)) out.push(values[cell]!);
	return out;
}
