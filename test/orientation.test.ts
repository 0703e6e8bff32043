import sharp from 'sharp';
import {describe, expect, test} from 'vitest';
import {validatePhoto} from '../src/index.js';
import {demoPortrait} from './support/portrait.js';

type Transform = (image: sharp.Sharp) => sharp.Sharp;

/** The eight ways to store pixels; the test finds which one each EXIF orientation undoes. */
const transforms: Record<string, Transform> = {
	identity: (image) => image,
	flop: (image) => image.flop(),
	rotate180: (image) => image.rotate(180),
	flip: (image) => image.flip(),
	rotate90: (image) => image.rotate(90),
	rotate270: (image) => image.rotate(270),
	transpose: (image) => image.rotate(90).flop(),
	transverse: (image) => image.rotate(270).flop(),
};

/** An asymmetric 6 × 4 image: each orientation's stored form is unambiguous. */
async function probe(): Promise<Buffer> {
	const pixels = Buffer.alloc(6 * 4 * 3);
	for (let index = 0; index < 24; index++) pixels[index * 3] = index * 10;
	return sharp(pixels, {raw: {width: 6, height: 4, channels: 3}})
		.png()
		.toBuffer();
}

/** The stored form of `upright` that displays upright under EXIF `orientation`. */
async function storedFor(upright: Buffer, orientation: number): Promise<Buffer> {
	const reference = await sharp(await probe())
		.raw()
		.toBuffer();
	for (const transform of Object.values(transforms)) {
		const stored = await transform(sharp(await probe()))
			.png()
			.toBuffer();
		const tagged = await sharp(stored).withMetadata({orientation}).png().toBuffer();
		const displayed = await sharp(tagged).rotate().raw().toBuffer();
		if (displayed.equals(reference)) {
			const pixels = await transform(sharp(upright)).jpeg({quality: 92}).toBuffer();
			return sharp(pixels).withMetadata({orientation}).jpeg({quality: 92}).toBuffer();
		}
	}
	throw new Error(`no transform undoes orientation ${orientation}`);
}

describe('EXIF orientations 1–8 on a real portrait: the face is found upright in each', async () => {
	const upright = await demoPortrait(715);
	const reference = await validatePhoto(upright);

	test('the upright photo has a face', () => {
		expect(reference.face).toBeDefined();
	});

	test.each([1, 2, 3, 4, 5, 6, 7, 8])('orientation %i', async (orientation) => {
		const stored = await storedFor(upright, orientation);
		const report = await validatePhoto(stored);
		expect(report.image).toMatchObject({width: 715, height: 1001});
		const face = report.face!;
		expect(face, 'a face').toBeDefined();
		// Upright: eyes above the chin, level as in the reference, the head the same size.
		expect(face.chin[1]).toBeGreaterThan(Math.max(face.leftEye[1], face.rightEye[1]));
		// The stored pixels were mirrored or turned; displayed, they are the upright photo again.
		expect(Math.abs(face.rollDeg - reference.face!.rollDeg)).toBeLessThan(3);
		expect(face.headHeightRatio).toBeCloseTo(reference.face!.headHeightRatio, 1);
		const dimensions = report.checks.find((check) => check.id === 'dimensions')!;
		expect(dimensions.status).toBe('pass');
	});
});
