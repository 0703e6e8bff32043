import sharp from 'sharp';
import {describe, expect, test} from 'vitest';
import {measureCutout} from '../src/analysis/forensics/cutout.js';
import {measureBlockiness, resaveError} from '../src/analysis/forensics/ela.js';
import {type PixelEvidence, pixelEvidence} from '../src/analysis/forensics/pixel-evidence.js';
import {measureBackground} from '../src/analysis/pixels/background.js';
import {reduceImage} from '../src/analysis/pixels/reduced.js';
import {validatePhoto} from '../src/index.js';
import type {RgbImage} from '../src/input/image.js';
import {caPrCard} from '../src/profiles/index.js';
import {cameraExif} from './support/images.js';

const WIDTH = 715;
const HEIGHT = 1001;

/** Deterministic noise in [-1, 1]. */
function noise(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
		return state / 2 ** 31 - 1;
	};
}

interface Scene {
	/** 0 for a one-pixel step from backdrop to person, else the width of the blend in pixels. */
	feather: number;
	/** A studio backdrop: soft light falloff (RGB 228–246) and sensor noise; otherwise flat 255. */
	realBackdrop: boolean;
}

/** A dark-haired, dark-clothed head-and-shoulders silhouette on a backdrop. */
function scene({feather, realBackdrop}: Scene): RgbImage {
	const data = new Uint8Array(WIDTH * HEIGHT * 3);
	const random = noise(7);
	// Signed distance (pixels, negative inside) to an ellipse, approximately.
	const ellipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) => (Math.hypot((x - cx) / rx, (y - cy) / ry) - 1) * Math.min(rx, ry);
	for (let y = 0; y < HEIGHT; y++) {
		for (let x = 0; x < WIDTH; x++) {
			const d = Math.min(ellipse(x, y, 357, 380, 150, 200), ellipse(x, y, 357, 1150, 330, 420));
			const alpha = feather === 0 ? (d < 0 ? 1 : 0) : Math.min(1, Math.max(0, 0.5 - d / feather));
			const light = 246 - (18 * Math.hypot(x - 357, y - 300)) / 700;
			const backdrop = realBackdrop ? light + 2.5 * random() : 255;
			const person = 55 + 12 * Math.sin(x / 9) * Math.sin(y / 7) + 4 * random();
			const value = alpha * person + (1 - alpha) * backdrop;
			const o = (y * WIDTH + x) * 3;
			data[o] = Math.round(Math.min(255, value + alpha * 10));
			data[o + 1] = Math.round(Math.min(255, value));
			data[o + 2] = Math.round(Math.min(255, value - alpha * 5));
		}
	}
	return {data, width: WIDTH, height: HEIGHT, channels: 3};
}

function cutoutOf(image: RgbImage) {
	const reduced = reduceImage(image);
	return measureCutout(reduced, measureBackground(reduced), image);
}

const limits = caPrCard.unaltered;

describe('cut-out signature', () => {
	test('a hard-edged cut-out on flat white: pure-white backdrop, silhouette steps in one pixel', () => {
		const cutout = cutoutOf(scene({feather: 0, realBackdrop: false}));
		expect(cutout.whiteShare).toBeGreaterThan(0.95);
		expect(cutout.backdropNoise).toBeLessThan(0.05);
		expect(cutout.edgeProfiles).toBeGreaterThan(100);
		expect(cutout.hardShare).toBeGreaterThan(limits.cutoutHardStrong);
	});

	test('a feathered mask on flat white: the backdrop is flat, the edge is not a step', () => {
		const cutout = cutoutOf(scene({feather: 6, realBackdrop: false}));
		expect(cutout.whiteShare).toBeGreaterThan(0.95);
		expect(cutout.hardShare).toBeLessThan(limits.cutoutHardWeak);
	});

	test('a noisy, soft-lit studio backdrop is not pure white', () => {
		const cutout = cutoutOf(scene({feather: 4, realBackdrop: true}));
		expect(cutout.whiteShare).toBeLessThan(0.05);
		expect(cutout.backdropNoise).toBeGreaterThan(0.3);
		expect(cutout.hardShare).toBeLessThan(limits.cutoutHardWeak);
	});

	test('graded by the profile: strong with a hard edge, weak with a few hard points, none on a real backdrop', () => {
		const evidence = (cutout: NonNullable<PixelEvidence['cutout']>) => pixelEvidence({cutout}, null, limits);
		const base = {whiteShare: 0.99, backdropNoise: 0, edgeProfiles: 500, stepShare: 0.5};
		expect(evidence({...base, hardShare: 0.6})).toMatchObject([{key: 'cutout', strength: 'strong'}]);
		expect(evidence({...base, hardShare: 0.2})).toMatchObject([{key: 'cutout', strength: 'weak'}]);
		expect(evidence({...base, hardShare: 0.05})).toEqual([]);
		expect(evidence({...base, whiteShare: 0.01, hardShare: 0.6})).toEqual([]);
		expect(evidence({...base, hardShare: 0.6})[0]?.text).toMatch(/99 % of the backdrop is pure white .* 60 % of 500 silhouette points/);
	});

	test('end to end: a camera-tagged hard cut-out fails, the same person on a studio backdrop passes', async () => {
		const encode = async (image: RgbImage) =>
			sharp(image.data, {raw: {width: image.width, height: image.height, channels: 3}})
				.jpeg({quality: 92})
				.withExif(cameraExif()!)
				.toBuffer();
		const run = async (image: RgbImage) => (await validatePhoto(await encode(image), {checks: ['unaltered']})).checks[0]!;
		const pasted = await run(scene({feather: 0, realBackdrop: false}));
		expect(pasted.status).toBe('fail');
		expect(pasted.message).toMatch(/cut-out signature/);
		expect(pasted.measured?.['evidence.cutout']).toBeDefined();
		const studio = await run(scene({feather: 4, realBackdrop: true}));
		expect(studio.status).toBe('pass');
		expect(studio.measured?.['cutout.whiteShare']).toBeLessThan(0.05);
	});
});

describe('error level analysis and double compression', () => {
	test('re-saving a block at the same quality changes (almost) nothing: the premise of ELA', () => {
		const random = noise(3);
		const block = Float64Array.from({length: 64}, (_, i) => 120 + 40 * Math.sin(i / 5) + 20 * random());
		const saved = new Float64Array(64);
		expect(resaveError(block, undefined, saved)).toBeGreaterThan(1);
		// Only rounding to whole levels remains between the first save and the second.
		expect(resaveError(saved)).toBeLessThan(0.5);
		expect(resaveError(new Float64Array(64).fill(255))).toBe(0);
	});

	test('blockiness: one save at quality 100 has none, a quality-75 save under it shows its grid', async () => {
		const random = noise(11);
		const data = new Uint8Array(512 * 512 * 3);
		for (let i = 0; i < 512 * 512; i++) {
			const x = i % 512;
			const y = Math.floor(i / 512);
			data.fill(Math.round(128 + 60 * Math.sin(x / 23) * Math.cos(y / 31) + 6 * random()), i * 3, i * 3 + 3);
		}
		const raw = {raw: {width: 512, height: 512, channels: 3 as const}};
		const decode = async (bytes: Buffer): Promise<RgbImage> => ({data: await sharp(bytes).raw().toBuffer(), width: 512, height: 512, channels: 3});
		const band = {x: 0, y: 0, width: 512, height: 512};
		const once = await sharp(data, raw).jpeg({quality: 100}).toBuffer();
		const twice = await sharp(await sharp(data, raw).jpeg({quality: 75}).toBuffer())
			.jpeg({quality: 100})
			.toBuffer();
		expect(measureBlockiness(await decode(once), band).ratio).toBeLessThan(1.1);
		expect(measureBlockiness(await decode(twice), band).ratio).toBeGreaterThan(limits.doubleCompressionBlockiness);
	});

	test('graded weak: double compression needs high-quality tables; ELA needs a large disagreement', () => {
		const jpeg = (quality: number) => ({quality: {quality, standardTables: true, distance: 0}}) as Parameters<typeof pixelEvidence>[1];
		const blocky = {blockiness: {ratio: 1.6}};
		expect(pixelEvidence(blocky, jpeg(100), limits)).toMatchObject([{key: 'double-compression', strength: 'weak'}]);
		expect(pixelEvidence(blocky, jpeg(80), limits)).toEqual([]);
		expect(pixelEvidence({blockiness: {ratio: 1.2}}, jpeg(100), limits)).toEqual([]);
		const ela = {face: 0.3, edge: 0.04, backdrop: 0, inconsistency: 7.5, blocks: {face: 96, edge: 96, backdrop: 32}};
		expect(pixelEvidence({ela}, null, limits)).toMatchObject([{key: 'ela', strength: 'weak'}]);
		expect(pixelEvidence({ela: {...ela, inconsistency: 1.3}}, null, limits)).toEqual([]);
	});
});
