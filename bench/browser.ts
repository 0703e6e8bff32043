/**
 * The browser build in headless Chromium (npm run bench:browser; needs npm run build and Debian's
 * chromium): the JS size gzipped, the first report after page load (model load included), and
 * later photos against Node's validatePhoto on the same 2000 × 2800 JPEG, in one run.
 */
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {validatePhoto} from '../src/index.js';
import {launchChromium} from '../test/support/chromium.js';
import {repoRoot} from '../test/support/photos.js';
import {serveStatic} from '../test/support/static-server.js';
import {benchmarkJpeg} from './photo.js';
import {median, ms} from './stats.js';

const RUNS = 10;
const dir = path.join(repoRoot, 'dist/browser');
let gzipped = 0;
for (const file of (await readdir(dir)).filter((name) => name.endsWith('.js'))) gzipped += gzipSync(await readFile(path.join(dir, file))).length;
const wasm = (await readdir(dir)).filter((name) => name.endsWith('.wasm'));

const photo = await benchmarkJpeg();
const page = `<!doctype html><meta charset="utf-8"><script type="module">
const started = performance.now();
const library = await import('/dist/browser/index.js');
const bytes = await (await fetch('/photo.jpg')).arrayBuffer();
const report = await library.validatePhoto(bytes);
window.first = {sinceNavigation: performance.now(), sinceScript: performance.now() - started, verdict: report.verdict};
const times = [];
for (let i = 0; i < ${RUNS}; i++) {
	const t = performance.now();
	await library.validatePhoto(bytes);
	times.push(performance.now() - t);
}
window.times = times;
</script>`;
const server = await serveStatic(repoRoot, {'/page.html': {type: 'text/html', body: page}, '/photo.jpg': {type: 'image/jpeg', body: photo}});
const chromium = await launchChromium(undefined, {offline: false});
const tab = await chromium.context.newPage();
await tab.goto(`${server.url}/page.html`);
await tab.waitForFunction(() => (window as unknown as {times?: number[]}).times !== undefined, undefined, {timeout: 120_000});
const first = (await tab.evaluate(() => (window as unknown as {first: {sinceNavigation: number; sinceScript: number; verdict: string}}).first)) as {
	sinceNavigation: number;
	sinceScript: number;
	verdict: string;
};
const browserTimes = (await tab.evaluate(() => (window as unknown as {times: number[]}).times)) as number[];
await chromium.close();
await server.close();

await validatePhoto(photo); // the engine loaded
const nodeTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
	const t = performance.now();
	await validatePhoto(photo);
	nodeTimes.push(performance.now() - t);
}

console.log('browser build in headless Chromium (2000 × 2800 JPEG, 1.6 MB)');
console.log(`  JS, all of dist/browser/*.js gzipped   ${(gzipped / 1000).toFixed(0)} kB (budget 500 kB); wasm beside it: ${wasm.join(', ')}`);
console.log(
	`  first report after page load            ${ms(first.sinceNavigation)} (budget 3000 ms; ${ms(first.sinceScript)} from the script's start; verdict ${first.verdict})`,
);
console.log(
	`  later photos, median of ${RUNS}            ${ms(median(browserTimes))} in Chromium, ${ms(median(nodeTimes))} in Node: ${(median(browserTimes) / median(nodeTimes)).toFixed(2)}× (budget 2×)`,
);
