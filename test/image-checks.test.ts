import path from 'node:path';
import sharp from 'sharp';
import {describe, expect, test} from 'vitest';
import {measureBackground} from '../src/analysis/pixels/background.js';
import {describeColour, rgbToLab} from '../src/analysis/pixels/colour.js';
import {Cell} from '../src/analysis/pixels/face-region.js';
import {blurEffect} from '../src/analysis/pixels/focus.js';
import {measureGlare} from '../src/analysis/pixels/glare.js';
import {reduceImage} from '../src/analysis/pixels/reduced.js';
import {photoReportSchema, validatePhoto} from '../src/index.js';
import {region} from './support/facts.js';
import {hasPhotos, photosDir, photosSkipMessage, readManifest} from './support/photos.js';

const IMAGE_CHECKS = ['background-white', 'exposure', 'glare', 'lighting-uniform', 'sharpness', 'natural-colour'] as const;

describe('image measures', () => {
	test('sRGB to CIELAB', () => {
		const white = rgbToLab(255, 255, 255);
		expect(white.L).toBeCloseTo(100, 1);
		expect(Math.abs(white.a) + Math.abs(white.b)).toBeLessThan(0.05);
		const red = rgbToLab(255, 0, 0);
		expect(red.L).toBeCloseTo(53.24, 1);
		expect(red.a).toBeCloseTo(80.09, 0);
		expect(red.b).toBeCloseTo(67.2, 0);
		expect(describeColour(rgbToLab(190, 190, 190))).toBe('light grey');
		expect(describeColour(rgbToLab(196, 216, 240))).toMatch(/blue/);
	});

	test('the working copy: about 700 px, one pass, histogram and colour spread', () => {
		const width = 2000;
		const height = 2800;
		const data = new Uint8Array(width * height * 3).fill(200);
		const copy = reduceImage({data, width, height, channels: 3});
		expect(copy).toMatchObject({width: 500, height: 700, factor: 4, meanSpread: 0});
		expect(copy.histogram[200]).toBe(500 * 700);
	});

	test('the blur measure rises with blur', () => {
		const width = 160;
		const height = 160;
		const sharpImage = new Float32Array(width * height);
		for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) sharpImage[y * width + x] = ((x >> 3) + (y >> 3)) % 2 ? 200 : 50;
		const blurred = new Float32Array(width * height);
		for (let y = 0; y < height; y++) {
			for (let x = 0; x < width; x++) {
				let sum = 0;
				let count = 0;
				for (let dy = -3; dy <= 3; dy++)
					for (let dx = -3; dx <= 3; dx++) {
						const xx = Math.min(width - 1, Math.max(0, x + dx));
						const yy = Math.min(height - 1, Math.max(0, y + dy));
						sum += sharpImage[yy * width + xx]!;
						count++;
					}
				blurred[y * width + x] = sum / count;
			}
		}
		expect(blurEffect(sharpImage, width, height)).toBeLessThan(0.3);
		expect(blurEffect(blurred, width, height)).toBeGreaterThan(0.5);
	});

	test('glare: a clipped white cluster on the skin is a spot; a speck is not', () => {
		const columns = 40;
		const rows = 40;
		const count = columns * rows;
		const cells = new Uint8Array(count).fill(Cell.Skin);
		const max = new Uint8Array(count).fill(200);
		const min = new Uint8Array(count).fill(140);
		// Skin at L* 62; the clipped cells at 99 (a spot must stand out from the skin around it).
		const L = new Float32Array(count).fill(62);
		for (let j = 10; j < 16; j++)
			for (let i = 10; i < 16; i++) {
				max[j * columns + i] = 255;
				min[j * columns + i] = 250;
				L[j * columns + i] = 99;
			}
		max[30 * columns + 30] = 255;
		min[30 * columns + 30] = 250;
		L[30 * columns + 30] = 99;
		const facts = measureGlare({...region(), columns, rows, cells, max, min, L, step: 2, eyeDistance: 40}, []);
		expect(facts.spots).toHaveLength(1);
		expect(facts.spots[0]).toMatchObject({x: 25, y: 25});
		expect(facts.largest).toBeCloseTo((36 * 4) / 1600, 5);
	});

	test('background: grown from the borders, stopped at an outline, shadow-free', () => {
		// A light-grey frame around a dark block: the block is not background.
		const width = 100;
		const height = 140;
		const data = new Uint8Array(width * height * 3).fill(190);
		for (let y = 40; y < 140; y++) for (let x = 30; x < 70; x++) data.fill(40, (y * width + x) * 3, (y * width + x) * 3 + 3);
		const copy = reduceImage({data, width, height, channels: 3}, 140);
		const facts = measureBackground(copy);
		expect(facts.share).toBeGreaterThan(0.6);
		expect(facts.share).toBeLessThan(0.75);
		expect(facts.colour.L).toBeCloseTo(rgbToLab(190, 190, 190).L, 0);
		expect(facts.chroma).toBeLessThan(0.5);
		expect(facts.texture).toBeLessThan(0.1);
		expect(facts.faceGuided).toBe(false);
	});
});

describe('end to end on synthetic images (no face: the face measures skip)', () => {
	async function frame(colour: {r: number; g: number; b: number}): Promise<Buffer> {
		const person = await sharp({create: {width: 300, height: 600, channels: 3, background: {r: 90, g: 60, b: 50}}})
			.png()
			.toBuffer();
		return sharp({create: {width: 715, height: 1000, channels: 3, background: colour}})
			.composite([{input: person, left: 207, top: 400}])
			.jpeg({quality: 92})
			.toBuffer();
	}

	test('a light-grey backdrop fails background-white with the portal reason; a white one passes', async () => {
		const grey = await validatePhoto(await frame({r: 190, g: 190, b: 190}), {checks: [...IMAGE_CHECKS]});
		const greyCheck = grey.checks.find((check) => check.id === 'background-white')!;
		expect(greyCheck).toMatchObject({status: 'fail', reason: 'BACKGROUND_NOT_WHITE'});
		expect(greyCheck.message).toMatch(/light grey \(L\* 77, needs at least 91\)/);
		expect(grey.reasons).toContain('BACKGROUND_NOT_WHITE');

		const white = await validatePhoto(await frame({r: 255, g: 255, b: 255}), {checks: [...IMAGE_CHECKS], annotate: true});
		expect(white.checks.find((check) => check.id === 'background-white')?.status).toBe('pass');
		for (const id of ['exposure', 'glare', 'lighting-uniform', 'sharpness', 'natural-colour']) {
			expect(white.checks.find((check) => check.id === id)?.status).toBe('skip');
		}
		expect(photoReportSchema.safeParse(white).success).toBe(true);
		const mask = white.annotations?.backgroundMask;
		expect(mask?.dataUrl).toMatch(/^data:image\/png;base64,/);
		expect(Math.max(mask!.width, mask!.height)).toBeLessThanOrEqual(480);
		expect(mask!.width / mask!.height).toBeCloseTo(715 / 1000, 2);
	});
});

describe.skipIf(!hasPhotos)(`shared photos (${hasPhotos ? photosDir : photosSkipMessage})`, () => {
	const manifest = hasPhotos ? readManifest() : [];
	const pick = (set: string, count: number) => manifest.filter((entry) => entry.set === set).slice(0, count);

	test.each([...pick('london-neutral', 3), ...pick('ontario', 2)].map((entry) => [entry.file]))(
		'%s: background not white, the rest of the image checks do not fail',
		async (file) => {
			const report = await validatePhoto(path.join(photosDir, file), {checks: [...IMAGE_CHECKS], annotate: true});
			const status = (id: string) => report.checks.find((check) => check.id === id)?.status;
			expect(status('background-white')).toBe('fail');
			for (const id of ['exposure', 'glare', 'lighting-uniform', 'sharpness']) expect(status(id)).not.toBe('fail');
			expect(report.annotations?.backgroundMask).toBeDefined();
			expect(Array.isArray(report.annotations?.glareSpots)).toBe(true);
		},
	);
});
