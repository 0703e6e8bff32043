import type {MainFace} from '../face/index.js';
import {median} from '../stats.js';
import {Cell, type FaceRegion} from './face-region.js';
import {HOT_MAX_CHANNEL, HOT_MIN_CHANNEL} from './glare.js';

/**
 * What glasses would put over each eye, measured whether or not there are glasses: the skin a lens
 * covers (an ellipse about the iris centre, LENS_WIDTH × LENS_HEIGHT eye distances, the eye itself
 * left out) against the cheek below it on the same side, and the clipped white in the lens, eye included (a flash's
 * reflection on a lens, which the glare check leaves to this one inside the eye).
 */
export interface LensFacts {
	readonly right: Lens;
	readonly left: Lens;
}

export interface Lens {
	/** The same side's cheek L* minus the median L* of the skin under the lens: a tinted lens darkens it. */
	readonly darkening: number;
	/** Skin cells measured under the lens. */
	readonly cells: number;
	/**
	 * Clipped white inside the lens, eye included, in squared eye distances: only when it stands out
	 * (GLARE_CONTRAST) from the skin under the lens and the lens clips far more of itself than the
	 * face's skin does elsewhere (FACE_CLIPPING_RATIO); on a washed-out face the skin is clipped too,
	 * and that is exposure's to judge.
	 */
	readonly glare: number;
}

/** How much brighter (L*) clipped cells must be than the median skin under the lens to be a reflection. */
const GLARE_CONTRAST = 8;
/** A lens's clipped share must exceed the face's skin's (tone.brightShare) this many times to be a reflection. */
const FACE_CLIPPING_RATIO = 3;

/** A lens's half-width and half-height, in eye distances (a typical frame is 0.9 × 0.55). */
const LENS_HALF_WIDTH = 0.42;
const LENS_HALF_HEIGHT = 0.26;

export function measureLenses(region: FaceRegion, face: Pick<MainFace, 'rightEye' | 'leftEye'>): LensFacts {
	// Each lens against the cheek on its own side, so that light from one side is not read as a tint.
	return {right: lensAt(region, face.rightEye, face, region.cheekRight.L), left: lensAt(region, face.leftEye, face, region.cheekLeft.L)};
}

function lensAt(region: FaceRegion, centre: readonly [number, number], face: Pick<MainFace, 'rightEye' | 'leftEye'>, cheekL: number): Lens {
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
	const hot: number[] = [];
	let inLens = 0;
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
			inLens++;
			const clipped = min[cell]! >= HOT_MIN_CHANNEL && max[cell]! >= HOT_MAX_CHANNEL;
			if (clipped) hot.push(L[cell]!);
			else if (kind === Cell.Skin) skin.push(L[cell]!);
		}
	}
	const skinL = skin.length > 0 ? median(skin) : Number.NaN;
	// A reflection is the lens's own: clipped white well beyond what the face's skin shows elsewhere
	// (a washed-out face clips under the lenses as much as on the cheeks), and brighter than the skin under it.
	const lensClipped = inLens > 0 ? hot.length / inLens : 0;
	const reflects = hot.length > 0 && lensClipped > FACE_CLIPPING_RATIO * region.tone.brightShare && !(median(hot) - skinL < GLARE_CONTRAST);
	return {
		darkening: skin.length > 0 ? cheekL - skinL : 0,
		cells: skin.length,
		glare: reflects ? (hot.length * step * step) / (eyeDistance * eyeDistance) : 0,
	};
}
