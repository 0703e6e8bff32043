import type {RgbImage} from '../../input/image.js';
import type {Point} from './landmarks.js';
import type {CrownMethod} from './types.js';

/**
 * Where the hand-placed crowns of the shared photos sit (75 photos, 3 sets): not on the top of
 * the hair volume but about where the skull's top is under it (a median 60 px below the hair
 * outline at 1350 px). So the crown is estimated from the face's proportions, and the hair outline
 * only caps it: the head cannot end above its hair.
 *
 * Height of the crown above the eye line, in eye-to-chin distances E: a + b · drop + c · top, with
 * drop the nose tip's position between eye line and chin (0 at the eyes, 1 at the chin; mesh point 4)
 * and top the height of the mesh's forehead point (10) above the eye line, in E. drop carries the
 * head's nod: a head bowed forward foreshortens E and lowers the nose within it, so the crown
 * stands higher over a shorter E; top carries the forehead's own height. Least squares on the 75
 * shared photos with hand-placed crowns (scripts/face-accuracy.ts): head-height error 0.0145 of the
 * image height (leave-one-person-out), against 0.0153 for drop alone and 0.0198 for top alone.
 */
const CROWN_BASE = 0.112;
const CROWN_PER_DROP = 1.554;
const CROWN_PER_TOP = 0.839;
/** drop and top beyond the ranges seen on the shared faces (0.19–0.33, 0.43–0.55) are landmark failures: do not extrapolate. */
const DROP_RANGE: readonly [number, number] = [0.15, 0.4];
const TOP_RANGE: readonly [number, number] = [0.35, 0.65];
/** A hair outline closer than this to the eyes (in E) is not the head's top (hair the colour of the backdrop). */
const MIN_HAIR_OVER_EYE_CHIN = 0.6;
/** Band of columns scanned, as half-width in inter-eye distances: the crown region of the head. */
const BAND_HALF_WIDTH = 0.6;
/** Rows at the top (share of the height) that give each column's backdrop colour and noise. */
const SETTLE_ROWS = 0.01;
/** Smallest RGB step counted as leaving the backdrop. */
const MIN_STEP = 14;
/** Share of each row's difference the running backdrop colour absorbs. */
const FOLLOW = 0.05;
/** Which of the columns' edges (as a quantile, top first) is the crown. */
const CROWN_QUANTILE = 0.1;
/** A backdrop noisier than this (RGB standard deviation) at the top is busy: do not scan. */
const MAX_BACKDROP_NOISE = 6;

export interface CrownInput {
	rightEye: Point;
	leftEye: Point;
	chin: Point;
	noseTip: Point;
	/** The top of the forehead (mesh point 10). */
	forehead: Point;
	/** Topmost y of the eyebrow landmarks: where the hair scan starts. */
	browTop: number;
}

export interface Crown {
	point: Point;
	method: CrownMethod;
	/** The top of the hair found above the face, when the backdrop allowed a scan. */
	hairTop?: number;
}

/**
 * The crown: the anthropometric estimate along the face's axis, lowered to the top of the hair
 * when the hair ends below it ('hair-boundary': short hair, a bald head), else 'anthropometric'.
 */
export function findCrown(image: RgbImage, face: CrownInput): Crown {
	const eyeMid: Point = [(face.rightEye[0] + face.leftEye[0]) / 2, (face.rightEye[1] + face.leftEye[1]) / 2];
	const eyeChin = Math.hypot(face.chin[0] - eyeMid[0], face.chin[1] - eyeMid[1]);
	if (!(eyeChin > 0)) return {point: eyeMid, method: 'anthropometric'};
	// Up along the face's own axis (chin → eyes), so a tilted head gets a tilted estimate.
	const up: Point = [(eyeMid[0] - face.chin[0]) / eyeChin, (eyeMid[1] - face.chin[1]) / eyeChin];
	const drop = ((face.noseTip[0] - eyeMid[0]) * -up[0] + (face.noseTip[1] - eyeMid[1]) * -up[1]) / eyeChin;
	const top = ((face.forehead[0] - eyeMid[0]) * up[0] + (face.forehead[1] - eyeMid[1]) * up[1]) / eyeChin;
	const k = CROWN_BASE + CROWN_PER_DROP * clamp(drop, DROP_RANGE) + CROWN_PER_TOP * clamp(top, TOP_RANGE);
	const estimate: Point = [eyeMid[0] + up[0] * k * eyeChin, eyeMid[1] + up[1] * k * eyeChin];

	const ipd = Math.hypot(face.leftEye[0] - face.rightEye[0], face.leftEye[1] - face.rightEye[1]);
	const hairTop = ipd > 0 ? scanHairTop(image, estimate[0], ipd * BAND_HALF_WIDTH, Math.min(face.browTop, eyeMid[1]) - 1) : undefined;
	if (hairTop === undefined || (eyeMid[1] - hairTop) / eyeChin < MIN_HAIR_OVER_EYE_CHIN) return {point: estimate, method: 'anthropometric'};
	if (hairTop <= estimate[1]) return {point: estimate, method: 'anthropometric', hairTop};
	// Where the face axis meets the hair-top row.
	const x = eyeMid[0] + (up[1] !== 0 ? (up[0] / up[1]) * (hairTop - eyeMid[1]) : 0);
	return {point: [x, hairTop], method: 'hair-boundary', hairTop};
}

function clamp(value: number, [low, high]: readonly [number, number]): number {
	return Math.min(high, Math.max(low, value));
}

/**
 * The topmost head row in the band, or undefined when the background cannot be trusted. Each
 * column (averaged over 3 neighbours against noise) is walked down from the top edge against a
 * running estimate of the backdrop's colour: that follows the slow shading of a lit backdrop (a
 * brighter patch behind the head is common) but not the abrupt change where hair begins. The
 * crown is a low quantile of the columns' first departures, so a stray strand does not count.
 */
function scanHairTop(image: RgbImage, centreX: number, halfWidth: number, startY: number): number | undefined {
	const {data, width} = image;
	const x0 = Math.max(1, Math.round(centreX - halfWidth));
	const x1 = Math.min(width - 2, Math.round(centreX + halfWidth));
	const bottom = Math.min(Math.floor(startY), image.height - 1);
	const settle = Math.max(4, Math.round(image.height * SETTLE_ROWS));
	if (x1 - x0 < 4 || bottom <= settle * 2) return undefined;
	const step = Math.max(1, Math.round((x1 - x0) / 64));
	const edges: number[] = [];
	const noises: number[] = [];
	for (let x = x0; x <= x1; x += step) {
		const column = walkColumn(data, width, x, bottom, settle);
		noises.push(column.noise);
		edges.push(column.edge);
	}
	noises.sort((a, b) => a - b);
	if ((noises[noises.length >> 1] ?? Infinity) > MAX_BACKDROP_NOISE) return undefined;
	edges.sort((a, b) => a - b);
	const crown = edges[Math.floor(edges.length * CROWN_QUANTILE)];
	// The head already at the top edge: the crown is out of frame, not measurable here.
	if (crown === undefined || crown <= settle) return undefined;
	return crown;
}

/**
 * Walks one column down from the top: the first row where 3 successive pixels differ from the
 * running backdrop colour by more than the threshold (from the noise of the first rows).
 */
function walkColumn(data: Uint8Array, width: number, x: number, bottom: number, settle: number): {edge: number; noise: number} {
	const px = (y: number, c: number): number => {
		const p = (y * width + x) * 3 + c;
		return ((data[p - 3] as number) + (data[p] as number) + (data[p + 3] as number)) / 3;
	};
	// Backdrop colour and noise from the first rows of the column.
	const bg = [0, 0, 0];
	for (let y = 0; y < settle; y++) for (let c = 0; c < 3; c++) bg[c]! += px(y, c) / settle;
	let variance = 0;
	for (let y = 0; y < settle; y++) for (let c = 0; c < 3; c++) variance += (px(y, c) - bg[c]!) ** 2 / (settle * 3);
	const noise = Math.sqrt(variance);
	const threshold = Math.max(MIN_STEP, 4 * noise);
	const t2 = threshold * threshold;
	let run = 0;
	for (let y = settle; y <= bottom; y++) {
		const dr = px(y, 0) - bg[0]!;
		const dg = px(y, 1) - bg[1]!;
		const db = px(y, 2) - bg[2]!;
		if (dr * dr + dg * dg + db * db > t2) {
			if (++run >= 3) return {edge: y - 2, noise};
		} else {
			run = 0;
			// Follow slow shading of the backdrop.
			for (let c = 0; c < 3; c++) bg[c]! += (px(y, c) - bg[c]!) * FOLLOW;
		}
	}
	return {edge: bottom, noise};
}
