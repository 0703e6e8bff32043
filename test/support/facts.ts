/** Facts built by hand for the checks' tables: each a plausible default with the fields a case changes. */
import type {FaceFacts, MainFace} from '../../src/analysis/face/index.js';
import type {CaptureDates, PhotoMetadata} from '../../src/analysis/file/metadata.js';
import type {BackgroundFacts} from '../../src/analysis/pixels/background.js';
import type {FaceFeatures} from '../../src/analysis/pixels/face-features.js';
import type {FaceRegion, FaceTone} from '../../src/analysis/pixels/face-region.js';
import type {FocusFacts} from '../../src/analysis/pixels/focus.js';
import type {GlareFacts} from '../../src/analysis/pixels/glare.js';
import type {LensFacts} from '../../src/analysis/pixels/lenses.js';
import type {ReducedImage} from '../../src/analysis/pixels/reduced.js';
import type {ImageHeader} from '../../src/input/decode.js';

export function header(width = 1000, height = 1400, orientation = 1): ImageHeader {
	const swap = orientation >= 5;
	return {
		format: 'jpeg',
		width,
		height,
		storedWidth: swap ? height : width,
		storedHeight: swap ? width : height,
		orientation,
		space: 'srgb',
		channels: 3,
		depth: 'uchar',
		hasAlpha: false,
		progressive: false,
		hasIccProfile: false,
	};
}

export function background(overrides: Partial<BackgroundFacts> = {}): BackgroundFacts {
	return {
		mask: new Uint8Array(4),
		width: 2,
		height: 2,
		factor: 1,
		share: 0.4,
		colour: {L: 99, a: 0, b: 0},
		chroma: 0,
		darkL: 98,
		texture: 0.3,
		leftRight: 0,
		topBottom: 0,
		shadow: 1,
		faceContrast: 40,
		faceGuided: true,
		...overrides,
	};
}

export function tone(overrides: Partial<FaceTone> = {}): FaceTone {
	return {medianL: 60, lowL: 40, highL: 75, darkShare: 0, brightShare: 0, leftL: 60, rightL: 60, ...overrides};
}

export function region(toneOverrides: Partial<FaceTone> = {}, cheeks = {L: 60, a: 12, b: 15}): FaceRegion {
	const empty = new Float32Array(0);
	return {
		columns: 0,
		rows: 0,
		x0: 0,
		y0: 0,
		step: 1,
		cells: new Uint8Array(0),
		L: empty,
		a: empty,
		b: empty,
		max: new Uint8Array(0),
		min: new Uint8Array(0),
		across: empty,
		eyeDistance: 100,
		cheeks,
		cheekLeft: cheeks,
		cheekRight: cheeks,
		tone: tone(toneOverrides),
	};
}

/** A working copy whose luma histogram puts 98 % of the pixels at `low` and 2 % at `high`. */
export function reduced(low = 100, high = 255, meanSpread = 12): ReducedImage {
	const histogram = new Uint32Array(256);
	histogram[low] = 98;
	histogram[high] = (histogram[high] ?? 0) + 2;
	return {data: new Uint8Array(0), luma: new Uint8Array(0), width: 10, height: 10, factor: 1, histogram, meanSpread};
}

export function focus(blur: number, faceWidth = 400): FocusFacts {
	return {blur, faceWidth, upscaled: faceWidth < 160};
}

export function glareSpots(largest: number, nearEyes = 0): GlareFacts {
	return {spots: largest ? [{x: 1, y: 1, radius: 5, area: largest}] : [], largest, total: largest, hotShare: 0, nearEyes};
}

export function face(overrides: Partial<MainFace> = {}): MainFace {
	return {
		box: {x: 380, y: 400, width: 240, height: 300},
		score: 0.9,
		landmarks: [],
		mesh: [],
		meshDepth: [],
		meshScore: 0.99,
		irises: {right: [], left: []},
		leftEye: [560, 520],
		rightEye: [440, 520],
		chin: [500, 760],
		crown: [500, 90],
		crownMethod: 'anthropometric',
		headHeightRatio: 0.478,
		centreX: 0.5,
		// The eyes' 520 of the header's 1400.
		eyeLine: 520 / 1400,
		rollDeg: 0,
		yawDeg: 0,
		pitchDeg: 0,
		expressions: {neutral: 0.99, happy: 0.001},
		...overrides,
	};
}

export function lenses(overrides: Partial<LensFacts> = {}): LensFacts {
	return {right: {darkening: 10, cells: 400, glare: 0}, left: {darkening: 10, cells: 400, glare: 0}, ...overrides};
}

export function features(overrides: Partial<FaceFeatures> = {}): FaceFeatures {
	return {
		eyeAspect: {right: 0.3, left: 0.3},
		mouthOpen: 0.03,
		mouthWidth: 0.78,
		cornerLift: 0,
		cornerRise: -0.7,
		cornerDepth: 0,
		smile: 0.01,
		teeth: 0,
		eyeContrast: {right: 0.23, left: 0.23},
		eyeBrightness: {right: 0.58, left: 0.58},
		cheekLuminance: 150,
		...overrides,
	};
}

export function faces(count: number): FaceFacts {
	return {
		faces: Array.from({length: count}, (_, index) => ({box: {x: index * 100, y: 0, width: 80, height: 100}, score: 0.9 - index * 0.1})),
		detector: count ? 'blazeface' : 'none',
		backend: 'wasm',
		timings: {},
	};
}

export function metadata(dates: CaptureDates = {}, overrides: Partial<PhotoMetadata> = {}): PhotoMetadata {
	return {historyCount: 0, history: [], ancestors: 0, descriptions: [], pngText: {}, dates, ...overrides};
}
