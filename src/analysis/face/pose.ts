import {IBUG, meanOf, type Point, pointAt} from './landmarks.js';

/**
 * Nose-tip position between the eye line and the chin, (nose.y − eye.y) / (chin.y − eye.y), along
 * the face axis, on the shared frontal photos (median): the pitch zero.
 */
const FRONTAL_NOSE_DROP = 0.3;
/**
 * How far the nose tip stands in front of the face's other landmarks, in the units each formula
 * divides by (generic adult head): ~1.1 jaw half-widths in front of the jaw points 0/16, ~0.7
 * half inter-eye distances in front of the eye centres, ~0.24 eye-to-chin distances (≈ 29 of 120 mm) in
 * front of the eye–chin line.
 */
const NOSE_DEPTH_OVER_JAW = 1.1;
const NOSE_DEPTH_OVER_HALF_IPD = 0.7;
const NOSE_DEPTH_OVER_EYE_CHIN = 0.24;

const DEG = 180 / Math.PI;

export interface Pose {
	rollDeg: number;
	yawDeg: number;
	pitchDeg: number;
}

/**
 * Head pose from the 68 landmarks with a weak-perspective (distant camera) head model.
 *
 * roll  = atan2(left.y − right.y, left.x − right.x) of the eye centres: 0 when level, positive when
 *         the subject's left eye (image right) is lower, i.e. the head leans toward image right.
 * yaw   : turning by ψ moves the nose tip (depth D in front of a landmark pair of half-spacing W)
 *         sideways by D·sin ψ while the pair's half-spacing shrinks to W·cos ψ, so
 *         offset / half-spacing = (D/W)·tan ψ. Averaged over the jaw pair (0, 16) and the eye
 *         centres. Positive when the nose points to image right (the subject's left).
 * pitch : nodding by φ moves the nose tip along the face axis by ≈ D·sin φ relative to the eye
 *         line and chin; (drop₀ − drop) = (D/E)·sin φ with drop the nose's fraction of the
 *         eye-to-chin distance E. Positive = chin up.
 */
export function estimatePose(points: readonly Point[], rightEye: Point, leftEye: Point): Pose {
	const rollDeg = Math.atan2(leftEye[1] - rightEye[1], leftEye[0] - rightEye[0]) * DEG;
	// Work in a frame with the eye line horizontal, so roll does not leak into yaw or pitch.
	const c = Math.cos(-rollDeg / DEG);
	const s = Math.sin(-rollDeg / DEG);
	const eyeMid: Point = [(rightEye[0] + leftEye[0]) / 2, (rightEye[1] + leftEye[1]) / 2];
	const level = (p: Point): Point => {
		const dx = p[0] - eyeMid[0];
		const dy = p[1] - eyeMid[1];
		return [dx * c - dy * s, dx * s + dy * c];
	};
	const nose = level(pointAt(points, IBUG.noseTip));
	const jawR = level(pointAt(points, IBUG.jaw[0]));
	const jawL = level(pointAt(points, IBUG.jaw[1]));
	const chin = level(pointAt(points, IBUG.chin));
	const eyeR = level(meanOf(points, IBUG.rightEye));
	const eyeL = level(meanOf(points, IBUG.leftEye));

	const jawHalf = (jawL[0] - jawR[0]) / 2;
	const eyeHalf = (eyeL[0] - eyeR[0]) / 2;
	const yawJaw = jawHalf > 0 ? Math.atan((nose[0] - (jawL[0] + jawR[0]) / 2) / jawHalf / NOSE_DEPTH_OVER_JAW) : 0;
	const yawEye = eyeHalf > 0 ? Math.atan((nose[0] - (eyeL[0] + eyeR[0]) / 2) / eyeHalf / NOSE_DEPTH_OVER_HALF_IPD) : 0;
	const yawDeg = ((yawJaw + yawEye) / 2) * DEG;

	const eyeChin = chin[1];
	const drop = eyeChin > 0 ? nose[1] / eyeChin : FRONTAL_NOSE_DROP;
	const sinPitch = Math.max(-1, Math.min(1, (FRONTAL_NOSE_DROP - drop) / NOSE_DEPTH_OVER_EYE_CHIN));
	const pitchDeg = Math.asin(sinPitch) * DEG;
	return {rollDeg, yawDeg, pitchDeg};
}
