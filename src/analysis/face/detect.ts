import {iou} from './boxes.js';
import type {DetectedFace} from './types.js';

/** Overlapping boxes (IoU above this) are one face. */
const DUPLICATE_IOU = 0.4;

/**
 * Orders faces by prominence: area, discounted by distance from the image centre, so the sitter
 * wins over a larger-scored face in the background. Drops duplicate boxes of the same face.
 */
export function rank(faces: DetectedFace[], image: {width: number; height: number}): DetectedFace[] {
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
