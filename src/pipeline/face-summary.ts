import type {MainFace} from '../analysis/face/index.js';
import {round} from '../format.js';
import type {FaceSummary} from '../report/schema.js';

/** The main face for the report, in the photo's pixels (the analysis image may be `scale` times smaller). */
export function faceSummary(face: MainFace, scale: number): FaceSummary {
	const point = ([x, y]: readonly [number, number]): [number, number] => [round(x * scale), round(y * scale)];
	const {box} = face;
	return {
		box: {x: round(box.x * scale), y: round(box.y * scale), width: round(box.width * scale), height: round(box.height * scale)},
		leftEye: point(face.leftEye),
		rightEye: point(face.rightEye),
		chin: point(face.chin),
		crown: point(face.crown),
		headHeightRatio: round(face.headHeightRatio, 4),
		centreX: round(face.centreX, 4),
		rollDeg: round(face.rollDeg),
		yawDeg: round(face.yawDeg),
		pitchDeg: round(face.pitchDeg),
	};
}
