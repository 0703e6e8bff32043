import type {RgbImage} from '../../input/image.js';
import type {MainFace} from '../face/index.js';
import {MESH} from '../face/mesh.js';
import {type Bounds, boundsOf, growBounds, insidePolygon} from './bounds.js';
import {lumaAt} from './colour.js';

type Point = readonly [number, number];

/**
 * Measurements of the main face that the expression and visibility checks share, from its 68
 * landmarks (iBUG numbering) and the pixels under them. Distances are normalised by the face's own
 * size so that a small and a large photo read alike.
 */
export interface FaceFeatures {
	/** Eye aspect ratio (Soukupová & Čech 2016) of each eye: lid opening / eye width. Open ≈ 0.25–0.35. */
	readonly eyeAspect: {readonly right: number; readonly left: number};
	/** Inner-lip opening / mouth width. */
	readonly mouthOpen: number;
	/** Mouth width / distance between the eye centres. */
	readonly mouthWidth: number;
	/** How far the mouth corners sit above the lips' mid-line, / eye-to-chin distance (smiles lift them). */
	readonly cornerLift: number;
	/** −(how far the mouth corners sit below the eye line) / eye-to-chin distance: a smile raises them (≈ −0.7 neutral). */
	readonly cornerRise: number;
	/** Depth of the mouth corners behind the lips' centre (the mesh's z) / inter-pupil distance: a smile draws them back. */
	readonly cornerDepth: number;
	/** The smile measure: σ of a logistic combination of cornerRise and cornerDepth (SMILE_MODEL), 0–1. */
	readonly smile: number;
	/** Share of the inner-mouth area that is bright and grey: teeth. */
	readonly teeth: number;
	/** Each eye region's luminance contrast (standard deviation) / the cheeks' mean luminance. */
	readonly eyeContrast: {readonly right: number; readonly left: number};
	/** Each eye region's mean luminance / the cheeks' mean luminance. */
	readonly eyeBrightness: {readonly right: number; readonly left: number};
	/** Mean luminance (0–255) of the cheeks, the face's reference skin. */
	readonly cheekLuminance: number;
}

/**
 * Beyond this yaw the lids and lips are not measured: the eye and mouth thresholds were calibrated
 * on faces within ±8.2° (every shared photo and variant), and on a face turned further one eye and
 * one mouth corner recede until the mesh places them by its model of a face rather than from the
 * pixels. Twice the head-pose limit (10°): a turned face is returned for its pose, and its eyes and
 * mouth are not judged as if it were frontal.
 */
export const MAX_MEASURABLE_YAW_DEG = 20;

/**
 * Below this distance between the pupils (pixels of the analysis image) the eyes and mouth are not
 * measured: shrinking the 124 shared photos (scripts/face-size-calibration.ts), the smile measure
 * moves by 0.11 or more on a tenth of them at 20 px (0.065 at 24 px, 0.04 at 28 px) and three change
 * their neutral-expression status (two from 24 px on, as at 32).
 */
export const MIN_MEASURABLE_IPD_PX = 24;

/** Why the eyes and mouth of `face` cannot be measured, or undefined when they can. */
export function whyNotMeasurable(face: Pick<MainFace, 'yawDeg' | 'leftEye' | 'rightEye'>): string | undefined {
	const ipd = Math.hypot(face.leftEye[0] - face.rightEye[0], face.leftEye[1] - face.rightEye[1]);
	if (!(ipd >= MIN_MEASURABLE_IPD_PX)) {
		return `The face is too small to measure its eyes and mouth: ${Math.round(ipd)} px between the pupils, at least ${MIN_MEASURABLE_IPD_PX} are needed.`;
	}
	const yaw = Math.abs(face.yawDeg);
	if (!Number.isFinite(yaw)) return 'The way the face is turned could not be measured, so its eyes and mouth cannot be either.';
	if (yaw > MAX_MEASURABLE_YAW_DEG) {
		return `The face is turned ${Math.round(yaw)}° to the side (its eyes and mouth can be measured up to ${MAX_MEASURABLE_YAW_DEG}°): one side of the face is hidden.`;
	}
	return undefined;
}

/**
 * The smile measure's logistic model on (cornerRise, cornerDepth), fitted by
 * scripts/expression-calibration.ts on the shared London photos (45 people, smiling and neutral).
 */
export const SMILE_MODEL = {bias: 23.37, cornerRise: 63.26, cornerDepth: 54.37} as const;

const RIGHT_EYE = [36, 37, 38, 39, 40, 41] as const;
const LEFT_EYE = [42, 43, 44, 45, 46, 47] as const;
const INNER_LIPS = [60, 61, 62, 63, 64, 65, 66, 67] as const;

export function measureFaceFeatures(face: MainFace, image: RgbImage): FaceFeatures {
	const p = (index: number): Point => face.landmarks[index] ?? [0, 0];
	const eyeDistance = distance(face.leftEye, face.rightEye) || 1;
	const eyeMid: Point = [(face.leftEye[0] + face.rightEye[0]) / 2, (face.leftEye[1] + face.rightEye[1]) / 2];
	const faceHeight = distance(eyeMid, face.chin) || 1;
	const mouthWidth = distance(p(48), p(54)) || 1;

	const lipGap = (distance(p(61), p(67)) + distance(p(62), p(66)) + distance(p(63), p(65))) / 3;
	const lipMidY = (p(51)[1] + p(57)[1]) / 2;
	const cornerY = (p(48)[1] + p(54)[1]) / 2;

	// The cheeks: between the eye's lower lid and the mouth corner, inside the jaw line.
	const cheekRight = boundsOf([p(41), p(48), p(3), p(31)]);
	const cheekLeft = boundsOf([p(46), p(54), p(13), p(35)]);
	const cheeks = meanLuminance(image, [growBounds(cheekRight, -0.25), growBounds(cheekLeft, -0.25)]);
	const reference = Math.max(cheeks, 1);

	const eye = (indices: readonly number[]) => {
		const region = growBounds(boundsOf(indices.map(p)), 0.2);
		const {mean, std} = luminanceStats(image, region);
		return {contrast: std / reference, brightness: mean / reference};
	};
	const right = eye(RIGHT_EYE);
	const left = eye(LEFT_EYE);
	const {cornerRise, cornerDepth} = mouthCorners(face, eyeDistance, faceHeight);

	return {
		eyeAspect: {right: eyeAspect(RIGHT_EYE.map(p)), left: eyeAspect(LEFT_EYE.map(p))},
		mouthOpen: lipGap / mouthWidth,
		mouthWidth: mouthWidth / eyeDistance,
		cornerLift: (lipMidY - cornerY) / faceHeight,
		cornerRise,
		cornerDepth,
		smile: 1 / (1 + Math.exp(-(SMILE_MODEL.bias + SMILE_MODEL.cornerRise * cornerRise + SMILE_MODEL.cornerDepth * cornerDepth))),
		teeth: teethShare(image, INNER_LIPS.map(p), cheeks),
		eyeContrast: {right: right.contrast, left: left.contrast},
		eyeBrightness: {right: right.brightness, left: left.brightness},
		cheekLuminance: cheeks,
	};
}

/** The mouth corners' height under the eye line and depth behind the lips, from the mesh (61, 291; 13, 14). */
function mouthCorners(face: MainFace, eyeDistance: number, faceHeight: number): {cornerRise: number; cornerDepth: number} {
	const {mesh, meshDepth: z} = face;
	const right = mesh[MESH.rightMouthCorner];
	const left = mesh[MESH.leftMouthCorner];
	const upper = z[MESH.upperInnerLip];
	const lower = z[MESH.lowerInnerLip];
	const [zRight, zLeft] = [z[MESH.rightMouthCorner], z[MESH.leftMouthCorner]];
	// A face without a mesh (facts built by hand): neutral corners.
	if (!right || !left || upper === undefined || lower === undefined || zRight === undefined || zLeft === undefined) return {cornerRise: -0.7, cornerDepth: 0};
	// Distance of the corners' midpoint below the eye line (the line through the iris centres).
	const [ex, ey] = [face.leftEye[0] - face.rightEye[0], face.leftEye[1] - face.rightEye[1]];
	const corner: Point = [(right[0] + left[0]) / 2 - face.rightEye[0], (right[1] + left[1]) / 2 - face.rightEye[1]];
	const below = (ex * corner[1] - ey * corner[0]) / eyeDistance;
	return {cornerRise: -below / faceHeight, cornerDepth: ((zRight + zLeft) / 2 - (upper + lower) / 2) / eyeDistance};
}

function eyeAspect(points: readonly Point[]): number {
	const [p1, p2, p3, p4, p5, p6] = points as [Point, Point, Point, Point, Point, Point];
	return (distance(p2, p6) + distance(p3, p5)) / (2 * (distance(p1, p4) || 1));
}

function distance(a: Point, b: Point): number {
	return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

function luminanceAt(image: RgbImage, index: number): number {
	return lumaAt(image.data, index);
}

/** Iterates the pixel indices of a region clipped to the image, on a grid of about `samples` per side. */
function* pixelsIn(image: RgbImage, region: Bounds, samples = 48): Generator<number> {
	const x0 = Math.max(0, Math.floor(region.x0));
	const y0 = Math.max(0, Math.floor(region.y0));
	const x1 = Math.min(image.width - 1, Math.ceil(region.x1));
	const y1 = Math.min(image.height - 1, Math.ceil(region.y1));
	if (x1 < x0 || y1 < y0) return;
	const step = Math.max(1, Math.floor(Math.max(x1 - x0, y1 - y0) / samples));
	for (let y = y0; y <= y1; y += step) {
		for (let x = x0; x <= x1; x += step) yield (y * image.width + x) * 3;
	}
}

function meanLuminance(image: RgbImage, regions: readonly Bounds[]): number {
	let sum = 0;
	let count = 0;
	for (const region of regions) {
		for (const index of pixelsIn(image, region)) {
			sum += luminanceAt(image, index);
			count++;
		}
	}
	return count ? sum / count : 0;
}

function luminanceStats(image: RgbImage, region: Bounds): {mean: number; std: number} {
	let sum = 0;
	let squares = 0;
	let count = 0;
	for (const index of pixelsIn(image, region)) {
		const value = luminanceAt(image, index);
		sum += value;
		squares += value * value;
		count++;
	}
	if (!count) return {mean: 0, std: 0};
	const mean = sum / count;
	return {mean, std: Math.sqrt(Math.max(0, squares / count - mean * mean))};
}

/** Share of the inner-mouth polygon's pixels brighter than the cheeks and nearly grey: teeth. */
function teethShare(image: RgbImage, polygon: readonly Point[], cheekLuminance: number): number {
	let inside = 0;
	let bright = 0;
	for (const index of pixelsIn(image, boundsOf(polygon), 40)) {
		const pixel = index / 3;
		const x = pixel % image.width;
		const y = Math.floor(pixel / image.width);
		if (!insidePolygon(x, y, polygon)) continue;
		inside++;
		const r = image.data[index]!;
		const g = image.data[index + 1]!;
		const b = image.data[index + 2]!;
		const max = Math.max(r, g, b);
		const saturation = max === 0 ? 0 : (max - Math.min(r, g, b)) / max;
		if (luminanceAt(image, index) > cheekLuminance * 0.85 && saturation < 0.35) bright++;
	}
	return inside ? bright / inside : 0;
}
