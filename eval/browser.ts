/**
 * npm run eval:browser: the browser build's statuses against Node's on every shared photo and every
 * variant (the issue's 98 % bound), listing each difference. Needs npm run build and Debian's
 * chromium; the variants are made (or reused) as npm run eval makes them.
 *
 *   npm run eval:browser [-- --limit N]   (N photos per set, for a quick run)
 */
import {readFile} from 'node:fs/promises';
import {parseArgs} from 'node:util';
import {photosDir} from '../fixtures/shared-photos.js';
import {BASE_SETS} from '../fixtures/variants/base.js';
import {defaultVariantsDir, generateVariants} from '../fixtures/variants/index.js';
import {loadManifest} from '../fixtures/variants/manifest.js';
import {type PhotoReport, validatePhoto} from '../src/index.js';
import {launchChromium} from '../test/support/chromium.js';
import {repoRoot} from '../test/support/photos.js';
import {serveStatic} from '../test/support/static-server.js';
import {limitPerSet, photoItems, variantItems} from './items.js';

const {values} = parseArgs({options: {limit: {type: 'string'}}});
const limit = values.limit === undefined ? undefined : Number(values.limit);
const manifest = await loadManifest(photosDir);
const items = photoItems(photosDir, limitPerSet(manifest, limit));
const variants = await generateVariants({
	photosDir,
	outDir: defaultVariantsDir(),
	sets: [...BASE_SETS],
	...(limit === undefined ? {} : {limit: limit * BASE_SETS.length}),
	onProgress: (done, total) => process.stderr.write(`\rvariants: ${done}/${total} sources`),
});
process.stderr.write('\n');
items.push(...variantItems(variants));

const page = `<!doctype html><meta charset="utf-8"><script type="module">
window.library = await import('/dist/browser/index.js');
window.ready = true;
</script>`;
let current: Buffer = Buffer.alloc(0);
const server = await serveStatic(repoRoot, {'/page.html': {type: 'text/html', body: page}});
const chromium = await launchChromium(undefined, {offline: false});
const tab = await chromium.context.newPage();
// The photo under test, handed to the page from memory.
await tab.route('**/photo', (route) => route.fulfill({status: 200, contentType: 'application/octet-stream', body: current}));
await tab.goto(`${server.url}/page.html`);
await tab.waitForFunction(() => (window as unknown as {ready?: boolean}).ready === true);

let agree = 0;
let total = 0;
const differences: string[] = [];
const byCheck = new Map<string, number>();
for (const [index, item] of items.entries()) {
	current = await readFile(item.file);
	const name = item.file.split('/').at(-1)!;
	const inBrowser = (await tab.evaluate(async (file) => {
		const bytes = await (await fetch('/photo')).arrayBuffer();
		return (window as unknown as {library: {validatePhoto: (input: unknown) => Promise<unknown>}}).library.validatePhoto(new File([bytes], file));
	}, name)) as PhotoReport;
	const inNode = await validatePhoto(current, {name});
	for (const [at, check] of inNode.checks.entries()) {
		total++;
		const other = inBrowser.checks[at];
		if (other?.status === check.status) agree++;
		else {
			differences.push(`${item.label}: ${check.id} ${check.status} in Node ("${check.message}"), ${other?.status} in Chromium ("${other?.message}")`);
			byCheck.set(check.id, (byCheck.get(check.id) ?? 0) + 1);
		}
	}
	if (index % 100 === 0) process.stderr.write(`\r${index + 1}/${items.length} photos, ${agree}/${total} statuses equal`);
}
process.stderr.write('\n');
await chromium.close();
await server.close();
console.log(
	`browser build against Node: ${agree}/${total} check statuses equal (${((agree / total) * 100).toFixed(2)} %) over ${items.length} photos and variants`,
);
console.log(`differences by check: ${[...byCheck].map(([id, count]) => `${id} ${count}`).join(', ') || 'none'}`);
for (const line of differences) console.log(`  ${line}`);
