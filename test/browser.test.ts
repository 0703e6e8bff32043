import {readFile} from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {validatePhoto} from '../src/index.js';
import {type LibrarySite, libraryReady, StatusAgreement, serveLibrary, validateInPage} from './support/browser-build.js';
import {hasChromium, noChromiumMessage} from './support/chromium.js';
import {cameraExif, jpeg} from './support/images.js';
import {hasPhotos, photosDir, readManifest} from './support/photos.js';
import {demoPortrait} from './support/portrait.js';

interface Case {
	label: string;
	bytes: Buffer;
	name?: string;
}

/** Photos of every kind the decoders may treat differently: orientation, alpha, 16 bits, a truncated file, and the shared photos when present. */
async function cases(): Promise<Case[]> {
	const portrait = await demoPortrait();
	const rotated = await sharp(portrait).rotate(90).withMetadata({orientation: 8}).jpeg({quality: 92}).toBuffer();
	const list: Case[] = [
		{label: 'the demo portrait', bytes: portrait},
		{label: 'the demo portrait at 2000 × 2800', bytes: await demoPortrait(2000)},
		{label: 'the demo portrait stored rotated, EXIF orientation 8', bytes: rotated},
		{label: 'the demo portrait as a PNG with alpha', bytes: await sharp(portrait).ensureAlpha(0.9).png().toBuffer()},
		{label: 'the demo portrait as a 16-bit PNG', bytes: await sharp(portrait).toColourspace('rgb16').png().toBuffer()},
		{label: 'a truncated JPEG', bytes: portrait.subarray(0, Math.round(portrait.length * 0.6))},
		{label: 'noise, no face', bytes: await jpeg(715, 1001, {exif: cameraExif()})},
		{label: 'not an image', bytes: Buffer.from('%PDF-1.4 not a photo'), name: 'photo.jpg'},
	];
	if (hasPhotos) {
		// Every fourth shared photo: each set is represented, and the test stays within a minute.
		for (const entry of readManifest().filter((_entry, index) => index % 4 === 0)) {
			list.push({label: entry.file, bytes: await readFile(path.join(photosDir, entry.file))});
		}
	}
	return list;
}

describe.skipIf(!hasChromium)(`the browser build in headless Chromium${hasChromium ? '' : ` (skipped: ${noChromiumMessage})`}`, () => {
	let site: LibrarySite;
	let photos: Case[];

	beforeAll(async () => {
		photos = await cases();
		site = await serveLibrary(Object.fromEntries(photos.map((photo, index) => [`/photos/${index}`, {type: 'application/octet-stream', body: photo.bytes}])));
	}, 60_000);
	afterAll(async () => {
		await site?.close();
	});

	test('the statuses of every check agree with Node on at least 98 % of the checks; each difference is listed', async () => {
		const {page, errors} = await site.open();
		const agreement = new StatusAgreement();
		for (const [index, photo] of photos.entries()) {
			const inBrowser = await validateInPage(page, `/photos/${index}`, photo.name ?? 'photo.jpg');
			const inNode = await validatePhoto(photo.bytes, {name: photo.name ?? 'photo.jpg'});
			expect(
				inBrowser.checks.map((check) => check.id),
				photo.label,
			).toEqual(inNode.checks.map((check) => check.id));
			agreement.add(photo.label, inNode, inBrowser);
			expect(inBrowser.provenance.sha256, photo.label).toBe(inNode.provenance.sha256);
		}
		console.log(`browser build: ${agreement.summary(photos.length)}${agreement.differences.length ? `\n  ${agreement.differences.join('\n  ')}` : ''}`);
		expect(errors).toEqual([]);
		expect(agreement.share).toBeGreaterThanOrEqual(0.98);
		await page.close();
	}, 300_000);

	test("nothing leaves the page: every request goes to the page's own server, none to a CDN", async () => {
		const {chromium, server} = site;
		const page = await chromium.context.newPage();
		const origins = new Set<string>();
		page.on('request', (request) => origins.add(new URL(request.url()).origin));
		page.on('worker', (worker) => origins.add(new URL(worker.url()).origin));
		await libraryReady(page, `${server.url}/page.html`);
		const verdict = await page.evaluate(async () => {
			const bytes = await (await fetch('/photos/0')).arrayBuffer();
			const report = (await (window as unknown as {library: {validatePhoto: (input: unknown) => Promise<{verdict: string}>}}).library.validatePhoto(bytes)) as {
				verdict: string;
			};
			return report.verdict;
		});
		expect(['accept', 'review', 'return']).toContain(verdict);
		expect([...origins]).toEqual([server.url]);
		expect(server.requested).toEqual(expect.arrayContaining(['/dist/browser/worker.js', '/models/manifest.json', '/models/blazeface.bin']));
		await page.close();
	}, 120_000);

	test('a wrong argument is a TypeError that names it', async () => {
		const {page} = await site.open();
		const message = await page.evaluate(async () =>
			(window as unknown as {library: {validatePhoto: (input: unknown) => Promise<unknown>}}).library.validatePhoto('photo.jpg').then(
				() => 'no error',
				(error: Error) => `${error.name}: ${error.message}`,
			),
		);
		expect(message).toBe('TypeError: validatePhoto(): input must be a File, a Blob, an ArrayBuffer or a Uint8Array; got string ("photo.jpg").');
		await page.close();
	}, 60_000);
});
