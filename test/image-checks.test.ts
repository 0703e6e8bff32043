import path from 'node:path';
import sharp from 'sharp';
import {describe, expect, test} from 'vitest';
import type {BackgroundFacts} from '../src/analysis/background.js';
import {measureBackground} from '../src/analysis/background.js';
import {describeColour, rgbToLab} from '../src/analysis/colour.js';
import {Cell, type FaceRegion, type FaceTone} from '../src/analysis/face-region.js';
import type {FocusFacts} from '../src/analysis/focus.js';
import {blurEffect} from '../src/analysis/focus.js';
import type {GlareFacts} from '../src/analysis/glare.js';
import {measureGlare} from '../src/analysis/glare.js';
import type {ReducedImage} from '../src/analysis/reduced.js';
import {reduceImage} from '../src/analysis/reduced.js';
import {backgroundWhite} from '../src/checks/background-white.js';
import {exposure} from '../src/checks/exposure.js';
import {glare} from '../src/checks/glare.js';
import {lightingUniform} from '../src/checks/lighting-uniform.js';
import {naturalColour} from '../src/checks/natural-colour.js';
import {sharpness} from '../src/checks/sharpness.js';
import {caPrCard, photoReportSchema, validatePhoto} from '../src/index.js';
import {hasPhotos, photosDir, photosSkipMessage, readManifest} from './support/photos.js';

const IMAGE_CHECKS = ['background-white', 'exposure', 'glare', 'lighting-uniform', 'sharpness', 'natural-colour'] as const;

function background(overrides: Partial<BackgroundFacts> = {}): BackgroundFacts {
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

function tone(overrides: Partial<FaceTone> = {}): FaceTone {
	return {medianL: 60, lowL: 40, highL: 75, darkShare: 0, brightShare: 0, leftL: 60, rightL: 60, ...overrides};
}

function region(toneOverrides: Partial<FaceTone> = {}, cheeks = {L: 60, a: 12, b: 15}): FaceRegion {
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

/** A reduced image whose luma histogram puts everything at `low`, and 2 % at `high`. */
function reduced(low: number, high: number, meanSpread = 12): ReducedImage {
	const histogram = new Uint32Array(256);
	histogram[low] = 98;
	histogram[high] = (histogram[high] ?? 0) + 2;
	return {data: new Uint8Array(0), luma: new Uint8Array(0), width: 10, height: 10, factor: 1, histogram, meanSpread};
}

describe('background-white: white, plain, unshadowed, distinct from the face', () => {
	test.each([
		['white', {}, 'pass', /plain and white/],
		['light grey (London)', {colour: {L: 77, a: 0, b: 1}, chroma: 1}, 'fail', /light grey \(L\* 77, needs at least 91\)/],
		['off-white', {colour: {L: 92.5, a: 0, b: 1}, chroma: 1}, 'warn', /off-white/],
		['pale blue', {colour: {L: 86, a: -2, b: -14}, chroma: 14.1}, 'fail', /tinted .*blue \(chroma 14/],
		['pink', {colour: {L: 96, a: 10, b: 2}, chroma: 10.2}, 'fail', /tinted .*pink/],
		['textured', {texture: 1.6}, 'fail', /not plain/],
		['shadow beside the head', {shadow: 30}, 'fail', /shadow on the background beside the head \(L\* 30 darker/],
		['darker on one side', {leftRight: -14}, 'fail', /left side of the background is darker/],
		['gradient top to bottom', {topBottom: 12}, 'fail', /darker beside the face than at the top/],
		['face like the background', {faceContrast: 5}, 'fail', /does not stand out/],
		['hardly any background', {share: 0.01}, 'warn', /Too little background/],
	] as const)('%s → %s', (_, overrides, status, message) => {
		const result = backgroundWhite.run({background: background(overrides as Partial<BackgroundFacts>)}, caPrCard);
		expect(result.status).toBe(status);
		expect(result.message).toMatch(message);
	});
});

describe('exposure: too dark fails as TOO_DARK, washed out as OTHER_REQUIREMENT', () => {
	test.each([
		['well exposed', {medianL: 60}, 255, 'pass', undefined],
		['very dark face', {medianL: 10}, 255, 'fail', undefined],
		['dark face, nothing bright', {medianL: 28}, 117, 'fail', undefined],
		['dark skin beside a white backdrop', {medianL: 26}, 255, 'pass', undefined],
		['dark face, bright parts', {medianL: 18}, 255, 'warn', undefined],
		['washed out', {medianL: 88}, 255, 'fail', 'OTHER_REQUIREMENT'],
		['clipped', {medianL: 70, brightShare: 0.2}, 255, 'fail', 'OTHER_REQUIREMENT'],
		['a little clipped', {medianL: 70, brightShare: 0.07}, 255, 'warn', undefined],
	] as const)('%s → %s', (_, toneOverrides, highlight, status, reason) => {
		const result = exposure.run({faceRegion: region(toneOverrides), reduced: reduced(100, highlight)}, caPrCard);
		expect(result.status).toBe(status);
		expect(result.reason).toBe(reason);
	});

	test('the pipeline reports an outcome reason in place of the check reason', async () => {
		// A white frame, no face: exposure skips, but the override mechanism is exercised on the check itself above.
		const result = exposure.run({faceRegion: region({medianL: 95}), reduced: reduced(250, 255)}, caPrCard);
		expect(result).toMatchObject({status: 'fail', reason: 'OTHER_REQUIREMENT'});
		expect(result.message).toMatch(/Washed out.*L\* 95/);
	});
});

describe('glare, lighting, sharpness, natural colour on constructed facts', () => {
	const glareFacts = (largest: number): GlareFacts => ({
		spots: largest ? [{x: 1, y: 1, radius: 5, area: largest}] : [],
		largest,
		total: largest,
		hotShare: 0,
		nearEyes: 0,
	});
	test.each([
		[0, 'pass'],
		[0.015, 'warn'],
		[0.05, 'fail'],
	] as const)('glare spot %f → %s', (largest, status) => {
		expect(glare.run({glare: glareFacts(largest)}, caPrCard).status).toBe(status);
	});

	test.each([
		[60, 60, 'pass'],
		[60, 42, 'warn'],
		[60, 35, 'fail'],
		[25, 12, 'fail'],
	] as const)('halves L* %f and %f → %s', (leftL, rightL, status) => {
		expect(lightingUniform.run({faceRegion: region({leftL, rightL})}, caPrCard).status).toBe(status);
	});

	const focus = (blur: number): FocusFacts => ({blur, faceWidth: 400, upscaled: false});
	test.each([
		[0.35, 'pass'],
		[0.52, 'warn'],
		[0.62, 'fail'],
	] as const)('blur %f → %s', (blur, status) => {
		expect(sharpness.run({focus: focus(blur)}, caPrCard).status).toBe(status);
	});

	test.each([
		['natural', {L: 60, a: 12, b: 15}, 12, 'pass', /natural skin tones/],
		['black and white', {L: 60, a: 0, b: 0}, 0.2, 'warn', /black-and-white/],
		['reddish, outside OFIQ', {L: 60, a: 30, b: 15}, 12, 'warn', /outside the usual range/],
		['blue skin', {L: 60, a: 5, b: -25}, 12, 'fail', /Unnatural skin tone/],
		['green skin', {L: 60, a: -15, b: 20}, 12, 'fail', /Unnatural skin tone/],
	] as const)('%s → %s', (_, cheeks, spread, status, message) => {
		const result = naturalColour.run({faceRegion: region({}, cheeks), reduced: reduced(100, 200, spread)}, caPrCard);
		expect(result.status).toBe(status);
		expect(result.message).toMatch(message);
	});
});

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
		for (let j = 10; j < 16; j++)
			for (let i = 10; i < 16; i++) {
				max[j * columns + i] = 255;
				min[j * columns + i] = 250;
			}
		max[30 * columns + 30] = 255;
		min[30 * columns + 30] = 250;
		const facts = measureGlare({...region(), columns, rows, cells, max, min, step: 2, eyeDistance: 40}, []);
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
