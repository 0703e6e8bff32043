/**
 * Makes samples/portrait.jpg, the photo the README's first command checks (run by `prepare`, so it
 * exists after `npm ci`): the demo portrait of fixtures/demo-portrait.ts at 715 × 1001, so a
 * newcomer has a real portrait without any file from outside the project.
 */
import {mkdir, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {demoPhotoPath, demoPortrait} from '../fixtures/demo-portrait.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'samples', 'portrait.jpg');

const exists = await stat(target).then(
	() => true,
	() => false,
);
if (exists && !process.argv.includes('--force')) {
	console.log('samples/portrait.jpg is there (use --force to make it again)');
} else {
	await mkdir(path.dirname(target), {recursive: true});
	await writeFile(target, await demoPortrait(715));
	console.log(`made samples/portrait.jpg from ${path.relative(root, demoPhotoPath())}`);
}
