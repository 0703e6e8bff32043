/**
 * Makes samples/portrait.jpg, the photo the README's first command checks: a 715 × 1001 (5:7)
 * crop of one face from the MIT-licensed demo photos that @vladmandic/face-api ships, so a
 * newcomer has a real portrait without any file from outside the project. It is not a compliant
 * photo (busy background, smiling), which makes it a good first report to read.
 */
import {mkdir, stat} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'samples', 'portrait.jpg');
const source = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo', 'sample3.jpg');

// The woman in the middle of sample3.jpg: head (chin to crown) about 360 px; a 538 × 753 crop puts
// it at ~48 % of the height, the middle of the 44–51 % rule, with the crown ~11 % below the top.
const crop = {left: 926, top: 72, width: 538, height: 753};

const exists = await stat(target).then(
	() => true,
	() => false,
);
if (exists && !process.argv.includes('--force')) {
	console.log(`samples/portrait.jpg is there (use --force to make it again)`);
} else {
	await mkdir(path.dirname(target), {recursive: true});
	await sharp(source).extract(crop).resize(715, 1001, {kernel: 'lanczos3'}).jpeg({quality: 90, mozjpeg: false}).toFile(target);
	console.log(`made samples/portrait.jpg from ${path.relative(root, source)}`);
}
