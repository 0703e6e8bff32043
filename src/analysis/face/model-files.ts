/**
 * The face-api models the engine loads, by their file stem in models/. The list is shared by the
 * engine and by scripts/copy-models.ts so the two cannot drift apart.
 */
export const MODEL_NAMES = [
	'tiny_face_detector_model', // primary detector: fast, run on a downscaled copy
	'ssd_mobilenetv1_model', // fallback detector when the tiny one finds nothing
	'face_landmark_68_model', // 68 points, run on a full-resolution face crop
	'face_expression_model', // expression probabilities on the same crop (smile evidence)
] as const;

export type ModelName = (typeof MODEL_NAMES)[number];
