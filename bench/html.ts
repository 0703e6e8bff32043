/**
 * npm run bench:html: builds an HTML report of 1,000 synthetic annotated photos (each with its own
 * thumbnail of a real photo's size, and a background mask), opens it in headless Chromium, and prints
 * the time to first paint, to the page's script being ready, and to the load event. Median of --runs.
 *
 * Options: --photos N (default 1000), --runs N (default 5), --out FILE (keep the HTML),
 * --picture-size PX (default 1000, the CLI's --html pictures; 480 is the library's `annotate: true`).
 */
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import sharp from 'sharp';
import {renderHtml} from '../src/index.js';
import {hasChromium, launchChromium, noChromiumMessage} from '../test/support/chromium.js';
import {maskUrl, syntheticReport, THUMBNAIL, thumbnailUrl, VARIANTS} from '../test/support/reports.js';
import {median} from './stats.js';

const {values} = parseArgs({
	options: {
		photos: {type: 'string', default: '1000'},
		runs: {type: 'string', default: '5'},
		out: {type: 'string'},
		'picture-size': {type: 'string', default: '1000'},
	},
});
const count = Number(values.photos);
// The pictures as the CLI embeds them: the longest side `--picture-size`, the photo's 5:7 kept.
const side = Number(values['picture-size']);
const PICTURE = {width: Math.round((side * THUMBNAIL.width) / THUMBNAIL.height), height: side};
const runs = Number(values.runs);
if (!hasChromium) {
	console.error(`bench:html: ${noChromiumMessage}`);
	process.exit(2);
}

// Distinct thumbnails, so the browser cannot decode one picture and reuse it.
let started = performance.now();
const skins = ['#e0b899', '#c68e6a', '#8d5a3b', '#f1d0b5', '#b07a55'];
const backgrounds = ['#f4f4f2', '#ffffff', '#e9ecef', '#d7d3cc'];
const mask = await maskUrl();
const scenes = await Promise.all(skins.flatMap((skin) => backgrounds.map((background) => sceneRaw(background, skin))));
const reports = [];
for (let i = 0; i < count; i++) {
	const thumbnail = await grainy(scenes[i % scenes.length]!, i);
	const report = syntheticReport({source: `photo-${String(i + 1).padStart(4, '0')}.jpg`, variant: VARIANTS[i % VARIANTS.length]!, thumbnail, mask});
	if (report.annotations?.thumbnail) report.annotations.thumbnail = {...report.annotations.thumbnail, ...PICTURE};
	reports.push(report);
}
const madeMs = performance.now() - started;
started = performance.now();
const html = renderHtml(reports);
const renderMs = performance.now() - started;
const folder = await mkdtemp(path.join(tmpdir(), 'photo-requirements-bench-html-'));
const file = values.out ?? path.join(folder, 'report.html');
await writeFile(file, html);
console.log(
	`bench:html: ${count} photos with ${PICTURE.width} × ${PICTURE.height} pictures, ${(Buffer.byteLength(html) / 1e6).toFixed(1)} MB of HTML (synthetic reports made in ${(madeMs / 1000).toFixed(1)} s, renderHtml ${renderMs.toFixed(0)} ms)`,
);

const browser = await launchChromium();
const rows: Record<string, number>[] = [];
let cold: Record<string, number> = {};
try {
	for (let run = 0; run < runs + 1; run++) {
		const page = await browser.context.newPage();
		const navigated = performance.now();
		await page.goto(pathToFileURL(file).href, {waitUntil: 'load'});
		await page.waitForSelector('html[data-ready]');
		const wallMs = performance.now() - navigated;
		// Then jump to a photo half-way down, as a click in the table does, until its picture is set.
		const jumped = performance.now();
		await page.locator(`#p-${Math.floor(count / 2)}`).scrollIntoViewIfNeeded();
		await page.locator(`#p-${Math.floor(count / 2)} svg .pr-photo[href]`).waitFor({state: 'attached'});
		const jumpMs = performance.now() - jumped;
		const timing = JSON.parse(
			await page.evaluate(`JSON.stringify({
			firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime,
			firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
			domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
			load: performance.getEntriesByType('navigation')[0].loadEventEnd,
			pictures: document.querySelectorAll('svg .pr-photo[href]').length,
		})`),
		) as Record<string, number>;
		// The first run (a browser just started) is shown apart: the median is of the warm runs.
		if (run === 0) cold = {...timing, wall: wallMs, jump: jumpMs};
		else rows.push({...timing, wall: wallMs, jump: jumpMs});
		await page.close();
	}
} finally {
	await browser.close();
	if (!values.out) await rm(folder, {recursive: true, force: true});
}

const show = (key: string, label: string): void => {
	const values = rows.map((row) => row[key]).filter((value): value is number => typeof value === 'number');
	const seconds = (value: number | undefined): string => (value === undefined ? '-' : (value / 1000).toFixed(2));
	console.log(`  ${label.padEnd(42)} median ${seconds(median(values))} s (runs: ${values.map(seconds).join(', ')}; cold browser: ${seconds(cold[key])})`);
};
show('firstContentfulPaint', 'first contentful paint');
show('domContentLoaded', 'DOMContentLoaded (table and filters work)');
show('load', 'load event');
show('wall', 'goto → script ready (wall clock)');
show('jump', 'scroll to a photo → its picture set');
console.log(`  pictures loaded after the jump: ${rows[0]?.pictures} of ${count} (the rest wait until scrolled to)`);

async function sceneRaw(background: string, skin: string): Promise<Buffer> {
	const url = await thumbnailUrl(background, skin);
	return sharp(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'))
		.removeAlpha()
		.resize(PICTURE.width, PICTURE.height, {fit: 'fill'})
		.raw()
		.toBuffer();
}

/** The scene with its own film grain (a seeded LCG), as a JPEG data URL about the size of a real thumbnail's. */
async function grainy(raw: Buffer, seed: number): Promise<string> {
	const pixels = Buffer.from(raw);
	let state = (seed * 2_654_435_761) >>> 0;
	for (let index = 0; index < pixels.length; index++) {
		state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
		pixels[index] = Math.max(0, Math.min(255, pixels[index]! + ((state >>> 24) % 25) - 12));
	}
	const jpeg = await sharp(pixels, {raw: {width: PICTURE.width, height: PICTURE.height, channels: 3}})
		.jpeg({quality: 82})
		.toBuffer();
	return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}
