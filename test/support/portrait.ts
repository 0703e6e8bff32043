import {createRequire} from 'node:module';
import path from 'node:path';
import sharp from 'sharp';

/**
 * A real portrait that ships with the project's dependencies: a crop of one face from the MIT-licensed
 * demo photo of @vladmandic/face-api (the sample photo's face), `width` pixels wide at 5:7.
 */
export async function demoPortrait(width = 715): Promise<Buffer> {
	const source = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo', 'sample3.jpg');
	return sharp(source)
		.extract({left: 926, top: 72, width: 538, height: 753})
		.resize(width, Math.round((width * 7) / 5))
		.jpeg({quality: 90})
		.toBuffer();
}
