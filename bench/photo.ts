import {createRequire} from 'node:module';
import path from 'node:path';
import sharp from 'sharp';

/**
 * The benchmark photo: a real portrait at the portal's largest size, 2000 × 2800, JPEG quality 90,
 * cut from the MIT-licensed demo photo that @vladmandic/face-api ships (the same face as
 * samples/portrait.jpg), so the benchmark needs no file from outside the project.
 */
export async function benchmarkJpeg(): Promise<Buffer> {
	const source = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo', 'sample3.jpg');
	return sharp(source).extract({left: 926, top: 72, width: 538, height: 753}).resize(2000, 2800, {kernel: 'lanczos3'}).jpeg({quality: 90}).toBuffer();
}

/** The floor the pipeline is compared with: sharp decoding the same file to raw sRGB pixels. */
export async function bareDecode(bytes: Buffer): Promise<void> {
	await sharp(bytes).rotate().toColourspace('srgb').raw().toBuffer();
}
