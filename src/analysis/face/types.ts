/** The public shapes of the face facts (re-exported by index.ts). */

export interface FaceBox {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface DetectedFace {
	box: FaceBox;
	score: number;
}

export type CrownMethod = 'hair-boundary' | 'anthropometric';

export interface MainFace {
	box: FaceBox;
	score: number;
	/** The 68 iBUG points, image pixels. */
	landmarks: Array<[number, number]>;
	/** Eye centres (mean of the 6 contour points); "left" is the subject's left = image right. */
	leftEye: [number, number];
	rightEye: [number, number];
	chin: [number, number];
	crown: [number, number];
	crownMethod: CrownMethod;
	/** (chin.y − crown.y) / image height. */
	headHeightRatio: number;
	/** Horizontal face centre / image width (0.5 = centred). */
	centreX: number;
	rollDeg: number;
	yawDeg: number;
	pitchDeg: number;
	/** face-api expression probabilities (neutral, happy, …), summing to ≈ 1. */
	expressions?: Record<string, number>;
}

export interface FaceFacts {
	/** All faces found, best first. */
	faces: DetectedFace[];
	/** Faces BlazeFace finds in the whole frame besides those (group photos, small faces), best first. */
	others: DetectedFace[];
	/** The largest, most central confident face, with its measurements. */
	main?: MainFace;
	detector: 'tiny' | 'ssd' | 'none';
	backend: string;
	/** Milliseconds per stage: detect, landmarks, crown, total. */
	timings: Record<string, number>;
}
