/**
 * The face engine: finds the faces in a decoded photo and measures the main one (landmarks, eye
 * centres, chin and crown, head height, centring, pose) for the face checks.
 */

import {round} from '../../format.js';
import type {RgbImage} from '../../input/image.js';
import type {ModelSource} from '../../platform/types.js';
import {detectAllFaces} from './blazeface.js';
import {findCrown} from './crown.js';
import {rank} from './detect.js';
import {getFaceEngine} from './engine.js';
import {EXPRESSION_INPUT, predictExpressions} from './expression.js';
import {ibugFromMesh} from './ibug.js';
import {boundsOf, IBUG, type Point, pointAt, squareAround} from './landmarks.js';
import {IRIS_CENTRE, MESH, type MeshFace, meshFace} from './mesh.js';
import {estimatePose} from './pose.js';
import {resampleRegion} from './raster.js';
import type {DetectedFace, FaceFacts, MainFace} from './types.js';

export {type FaceEngineInfo, faceEngineMemory, loadFaceEngine} from './engine.js';
export type {CrownMethod, DetectedFace, FaceBox, FaceFacts, MainFace} from './types.js';

/**
 * The main face is the most prominent candidate from this BlazeFace score: below it a candidate is
 * reported (face-count can count it) but not measured.
 */
export const MAIN_FACE_MIN_SCORE = 0.5;
/** The expression crop: the landmarks' bounding box, squared and grown by this factor. */
const EXPRESSION_CROP_SCALE = 1.2;
/** Below this many pixels a side there is no face to measure. */
const MIN_SIDE = 32;

/** The faces found, before any is measured. */
export interface FaceDetection {
	/** Every candidate, the most prominent first. */
	faces: DetectedFace[];
	detector: FaceFacts['detector'];
	/** Milliseconds the detection took. */
	ms: number;
}

/**
 * Finds the faces in `image`, which may be a reduced copy of the photo: boxes and keypoints come
 * back multiplied by `scale`, in the full photo's pixels. Detection needs no detail, so it runs on
 * a copy decoded small.
 */
export async function findFaces(image: RgbImage, models: ModelSource, scale = 1): Promise<FaceDetection> {
	const engine = await getFaceEngine(models);
	const started = performance.now();
	if (!usable(image)) return {faces: [], detector: 'none', ms: 0};
	const found = rank(await detectAllFaces(engine.tf, engine.blazeface, image), image);
	const toPhoto = (face: DetectedFace): DetectedFace => ({
		box: {x: face.box.x * scale, y: face.box.y * scale, width: face.box.width * scale, height: face.box.height * scale},
		score: face.score,
		...(face.keypoints ? {keypoints: face.keypoints.map(([x, y]): [number, number] => [x * scale, y * scale])} : {}),
	});
	return {faces: found.map(toPhoto), detector: 'blazeface', ms: round(performance.now() - started)};
}

/** Finds the faces in `image` (or takes `detection` from `findFaces`) and measures the main one. Never throws for a bad photo. */
export async function analyseFaces(image: RgbImage, models: ModelSource, detection?: FaceDetection): Promise<FaceFacts> {
	const engine = await getFaceEngine(models);
	const timings: Record<string, number> = {};
	const started = performance.now();
	let t = started;
	const lap = (name: string): void => {
		const now = performance.now();
		timings[name] = round(now - t);
		t = now;
	};

	if (!usable(image)) {
		// Nothing a detector could use (or a malformed buffer): no face, not an exception.
		return {faces: [], detector: 'none', backend: engine.info.backend, timings: {total: 0}};
	}
	const {faces, detector, ms} = detection ?? (await findFaces(image, models));
	timings.detect = ms;
	t = performance.now();
	const best = faces.find((face) => face.score >= MAIN_FACE_MIN_SCORE);
	let main: MainFace | undefined;
	if (best) {
		const found = await meshFace(engine.tf, engine, image, best);
		lap('landmarks');
		const measured = measure(image, best, found);
		lap('crown');
		// The expression net reads a crop framed on the landmarks rather than on the detector's box:
		// steadier under lighting changes (scripts/expression-calibration.ts).
		const region = squareAround(boundsOf(measured.landmarks), EXPRESSION_CROP_SCALE);
		const pixels = resampleRegion(image, region, EXPRESSION_INPUT, EXPRESSION_INPUT);
		main = {...measured, expressions: await predictExpressions(engine.tf, engine.expression, pixels)};
		lap('expressions');
	}
	timings.total = round(performance.now() - started + (detection ? ms : 0));
	const facts: FaceFacts = {faces, detector, backend: engine.info.backend, timings};
	if (main) facts.main = main;
	return facts;
}

/** Eye centres, chin, crown, head height, centring and pose from the mesh and the irises. */
function measure(image: RgbImage, face: DetectedFace, {mesh, irises}: MeshFace): Omit<MainFace, 'expressions'> {
	const points = ibugFromMesh(mesh.points);
	const rightEye = pointAt(irises.right, IRIS_CENTRE);
	const leftEye = pointAt(irises.left, IRIS_CENTRE);
	const eyeMid: Point = [(rightEye[0] + leftEye[0]) / 2, (rightEye[1] + leftEye[1]) / 2];
	// Mesh point 152 is the chin's lowest point: 0.9 % of the eye-to-chin distance from the hand-placed
	// chins of the shared photos (median), too little to correct.
	const chin = pointAt(mesh.points, MESH.chin);
	const browTop = Math.min(...IBUG.brows.map((i) => pointAt(points, i)[1]));
	const crown = findCrown(image, {
		rightEye,
		leftEye,
		chin,
		noseTip: pointAt(mesh.points, MESH.noseBase),
		forehead: pointAt(mesh.points, MESH.forehead),
		browTop,
	});
	// Face centre: midway between the eye midpoint and the chin horizontally, i.e. the facial midline.
	const centre = (eyeMid[0] + chin[0]) / 2;
	return {
		box: face.box,
		score: face.score,
		landmarks: points,
		mesh: mesh.points,
		meshDepth: mesh.z,
		meshScore: mesh.score,
		irises,
		leftEye,
		rightEye,
		chin,
		crown: crown.point,
		crownMethod: crown.method,
		headHeightRatio: (chin[1] - crown.point[1]) / image.height,
		centreX: centre / image.width,
		eyeLine: eyeMid[1] / image.height,
		...estimatePose(mesh.points, mesh.z, rightEye, leftEye),
	};
}

function usable(image: RgbImage): boolean {
	return image.width >= MIN_SIDE && image.height >= MIN_SIDE && image.data.length >= image.width * image.height * 3;
}
