/**
 * Renders docs/html-report.png and docs/html-report-phone.png: the HTML report of a real shared
 * photo (london-neutral/001_03.jpg, CC BY 4.0, see ../shared/photos/README.md) and variants of it
 * made in memory (cropped to 5:7, darkened, shrunk, and the same person smiling), in headless
 * Chromium at 1400 px and at a phone's width (390 px): the first photo's card, which has a
 * suggested crop (the variant generator's head-too-small photo of 001_03). The photos themselves are
 * never written to the repository.
 *
 *   npx tsx scripts/html-screenshot.ts [--out docs/html-report.png] [--phone docs/html-report-phone.png] [--html report.html]
 */
import {existsSync} from 'node:fs';
import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import sharp from 'sharp';
import {defaultVariantsDir} from '../fixtures/variants/index.js';
import {HTML_PICTURE_SIZE} from '../src/cli/annotated-output.js';
import {renderHtml, validatePhoto} from '../src/index.js';
import {launchChromium} from '../test/support/chromium.js';
import {photosDir, repoRoot} from '../test/support/photos.js';

const {values} = parseArgs({
	options: {
		out: {type: 'string', default: path.join(repoRoot, 'docs/html-report.png')},
		phone: {type: 'string', default: path.join(repoRoot, 'docs/html-report-phone.png')},
		html: {type: 'string'},
	},
});
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
// The generator's head-too-small variant (white backdrop, head at 35 %): a photo a crop would fix.
const small = path.join(defaultVariantsDir(), 'london-neutral_001_03/head-too-small.jpg');
if (!existsSync(small)) {
	console.error(`html-screenshot: ${small} not found: npm run eval generates the variants first`);
	process.exit(2);
}
const inputs: [string, Buffer][] = [
	['001_03-head-too-small.jpg', await sharp(small).toBuffer()],
	['001_03.jpg', await sharp(original).toBuffer()],
	['001_03-5x7.jpg', cropped],
	['001_03-dark.jpg', await sharp(cropped).modulate({brightness: 0.4}).jpeg({quality: 92}).toBuffer()],
	['001_03-small.jpg', await sharp(cropped).resize(600).jpeg({quality: 92}).toBuffer()],
];
const smiling = path.join(photosDir, 'london-smiling/001_08.jpg');
if (existsSync(smiling)) inputs.push(['001_08-smiling.jpg', await sharp(smiling).toBuffer()]);

const reports = [];
// The picture size the CLI's --html uses.
for (const [name, bytes] of inputs) reports.push(await validatePhoto(bytes, {name, annotate: {pictureSize: HTML_PICTURE_SIZE}}));
const file = values.html ?? path.join(await mkdtemp(path.join(tmpdir(), 'photo-requirements-shot-')), 'report.html');
await writeFile(file, renderHtml(reports, {title: 'Photo requirements report: London set, 001'}));

for (const [out, viewport, maxHeight] of [
	[values.out, {width: 1400, height: 1000}, 1500],
	[values.phone, {width: 390, height: 844}, 2600],
] as const) {
	const browser = await launchChromium(viewport);
	try {
		const page = await browser.context.newPage();
		await page.goto(pathToFileURL(file).href);
		await page.waitForSelector('html[data-ready]');
		const card = page.locator('#p-0');
		await card.scrollIntoViewIfNeeded();
		await page.locator('#p-0 svg .pr-photo[href]').waitFor({state: 'attached'});
		await page.waitForTimeout(500); // the picture decodes
		const box = await card.boundingBox();
		if (!box) throw new Error('the first photo is not on the page');
		const top = Math.max(0, (await page.evaluate('window.scrollY')) as number) + box.y;
		await page.screenshot({
			path: out,
			fullPage: true,
			clip: {x: 0, y: top - 8, width: viewport.width, height: Math.ceil(Math.min(box.height + 16, maxHeight))},
		});
		console.log(`wrote ${out} (${viewport.width} px wide)`);
	} finally {
		await browser.close();
	}
}
console.log(reports.map((report) => `${report.source} ${report.verdict}`).join(', '));
