/** The public shapes of the face facts (re-exported by index.ts). */

export interface FaceBox {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface DetectedFace {
	box: FaceBox;
	/** BlazeFace's confidence, 0–1. */
	score: number;
	/** BlazeFace's six keypoints, image pixels: the subject's right and left eye, nose tip, mouth, right and left ear tragion. */
	keypoints?: Array<[number, number]>;
}

export type CrownMethod = 'hair-boundary' | 'anthropometric';

/**
 * The main face, measured on the analysis image: every point is in its pixels, which are `scale`
 * times fewer than the photo's when a large photo is decoded small. A share of the photo's size is
 * taken here, against the analysis image's own size (the ratios below), never against the header's.
 */
export interface MainFace {
	box: FaceBox;
	score: number;
	/** The 68 iBUG points, image pixels, taken from the face mesh (ibug.ts). */
	landmarks: Array<[number, number]>;
	/** MediaPipe's face mesh: 468 points, image pixels, and each point's depth (pixels, nearer is smaller). */
	mesh: Array<[number, number]>;
	meshDepth: number[];
	/** The face mesh net's confidence that its crop holds a face, 0–1. */
	meshScore: number;
	/** MediaPipe's iris model, 76 points an eye (71: the iris centre). */
	irises: {right: Array<[number, number]>; left: Array<[number, number]>};
	/** Eye centres: the iris centres; "left" is the subject's left = image right. */
	leftEye: [number, number];
	rightEye: [number, number];
	chin: [number, number];
	crown: [number, number];
	crownMethod: CrownMethod;
	/** (chin.y − crown.y) / image height. */
	headHeightRatio: number;
	/** Horizontal face centre / image width (0.5 = centred). */
	centreX: number;
	/** The eyes' mean height / image height, from the top. */
	eyeLine: number;
	rollDeg: number;
	yawDeg: number;
	pitchDeg: number;
	/** face-api's expression probabilities (neutral, happy, …), summing to ≈ 1. */
	expressions: Record<string, number>;
}

export interface FaceFacts {
	/** Every candidate BlazeFace finds in the whole frame (from a score of 0.3), the most prominent first. */
	faces: DetectedFace[];
	/** The largest, most central confident face, with its measurements. */
	main?: MainFace;
	detector: 'blazeface' | 'none';
	backend: string;
	/** Milliseconds per stage: detect, landmarks, crown, total. */
	timings: Record<string, number>;
}
