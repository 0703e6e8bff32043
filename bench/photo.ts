import sharp from 'sharp';
import {demoPortrait} from '../fixtures/demo-portrait.js';

/**
 * The benchmark photo: a real portrait at the portal's largest size, 2000 × 2800, JPEG quality 90
 * (the face of samples/portrait.jpg), so the benchmark needs no file from outside the project.
 */
export function benchmarkJpeg(): Promise<Buffer> {
	return demoPortrait(2000);
}

/** The floor the pipeline is compared with: sharp decoding the same file to raw sRGB pixels. */
export async function bareDecode(bytes: Buffer): Promise<void> {
	await sharp(bytes).rotate().toColourspace('srgb').raw().toBuffer();
}
