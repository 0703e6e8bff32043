/**
 * Renders docs/html-report.png: the HTML report of a real shared photo (london-neutral/001_03.jpg,
 * CC BY 4.0, see ../shared/photos/README.md) and variants of it made in memory (cropped to 5:7,
 * darkened, shrunk, and the same person smiling), screenshotted in headless Chromium from the top of
 * the page to the end of the first photo. The photos themselves are never written to the repository.
 *
 *   npx tsx scripts/html-screenshot.ts [--out docs/html-report.png] [--html report.html]
 */
import {existsSync} from 'node:fs';
import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import sharp from 'sharp';
import {renderHtml, validatePhoto} from '../src/index.js';
import {launchChromium} from '../test/support/chromium.js';
import {photosDir, repoRoot} from '../test/support/photos.js';

const {values} = parseArgs({options: {out: {type: 'string', default: path.join(repoRoot, 'docs/html-report.png')}, html: {type: 'string'}}});
const original = path.join(photosDir, 'london-neutral/001_03.jpg');
if (!existsSync(original)) {
	console.error(`html-screenshot: ${original} not found: the screenshot is made from the shared photos (set PHOTOS_DIR)`);
	process.exit(2);
}

const photo = sharp(original);
const {width = 0, height = 0} = await photo.metadata();
const cropWidth = Math.round((height * 5) / 7);
const cropped = await photo
	.clone()
	.extract({left: Math.round((width - cropWidth) / 2), top: 0, width: cropWidth, height})
	.jpeg({quality: 92})
	.toBuffer();
const inputs: [string, Buffer][] = [
	['001_03-5x7.jpg', cropped],
	['001_03.jpg', await sharp(original).toBuffer()],
	['001_03-dark.jpg', await sharp(cropped).modulate({brightness: 0.4}).jpeg({quality: 92}).toBuffer()],
	['001_03-small.jpg', await sharp(cropped).resize(600).jpeg({quality: 92}).toBuffer()],
];
const smiling = path.join(photosDir, 'london-smiling/001_08.jpg');
if (existsSync(smiling)) inputs.push(['001_08-smiling.jpg', await sharp(smiling).toBuffer()]);

const reports = [];
for (const [name, bytes] of inputs) reports.push(await validatePhoto(bytes, {name, annotate: true}));
const file = values.html ?? path.join(await mkdtemp(path.join(tmpdir(), 'photo-requirements-shot-')), 'report.html');
await writeFile(file, renderHtml(reports, {title: 'Photo requirements report: London set, 001'}));

const browser = await launchChromium({width: 1280, height: 900});
try {
	const page = await browser.context.newPage();
	await page.goto(pathToFileURL(file).href);
	await page.waitForSelector('html[data-ready]');
	const card = page.locator('#p-0');
	await card.scrollIntoViewIfNeeded();
	await page.locator('#p-0 svg .pr-photo[href]').waitFor({state: 'attached'});
	await page.evaluate('window.scrollTo(0, 0)');
	await page.waitForTimeout(300); // the picture decodes
	const box = await card.boundingBox();
	if (!box) throw new Error('the first photo is not on the page');
	// The summary, the table and the top of the first photo: enough to read at README width.
	await page.screenshot({path: values.out, fullPage: true, clip: {x: 0, y: 0, width: 1280, height: Math.ceil(Math.min(box.y + box.height + 16, box.y + 640))}});
	console.log(`wrote ${values.out}: ${reports.map((report) => `${report.source} ${report.verdict}`).join(', ')}`);
} finally {
	await browser.close();
}
