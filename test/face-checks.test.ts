import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {FactUnavailable, type PhotoFacts} from '../src/analysis/facts.js';
import {whyNotMeasurable} from '../src/analysis/pixels/face-features.js';
import type {AnyCheck} from '../src/checks/define.js';
import {eyesOpen} from '../src/checks/eyes-open/index.js';
import {faceVisible} from '../src/checks/face-visible/index.js';
import {headPose} from '../src/checks/head-pose/index.js';
import {neutralExpression} from '../src/checks/neutral-expression/index.js';
import {validatePhoto} from '../src/index.js';
import {runCheck} from '../src/pipeline/run-check.js';
import {caPrCard} from '../src/profiles/index.js';
import {face} from './support/facts.js';
import {jpeg} from './support/images.js';
import {hasPhotos, photosDir, photosSkipMessage} from './support/photos.js';

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

describe('a face the eye and mouth measures cannot read: turned too far, or too small', () => {
	const eyes = {rightEye: [440, 520] as [number, number], leftEye: [560, 520] as [number, number]};
	test('the engine says why from 20° of yaw, either way, and not below', () => {
		expect(whyNotMeasurable({...eyes, yawDeg: 19.9})).toBeUndefined();
		expect(whyNotMeasurable({...eyes, yawDeg: -12})).toBeUndefined();
		expect(whyNotMeasurable({...eyes, yawDeg: 41})).toBe(
			'The face is turned 41° to the side (its eyes and mouth can be measured up to 20°): one side of the face is hidden.',
		);
		expect(whyNotMeasurable({...eyes, yawDeg: -75})).toMatch(/turned 75°/);
		expect(whyNotMeasurable({...eyes, yawDeg: Number.NaN})).toMatch(/could not be measured/);
	});

	test('a face too small for its eyes and mouth is not measured: below 24 px between the pupils', () => {
		expect(whyNotMeasurable({rightEye: [100, 50], leftEye: [124, 50], yawDeg: 0})).toBeUndefined();
		expect(whyNotMeasurable({rightEye: [100, 50], leftEye: [108, 50], yawDeg: 0})).toBe(
			'The face is too small to measure its eyes and mouth: 8 px between the pupils, at least 24 are needed.',
		);
	});

	test('eyes-open and neutral-expression skip with that reason; face-visible fails with it; head-pose fails', async () => {
		const turned = face({yawDeg: 41});
		const reason = whyNotMeasurable(turned)!;
		// The facts a photo of a turned face gives: the face, and no measurable features.
		const facts = {
			get: async (name: string) => {
				if (name === 'face') return turned;
				if (name === 'faceFeatures') throw Object.assign(new FactUnavailable(reason), {fact: 'faceFeatures'});
				throw new Error(`unexpected fact ${name}`);
			},
		} as unknown as PhotoFacts;
		const run = async (check: AnyCheck) => (await runCheck(check, facts, caPrCard)).result;
		const [eyes, expression, visible, pose] = await Promise.all([run(eyesOpen), run(neutralExpression), run(faceVisible), run(headPose)]);
		expect(eyes).toMatchObject({status: 'skip', message: `Not assessed: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`});
		expect(expression.status).toBe('skip');
		expect(visible.status).toBe('fail');
		expect(visible.message).toContain('turned 41°');
		expect(pose.status).toBe('fail');
	});
});
