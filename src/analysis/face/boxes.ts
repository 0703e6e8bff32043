import type {RgbImage} from '../../input/image.js';
import type {FaceBox} from './types.js';

/** The box cut to the image. */
export function clipBox(b: FaceBox, image: Pick<RgbImage, 'width' | 'height'>): FaceBox {
	const x0 = Math.max(0, b.x);
	const y0 = Math.max(0, b.y);
	const x1 = Math.min(image.width, b.x + b.width);
	const y1 = Math.min(image.height, b.y + b.height);
	return {x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0)};
}

/** Intersection over union of two boxes (0 when apart). */
export function iou(a: FaceBox, b: FaceBox): number {
	const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
	const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
	if (w <= 0 || h <= 0) return 0;
	const inter = w * h;
	return inter / (a.width * a.height + b.width * b.height - inter);
}
