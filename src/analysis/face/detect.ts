import type {RgbImage} from '../../input/image.js';
import {clipBox, iou} from './boxes.js';
import type {FaceEngine} from './engine.js';
import {resampleRegion} from './raster.js';
import type {DetectedFace, FaceBox} from './types.js';

/**
 * Input sizes tried in turn by the tiny detector (multiples of 32; the copy's longest side).
 * Its anchors suit a face filling much of a small input: on the shared portraits the best face
 * scored ≥ 0.49 at 224 in every photo, while 320 missed 6 % (and 416 took 3× as long). 416 is
 * the second try, for smaller faces.
 */
const TINY_INPUTS = [224, 416] as const;
/** SSD resizes everything to 512²; give it that much detail. */
const SSD_INPUT = 512;
const TINY_MIN_SCORE = 0.5;
const SSD_MIN_SCORE = 0.5;
/** Overlapping boxes (IoU above this) from the detector are one face. */
const DUPLICATE_IOU = 0.4;

export interface Detection {
	faces: DetectedFace[];
	detector: 'tiny' | 'ssd' | 'none';
}

/**
 * Finds faces on a downscaled copy (detection does not need the detail and the cost grows with
 * the pixels): the tiny detector first (~25 ms at 224, ~70 ms at 416), SSD MobileNet (~500 ms)
 * only when the tiny one finds nothing. Boxes come back in full-image pixels, best first.
 */
export async function detectFaces(engine: FaceEngine, image: RgbImage): Promise<Detection> {
	for (const inputSize of TINY_INPUTS) {
		const tiny = await runDetector(engine, image, inputSize, (input) =>
			engine.faceapi.nets.tinyFaceDetector.locateFaces(input, new engine.faceapi.TinyFaceDetectorOptions({inputSize, scoreThreshold: TINY_MIN_SCORE})),
		);
		if (tiny.length > 0) return {faces: rank(tiny, image), detector: 'tiny'};
	}
	const ssd = await runDetector(engine, image, SSD_INPUT, (input) =>
		engine.faceapi.nets.ssdMobilenetv1.locateFaces(input, new engine.faceapi.SsdMobilenetv1Options({minConfidence: SSD_MIN_SCORE, maxResults: 20})),
	);
	if (ssd.length > 0) return {faces: rank(ssd, image), detector: 'ssd'};
	return {faces: [], detector: 'none'};
}

type Locate = (input: ReturnType<FaceEngine['tf']['tensor3d']>) => Promise<Array<{box: FaceBox; score: number}>>;

async function runDetector(engine: FaceEngine, image: RgbImage, longest: number, locate: Locate): Promise<DetectedFace[]> {
	const scale = Math.min(1, longest / Math.max(image.width, image.height));
	const w = Math.max(1, Math.round(image.width * scale));
	const h = Math.max(1, Math.round(image.height * scale));
	const pixels = resampleRegion(image, {x: 0, y: 0, width: image.width, height: image.height}, w, h);
	const input = engine.tf.tensor3d(pixels, [h, w, 3], 'float32');
	try {
		const found = await locate(input);
		const sx = image.width / w;
		const sy = image.height / h;
		return found.map((d) => ({
			box: clipBox({x: d.box.x * sx, y: d.box.y * sy, width: d.box.width * sx, height: d.box.height * sy}, image),
			score: d.score,
		}));
	} finally {
		input.dispose();
	}
}

/**
 * Orders faces by prominence: area, discounted by distance from the image centre, so the sitter
 * wins over a larger-scored face in the background. Drops duplicate boxes of the same face.
 */
export function rank(faces: DetectedFace[], image: RgbImage): DetectedFace[] {
	const weight = (f: DetectedFace): number => {
		const cx = (f.box.x + f.box.width / 2) / image.width - 0.5;
		const cy = (f.box.y + f.box.height / 2) / image.height - 0.5;
		return f.box.width * f.box.height * (1 - Math.min(0.75, Math.hypot(cx, cy))) * (0.5 + 0.5 * f.score);
	};
	const sorted = faces.filter((f) => f.box.width > 1 && f.box.height > 1).sort((a, b) => weight(b) - weight(a));
	const kept: DetectedFace[] = [];
	for (const f of sorted) if (!kept.some((k) => iou(k.box, f.box) > DUPLICATE_IOU)) kept.push(f);
	return kept;
}
