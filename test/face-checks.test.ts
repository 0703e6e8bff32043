import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {validatePhoto} from '../src/index.js';
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
