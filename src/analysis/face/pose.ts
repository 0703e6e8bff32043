import type {Point} from './landmarks.js';
import {MESH} from './mesh.js';

const DEG = 180 / Math.PI;

export interface Pose {
	rollDeg: number;
	yawDeg: number;
	pitchDeg: number;
}

/**
 * Head pose from the face mesh, whose points carry depth (z, in image pixels, nearer is smaller).
 *
 * roll  = atan2(left.y − right.y, left.x − right.x) of the iris centres: 0 when level, positive when
 *         the subject's left eye (image right) is lower, i.e. the head leans toward image right.
 * yaw   = atan2(z₄₅₄ − z₂₃₄, x₄₅₄ − x₂₃₄) of the face's two side edges (cheek points 234, 454) in the
 *         frame made level by roll: positive when the nose points to image right (the subject's left).
 * pitch = atan2(z₁₀ − z₁₅₂, y₁₅₂ − y₁₀) of the forehead top (10) and the chin (152): positive = chin up.
 *
 * On the 75 shared frontal photos with hand-placed points: yaw −5.4…+3.8° (standard deviation
 * 2.0°, against 3.8° for the 2-D nose-offset estimate of face-api's 68 points), pitch −12.8…+7.9°.
 */
export function estimatePose(mesh: readonly Point[], depth: readonly number[], rightEye: Point, leftEye: Point): Pose {
	const roll = Math.atan2(leftEye[1] - rightEye[1], leftEye[0] - rightEye[0]);
	// Work in a frame with the eye line horizontal, so roll does not leak into yaw or pitch.
	const cos = Math.cos(-roll);
	const sin = Math.sin(-roll);
	const level = (index: number): {x: number; y: number; z: number} => {
		const point = mesh[index];
		const z = depth[index];
		if (!point || z === undefined) throw new Error(`photo-requirements: mesh point ${index} missing`);
		return {x: point[0] * cos - point[1] * sin, y: point[0] * sin + point[1] * cos, z};
	};
	const right = level(MESH.rightCheek);
	const left = level(MESH.leftCheek);
	const top = level(MESH.forehead);
	const chin = level(MESH.chin);
	return {
		rollDeg: roll * DEG,
		yawDeg: Math.atan2(left.z - right.z, left.x - right.x) * DEG,
		pitchDeg: Math.atan2(top.z - chin.z, chin.y - top.y) * DEG,
	};
}
