import type {MainFace} from '../face/index.js';
import {median} from '../stats.js';
import {Cell, type FaceRegion} from './face-region.js';
import {HOT_MAX_CHANNEL, HOT_MIN_CHANNEL} from './glare.js';

/**
 * What glasses would put over each eye, measured whether or not there are glasses: the skin a lens
 * covers (an ellipse about the iris centre, LENS_WIDTH × LENS_HEIGHT eye distances, the eye itself
 * left out) against the cheeks below it, and the clipped white in the lens, eye included (a flash's
 * reflection on a lens, which the glare check leaves to this one inside the eye).
 */
export interface LensFacts {
	readonly right: Lens;
	readonly left: Lens;
}

export interface Lens {
	/** Median L* of the skin under the lens minus the cheeks' L*: a tinted lens darkens it. */
	readonly darkening: number;
	/** Skin cells measured under the lens. */
	readonly cells: number;
	/** Clipped white inside the lens, eye included, in squared eye distances. */
	readonly glare: number;
}

/** A lens's half-width and half-height, in eye distances (a typical frame is 0.9 × 0.55). */
const LENS_HALF_WIDTH = 0.42;
const LENS_HALF_HEIGHT = 0.26;

export function measureLenses(region: FaceRegion, face: Pick<MainFace, 'rightEye' | 'leftEye'>): LensFacts {
	return {right: lensAt(region, face.rightEye, face), left: lensAt(region, face.leftEye, face)};
}

function lensAt(region: FaceRegion, centre: readonly [number, number], face: Pick<MainFace, 'rightEye' | 'leftEye'>): Lens {
	const {columns, rows, x0, y0, step, cells, L, max, min, eyeDistance} = region;
	// The lens's axes follow the eye line, so a tilted head gets tilted lenses.
	const angle = Math.atan2(face.leftEye[1] - face.rightEye[1], face.leftEye[0] - face.rightEye[0]);
	const cos = Math.cos(angle);
	const sin = Math.sin(angle);
	const rx = LENS_HALF_WIDTH * eyeDistance;
	const ry = LENS_HALF_HEIGHT * eyeDistance;
	const reach = Math.max(rx, ry);
	const i0 = Math.max(0, Math.floor((centre[0] - reach - x0) / step));
	const i1 = Math.min(columns - 1, Math.ceil((centre[0] + reach - x0) / step));
	const j0 = Math.max(0, Math.floor((centre[1] - reach - y0) / step));
	const j1 = Math.min(rows - 1, Math.ceil((centre[1] + reach - y0) / step));
	const skin: number[] = [];
	let hot = 0;
	for (let j = j0; j <= j1; j++) {
		for (let i = i0; i <= i1; i++) {
			const dx = x0 + i * step - centre[0];
			const dy = y0 + j * step - centre[1];
			const u = dx * cos + dy * sin;
			const v = -dx * sin + dy * cos;
			if ((u / rx) ** 2 + (v / ry) ** 2 > 1) continue;
			const cell = j * columns + i;
			const kind = cells[cell];
			if (kind === Cell.Outside) continue;
			if (min[cell]! >= HOT_MIN_CHANNEL && max[cell]! >= HOT_MAX_CHANNEL) hot++;
			if (kind === Cell.Skin) skin.push(L[cell]!);
		}
	}
	return {
		darkening: skin.length > 0 ? region.cheeks.L - median(skin) : 0,
		cells: skin.length,
		glare: (hot * step * step) / (eyeDistance * eyeDistance),
	};
}
