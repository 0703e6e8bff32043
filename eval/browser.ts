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
import {validatePhoto} from '../src/index.js';
import {LIBRARY_PAGE, libraryReady, StatusAgreement, validateInPage} from '../test/support/browser-build.js';
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

let current: Buffer = Buffer.alloc(0);
const server = await serveStatic(repoRoot, {'/page.html': {type: 'text/html', body: LIBRARY_PAGE}});
const chromium = await launchChromium(undefined, {offline: false});
const tab = await chromium.context.newPage();
// The photo under test, handed to the page from memory.
await tab.route('**/photo', (route) => route.fulfill({status: 200, contentType: 'application/octet-stream', body: current}));
await libraryReady(tab, `${server.url}/page.html`);

const agreement = new StatusAgreement();
for (const [index, item] of items.entries()) {
	current = await readFile(item.file);
	const name = item.file.split('/').at(-1)!;
	agreement.add(item.label, await validatePhoto(current, {name}), await validateInPage(tab, '/photo', name));
	if (index % 100 === 0) process.stderr.write(`\r${index + 1}/${items.length} photos, ${agreement.agree}/${agreement.total} statuses equal`);
}
process.stderr.write('\n');
await chromium.close();
await server.close();
console.log(`browser build against Node: ${agreement.summary(items.length)} and variants`);
console.log(`differences by check: ${[...agreement.byCheck].map(([id, count]) => `${id} ${count}`).join(', ') || 'none'}`);
for (const line of agreement.differences) console.log(`  ${line}`);
