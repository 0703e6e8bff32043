import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import {describe, expect, it} from 'vitest';
import {analyseFaces, faceEngineMemory, loadFaceEngine} from '../src/analysis/face/index.js';
import type {RgbImage} from '../src/input/image.js';
import {nodePlatform} from '../src/platform/node/index.js';
import {hasPhotos, photosDir, repoRoot} from './support/photos.js';
import {demoPortrait} from './support/portrait.js';

const havePhotos = hasPhotos;
const PHOTO = 'london-neutral/001_03.jpg';

interface Entry {
	file: string;
	landmarks?: {pupilA: [number, number]; pupilB: [number, number]; chin: [number, number]; crown: [number, number]};
}

async function decode(file: string): Promise<RgbImage> {
	const {data, info} = await sharp(file).rotate().removeAlpha().toColourspace('srgb').raw().toBuffer({resolveWithObject: true});
	return {data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height, channels: 3};
}

function plain(width: number, height: number, value: number): RgbImage {
	return {data: new Uint8Array(width * height * 3).fill(value), width, height, channels: 3};
}

describe('face engine: loading', () => {
	it('loads once, whoever asks first, from the packaged models', async () => {
		const [a, b] = await Promise.all([loadFaceEngine(nodePlatform.models), loadFaceEngine(nodePlatform.models)]);
		expect(a).toBe(b);
		// The same backend on every machine: no optional native one that installs here and not there.
		expect(a.backend).toBe('wasm');
		expect(a.modelsDir).toBe(path.join(repoRoot, 'models'));
	}, 60_000);

	it('reads only models whose bytes match the checksums of models/manifest.json', async () => {
		const dir = path.join(repoRoot, 'models');
		const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
			files: Array<{file: string; bytes: number; sha256: string; source?: string}>;
		};
		const info = await loadFaceEngine(nodePlatform.models);
		const files = manifest.files.map((entry) => entry.file);
		for (const name of info.models)
			expect(
				files.filter((file) => file === `${name}.json` || file === `${name}-weights_manifest.json`),
				name,
			).toHaveLength(1);
		for (const entry of manifest.files) {
			const bytes = readFileSync(path.join(dir, entry.file));
			expect(bytes.length, entry.file).toBe(entry.bytes);
			expect(createHash('sha256').update(bytes).digest('hex'), entry.file).toBe(entry.sha256);
			expect(entry.source, entry.file).toMatch(/@/);
		}
	});

	it('finds no face in a blank or tiny image, without throwing', async () => {
		const blank = await analyseFaces(plain(300, 420, 255), nodePlatform.models);
		expect(blank.faces).toEqual([]);
		expect(blank.main).toBeUndefined();
		expect(blank.detector).toBe('blazeface');
		const tiny = await analyseFaces(plain(8, 8, 128), nodePlatform.models);
		expect(tiny.faces).toEqual([]);
	}, 60_000);
});

describe.skipIf(!havePhotos)(`face engine on the shared photos (${havePhotos ? photosDir : `skipped: no photos at ${photosDir}; set PHOTOS_DIR`})`, () => {
	const manifest = havePhotos ? (JSON.parse(readFileSync(path.join(photosDir, 'manifest.json'), 'utf8')) as Entry[]) : [];

	it('finds one face and measures it close to the hand-placed points', async () => {
		const entry = manifest.find((e) => e.file === PHOTO);
		const lm = entry?.landmarks;
		if (!lm) throw new Error(`${PHOTO} with landmarks missing from the manifest`);
		const image = await decode(path.join(photosDir, PHOTO));
		const facts = await analyseFaces(image, nodePlatform.models);
		expect(facts.faces.filter((face) => face.score >= 0.5)).toHaveLength(1);
		const main = facts.main;
		if (!main) throw new Error('no main face');
		expect(main.landmarks).toHaveLength(68);
		const ipd = lm.pupilB[0] - lm.pupilA[0];
		expect(Math.hypot(main.rightEye[0] - lm.pupilA[0], main.rightEye[1] - lm.pupilA[1])).toBeLessThan(0.1 * ipd);
		expect(Math.hypot(main.leftEye[0] - lm.pupilB[0], main.leftEye[1] - lm.pupilB[1])).toBeLessThan(0.1 * ipd);
		expect(Math.abs(main.headHeightRatio - (lm.chin[1] - lm.crown[1]) / image.height)).toBeLessThan(0.04);
		expect(main.centreX).toBeGreaterThan(0.4);
		expect(main.centreX).toBeLessThan(0.6);
		expect(Math.abs(main.rollDeg)).toBeLessThan(8);
		expect(Math.abs(main.yawDeg)).toBeLessThan(15);
		expect(Math.abs(main.pitchDeg)).toBeLessThan(25);
		expect(main.mesh).toHaveLength(468);
		expect(main.irises.right).toHaveLength(76);
		expect(main.meshScore).toBeGreaterThan(0.5);
		expect(facts.timings.total).toBeGreaterThan(0);
	}, 60_000);

	it('leaves no tensor behind over 20 analyses', async () => {
		const image = await decode(path.join(photosDir, PHOTO));
		await analyseFaces(image, nodePlatform.models); // warm-up: lazily created backend state is not a leak
		const before = faceEngineMemory();
		for (let i = 0; i < 20; i++) await analyseFaces(image, nodePlatform.models);
		const after = faceEngineMemory();
		expect(after.numTensors).toBe(before.numTensors);
		expect(after.numBytes).toBe(before.numBytes);
	}, 120_000);
});

describe('face engine: every face in the frame', () => {
	it('finds each of four portraits in a 2 × 2 group photo, and one alone', async () => {
		const portrait = await sharp(await demoPortrait())
			.resize(250, 350)
			.removeAlpha()
			.raw()
			.toBuffer();
		const tile = {raw: {width: 250, height: 350, channels: 3 as const}};
		const grid = await sharp({create: {width: 500, height: 700, channels: 3, background: '#ffffff'}})
			.composite([0, 1, 2, 3].map((index) => ({input: portrait, ...tile, left: (index % 2) * 250, top: Math.floor(index / 2) * 350})))
			.removeAlpha()
			.raw()
			.toBuffer();
		const group = await analyseFaces({data: new Uint8Array(grid), width: 500, height: 700, channels: 3}, nodePlatform.models);
		expect(group.faces.filter((face) => face.score >= 0.5)).toHaveLength(4);
		const alone = await analyseFaces({data: new Uint8Array(portrait), width: 250, height: 350, channels: 3}, nodePlatform.models);
		expect(alone.faces.filter((face) => face.score >= 0.5)).toHaveLength(1);
	}, 60_000);
});
