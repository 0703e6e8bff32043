import path from 'node:path';
import {describe, expect, test} from 'vitest';
import type {FaceFacts, MainFace} from '../src/analysis/face/index.js';
import type {FaceFeatures} from '../src/analysis/face-features.js';
import {eyesOpen} from '../src/checks/eyes-open.js';
import {faceCentred} from '../src/checks/face-centred.js';
import {faceCount} from '../src/checks/face-count.js';
import {faceVisible} from '../src/checks/face-visible.js';
import {headPose} from '../src/checks/head-pose.js';
import {headSize} from '../src/checks/head-size.js';
import {neutralExpression} from '../src/checks/neutral-expression.js';
import {caPrCard, validatePhoto} from '../src/index.js';
import type {ImageHeader} from '../src/input/decode.js';
import {jpeg} from './support/images.js';
import {hasPhotos, photosDir, photosSkipMessage} from './support/photos.js';

const header: ImageHeader = {
	format: 'jpeg',
	width: 1000,
	height: 1400,
	storedWidth: 1000,
	storedHeight: 1400,
	orientation: 1,
	space: 'srgb',
	channels: 3,
	depth: 'uchar',
	hasAlpha: false,
	progressive: false,
	hasIccProfile: false,
};

function face(overrides: Partial<MainFace> = {}): MainFace {
	return {
		box: {x: 380, y: 400, width: 240, height: 300},
		score: 0.9,
		landmarks: [],
		leftEye: [560, 520],
		rightEye: [440, 520],
		chin: [500, 760],
		crown: [500, 90],
		crownMethod: 'anthropometric',
		headHeightRatio: 0.478,
		centreX: 0.5,
		rollDeg: 0,
		yawDeg: 0,
		pitchDeg: 0,
		expressions: {neutral: 0.99, happy: 0.001},
		...overrides,
	};
}

function features(overrides: Partial<FaceFeatures> = {}): FaceFeatures {
	return {
		eyeAspect: {right: 0.3, left: 0.3},
		mouthOpen: 0.03,
		mouthWidth: 0.78,
		cornerLift: 0,
		teeth: 0,
		eyeContrast: {right: 0.23, left: 0.23},
		eyeBrightness: {right: 0.58, left: 0.58},
		cheekLuminance: 150,
		...overrides,
	};
}

describe('face-count', () => {
	const facts = (count: number): FaceFacts => ({
		faces: Array.from({length: count}, (_, index) => ({box: {x: index * 100, y: 0, width: 80, height: 100}, score: 0.9 - index * 0.1})),
		detector: count ? 'tiny' : 'none',
		backend: 'wasm',
		timings: {},
	});
	test.each([
		[0, 'fail', /No face/],
		[1, 'pass', /One face/],
		[2, 'fail', /2 faces were found \(detector scores 0\.9, 0\.8\)/],
		[3, 'fail', /3 faces/],
	] as const)('%i faces → %s', (count, status, message) => {
		const result = faceCount.run({faces: facts(count)}, caPrCard);
		expect(result.status).toBe(status);
		expect(result.message).toMatch(message);
	});
});

describe('head-size: 44.3–51.4 % with a 2 % margin', () => {
	test.each([
		[0.478, 'pass'],
		[0.464, 'pass'],
		[0.493, 'pass'],
		[0.45, 'warn'],
		[0.43, 'warn'],
		[0.505, 'warn'],
		[0.53, 'warn'],
		[0.42, 'fail'],
		[0.38, 'fail'],
		[0.54, 'fail'],
		[0.75, 'fail'],
	] as const)('%f → %s', (ratio, status) => {
		const result = headSize.run({face: face({headHeightRatio: ratio})}, caPrCard);
		expect(result.status).toBe(status);
		expect(result.message).toMatch(/% of the photo's height/);
	});

	test('the message says how the crown was found and which way to crop', () => {
		expect(headSize.run({face: face({headHeightRatio: 0.38, crownMethod: 'hair-boundary'})}, caPrCard).message).toMatch(
			/top of the hair.*too small: crop closer/,
		);
		expect(headSize.run({face: face({headHeightRatio: 0.7})}, caPrCard).message).toMatch(/face proportions.*too large: crop wider/);
	});
});

describe('head-pose', () => {
	test.each([
		[{}, 'pass'],
		[{rollDeg: 6}, 'warn'],
		[{rollDeg: -9}, 'fail'],
		[{yawDeg: 9}, 'warn'],
		[{yawDeg: -13}, 'fail'],
		[{pitchDeg: 15}, 'pass'],
		[{pitchDeg: -22}, 'warn'],
		[{pitchDeg: 40}, 'warn'],
	] as const)('%o → %s', (angles, status) => {
		expect(headPose.run({face: face(angles)}, caPrCard).status).toBe(status);
	});
});

describe('face-centred', () => {
	test.each([
		[0.5, 520, 'pass'],
		[0.53, 520, 'pass'],
		[0.54, 520, 'warn'],
		[0.44, 520, 'fail'],
		[0.6, 520, 'fail'],
		[0.5, 300, 'warn'], // eyes at 21 % of the height: the head sits too high
		[0.5, 800, 'warn'], // eyes at 57 %: too low
	] as const)('centreX %f, eyes at y %i → %s', (centreX, eyeY, status) => {
		const result = faceCentred.run({face: face({centreX, leftEye: [560, eyeY], rightEye: [440, eyeY]}), header}, caPrCard);
		expect(result.status).toBe(status);
	});
});

describe('eyes-open', () => {
	test.each([
		[0.3, 0.31, 'pass'],
		[0.22, 0.3, 'pass'],
		[0.2, 0.3, 'warn'],
		[0.3, 0.1, 'fail'],
		[0.05, 0.06, 'fail'],
	] as const)('aspect %f / %f → %s', (right, left, status) => {
		expect(eyesOpen.run({faceFeatures: features({eyeAspect: {right, left}})}, caPrCard).status).toBe(status);
	});
});

describe('neutral-expression', () => {
	test.each([
		[{}, {}, 'pass'],
		[{expressions: {happy: 0.9}}, {}, 'fail'],
		[{expressions: {happy: 0.1}}, {}, 'fail'],
		[{expressions: {happy: 0.008}}, {}, 'warn'],
		[{}, {mouthWidth: 0.9}, 'fail'],
		[{}, {mouthWidth: 0.85}, 'warn'],
		[{}, {mouthOpen: 0.3}, 'fail'],
		[{}, {mouthOpen: 0.15}, 'warn'],
		[{}, {teeth: 0.6}, 'warn'],
	] as const)('%o %o → %s', (faceOverrides, featureOverrides, status) => {
		const result = neutralExpression.run({face: face(faceOverrides), faceFeatures: features(featureOverrides)}, caPrCard);
		expect(result.status).toBe(status);
	});
});

describe('face-visible', () => {
	test.each([
		[{}, {}, 'pass'],
		[{}, {eyeContrast: {right: 0.03, left: 0.04}, eyeBrightness: {right: 0.1, left: 0.1}}, 'fail'], // a dark bar
		[{}, {eyeBrightness: {right: 0.58, left: 0.15}}, 'fail'], // one eye hidden
		[{score: 0.3}, {}, 'warn'],
	] as const)('%o %o → %s', (faceOverrides, featureOverrides, status) => {
		expect(faceVisible.run({face: face(faceOverrides), faceFeatures: features(featureOverrides)}, caPrCard).status).toBe(status);
	});
});

describe('no face at all', () => {
	test('face-count and face-visible fail; the other face checks skip', async () => {
		const report = await validatePhoto(await jpeg(715, 1001));
		const status = Object.fromEntries(report.checks.map((check) => [check.id, check.status]));
		expect(status).toMatchObject({
			'face-count': 'fail',
			'face-visible': 'fail',
			'eyes-open': 'skip',
			'neutral-expression': 'skip',
			'face-centred': 'skip',
			'head-size': 'skip',
			'head-pose': 'skip',
		});
		expect(report.reasons).toContain('FEATURES_NOT_VISIBLE');
		expect(report.checks.find((check) => check.id === 'head-size')?.message).toBe('Not assessed: no face was found in the photo.');
		expect(report.face).toBeUndefined();
	});
});

describe.skipIf(!hasPhotos)(`face checks on shared photos${hasPhotos ? '' : ` (skipped: ${photosSkipMessage})`}`, () => {
	test('a neutral London photo: one face, neutral, eyes open; its report has the face geometry', async () => {
		const report = await validatePhoto(path.join(photosDir, 'london-neutral/001_03.jpg'));
		const status = Object.fromEntries(report.checks.map((check) => [check.id, check.status]));
		expect(status).toMatchObject({'face-count': 'pass', 'face-visible': 'pass', 'eyes-open': 'pass', 'neutral-expression': 'pass'});
		// Hand-placed: pupils (565, 632) and (778, 624), chin y 995, crown y 301, on 1350 × 1350.
		expect(report.face!.rightEye[0]).toBeCloseTo(565, -1.5);
		expect(report.face!.leftEye[0]).toBeCloseTo(778, -1.5);
		expect(Math.abs(report.face!.headHeightRatio - (995 - 301) / 1350)).toBeLessThan(0.045);
		expect(report.engine?.backend).toMatch(/wasm|tensorflow/);
	});

	test('the same person smiling fails neutral-expression', async () => {
		const report = await validatePhoto(path.join(photosDir, 'london-smiling/001_08.jpg'));
		expect(report.checks.find((check) => check.id === 'neutral-expression')?.status).toBe('fail');
	});
});
