import {median} from '../stats.js';
import {Cell, type FaceRegion} from './face-region.js';

/**
 * Glare: clusters of clipped, near-white, colourless pixels on the face (a flash's hot spot on
 * skin, or its reflection in glasses), found on the face region's full-resolution grid. The eyes
 * themselves are left out: the small catchlights in the pupils are expected.
 */
export interface GlareFacts {
	/** The clusters, largest first, in image pixels (radius of the disc of the same area). */
	readonly spots: Array<{x: number; y: number; radius: number; area: number}>;
	/** Area of the largest cluster / the square of the eye distance. */
	readonly largest: number;
	/** Area of all clusters / the square of the eye distance. */
	readonly total: number;
	/** Share of the skin cells that are hot (clustered or not). */
	readonly hotShare: number;
	/** How many of the hot cells lie around the eyes (where glasses reflect), / all hot cells. */
	readonly nearEyes: number;
}

/**
 * A hot cell: every channel at least this (near-white, clipped or nearly) … Skin, even pale and
 * brightly lit, keeps its blue channel well below its red one; a blown highlight has none left.
 */
export const HOT_MIN_CHANNEL = 235;
/** … and the brightest channel at least this (clipped). */
export const HOT_MAX_CHANNEL = 248;
/** Clusters smaller than this (cells) are JPEG speckle, not a spot. */
const MIN_CLUSTER_CELLS = 3;
/**
 * A spot is a peak: the skin around it (a ring half the spot's radius wide, at least 2 cells) must
 * be this much darker (median L*) than the spot. An evenly bright forehead, clipped from edge to
 * edge, is not glare (exposure judges how washed out it is).
 */
const MIN_SPOT_CONTRAST = 8;
/** Fewer skin cells than this around a cluster cannot tell a peak from a plateau: it stays a spot. */
const MIN_RING_CELLS = 4;

export function measureGlare(region: FaceRegion, eyes: readonly (readonly [number, number])[]): GlareFacts {
	const {columns, rows, cells, max, min, step, x0, y0, eyeDistance} = region;
	const hot = new Uint8Array(cells.length);
	let skin = 0;
	let hotCount = 0;
	for (let cell = 0; cell < cells.length; cell++) {
		if (cells[cell] !== Cell.Skin) continue;
		skin++;
		if (min[cell]! >= HOT_MIN_CHANNEL && max[cell]! >= HOT_MAX_CHANNEL) {
			hot[cell] = 1;
			hotCount++;
		}
	}
	const cellArea = (step * step) / (eyeDistance * eyeDistance);
	const spots: GlareFacts['spots'] = [];
	const seen = new Uint8Array(cells.length);
	const stack: number[] = [];
	let nearEyeCells = 0;
	for (let start = 0; start < cells.length; start++) {
		if (!hot[start] || seen[start]) continue;
		seen[start] = 1;
		stack.push(start);
		let count = 0;
		let sumX = 0;
		let sumY = 0;
		const members: number[] = [];
		while (stack.length > 0) {
			const cell = stack.pop()!;
			const i = cell % columns;
			const j = (cell - i) / columns;
			count++;
			members.push(cell);
			sumX += i;
			sumY += j;
			const x = x0 + i * step;
			const y = y0 + j * step;
			if (eyes.some(([ex, ey]) => Math.hypot(x - ex, y - ey) < 0.5 * eyeDistance)) nearEyeCells++;
			for (const next of [i > 0 ? cell - 1 : -1, i < columns - 1 ? cell + 1 : -1, j > 0 ? cell - columns : -1, j < rows - 1 ? cell + columns : -1]) {
				if (next < 0 || !hot[next] || seen[next]) continue;
				seen[next] = 1;
				stack.push(next);
			}
		}
		if (count < MIN_CLUSTER_CELLS || !isPeak(region, members)) continue;
		spots.push({x: x0 + (sumX / count) * step, y: y0 + (sumY / count) * step, radius: Math.sqrt((count * step * step) / Math.PI), area: count * cellArea});
	}
	spots.sort((p, q) => q.area - p.area);
	return {
		spots,
		largest: spots[0]?.area ?? 0,
		total: spots.reduce((sum, spot) => sum + spot.area, 0),
		hotShare: skin ? hotCount / skin : 0,
		nearEyes: hotCount ? nearEyeCells / hotCount : 0,
	};
}

/** Whether a cluster of hot cells stands out from the skin around it (see MIN_SPOT_CONTRAST). */
function isPeak(region: FaceRegion, members: readonly number[]): boolean {
	const {columns, rows, cells, L} = region;
	const inside = new Set(members);
	let i0 = Infinity;
	let i1 = -Infinity;
	let j0 = Infinity;
	let j1 = -Infinity;
	for (const cell of members) {
		const i = cell % columns;
		const j = (cell - i) / columns;
		if (i < i0) i0 = i;
		if (i > i1) i1 = i;
		if (j < j0) j0 = j;
		if (j > j1) j1 = j;
	}
	const margin = Math.max(2, Math.ceil(0.5 * Math.sqrt(members.length / Math.PI)));
	const ring: number[] = [];
	for (let j = Math.max(0, j0 - margin); j <= Math.min(rows - 1, j1 + margin); j++) {
		for (let i = Math.max(0, i0 - margin); i <= Math.min(columns - 1, i1 + margin); i++) {
			const cell = j * columns + i;
			if (!inside.has(cell) && cells[cell] === Cell.Skin) ring.push(L[cell]!);
		}
	}
	if (ring.length < MIN_RING_CELLS) return true;
	const spot = median(members.map((cell) => L[cell]!));
	return spot - median(ring) >= MIN_SPOT_CONTRAST;
}
