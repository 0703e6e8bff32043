/**
 * The HTML report in a real browser: headless Chromium (Debian's package) driven by playwright-core.
 * Skipped, with the reason in the test's name, where no Chromium is installed.
 */
import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import type {Page} from 'playwright-core';

type Box = {x: number; y: number; width: number; height: number};

import sharp from 'sharp';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {type PhotoReport, renderHtml} from '../src/index.js';
import {MARK_COLOURS} from '../src/report/overlay.js';
import {type Chromium, hasChromium, launchChromium, noChromiumMessage} from './support/chromium.js';
import {FACE, IMAGE, syntheticReport, thumbnailUrl, VARIANTS, variantReports} from './support/reports.js';

if (!hasChromium) console.warn(`html-browser.test.ts skipped: ${noChromiumMessage}`);

const EVIL = '<img src=x onerror=alert(1)>.jpg';
const CROP = {x: 40, y: 20, width: 900, height: 1260, fixes: ['head-size']};

describe.skipIf(!hasChromium)(`the HTML report in headless Chromium${hasChromium ? '' : ` (skipped: ${noChromiumMessage})`}`, () => {
	let browser: Chromium;
	let page: Page;
	let reports: PhotoReport[];
	const problems: string[] = [];

	beforeAll(async () => {
		reports = await variantReports((variant) => (variant === 'head-size' ? EVIL : `${variant}.jpg`));
		// The head-size photo with the crop a report would suggest for it.
		const headSize = reports.findIndex((report) => report.source === EVIL);
		reports[headSize] = {...reports[headSize]!, suggestedCrop: CROP};
		const folder = await mkdtemp(path.join(tmpdir(), 'photo-requirements-html-'));
		const file = path.join(folder, 'report.html');
		await writeFile(file, renderHtml(reports));
		browser = await launchChromium();
		page = await browser.context.newPage();
		page.on('console', (message) => {
			if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
		});
		page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
		page.on('dialog', (dialog) => {
			problems.push(`dialog: ${dialog.message()}`);
			void dialog.dismiss();
		});
		page.on('request', (request) => {
			if (!/^(?:file|data):/.test(request.url())) problems.push(`request: ${request.url()}`);
		});
		await page.goto(pathToFileURL(file).href);
		await page.waitForSelector('html[data-ready]');
	});

	afterAll(async () => {
		await browser?.close();
	});

	const visibleRows = (): Promise<string[]> => page.locator('#index tbody tr:visible td:nth-child(2)').allTextContents();

	test('every photo is listed, in the table and as a card, with its verdict', async () => {
		expect(await page.locator('#index tbody tr').allTextContents()).toHaveLength(VARIANTS.length);
		expect(await visibleRows()).toEqual(reports.map((report) => report.source));
		expect(await page.locator('article.card').count()).toBe(VARIANTS.length);
		for (const [i, report] of reports.entries()) {
			expect(await page.locator(`#p-${i} h2`).textContent()).toBe(`${i + 1}. ${report.source}`);
			expect(await page.locator(`#p-${i} header .badge`).getAttribute('class')).toContain(`v-${report.verdict}`);
		}
	});

	test('the overlays are drawn on every photo that has a picture, and pictures load as they come into view', async () => {
		for (const [i, report] of reports.entries()) {
			const card = page.locator(`#p-${i}`);
			if (report.source === 'undecodable.jpg') {
				expect(await card.locator('.nopic').count()).toBe(1);
				continue;
			}
			await card.scrollIntoViewIfNeeded();
			for (const mark of ['.pr-photo', '.pr-bg', '.pr-band', '.pr-centre', '.pr-face', '.pr-chin', '.pr-crown', '.pr-eyeline']) {
				expect(await card.locator(`svg ${mark}`).count(), `${mark} on ${report.source}`).toBe(1);
			}
			expect(await card.locator('svg .pr-eye').count()).toBe(2);
			expect(await card.locator('svg .pr-glare').count()).toBe(report.source === 'glare.jpg' ? 2 : 0);
			await expect.poll(() => card.locator('svg .pr-photo').getAttribute('href')).toMatch(/^data:image\/jpeg;base64,/);
		}
		expect(await page.locator('#p-1 .pr-bg').getAttribute('data-status')).toBe('fail'); // background.jpg
	});

	test('the eye marks are drawn where the report says the eyes are', async () => {
		const svg = page.locator('#p-0 svg.pr-overlay');
		await svg.scrollIntoViewIfNeeded();
		await expect.poll(() => svg.locator('.pr-photo').getAttribute('href')).toMatch(/^data:/);
		const shot = await svg.screenshot();
		const {data, info} = await sharp(shot).removeAlpha().raw().toBuffer({resolveWithObject: true});
		const scaleX = info.width / IMAGE.width;
		const scaleY = info.height / IMAGE.height;
		const eye = Number.parseInt(MARK_COLOURS.eye.slice(1), 16);
		const target = [eye >> 16, (eye >> 8) & 255, eye & 255];
		const isEyeMark = (x: number, y: number): boolean => {
			const at = (Math.round(y) * info.width + Math.round(x)) * 3;
			return target.every((channel, c) => Math.abs(data[at + c]! - channel) < 40);
		};
		expect(info.width).toBeGreaterThan(200);
		for (const [x, y] of [FACE.leftEye, FACE.rightEye]) {
			expect(isEyeMark(x * scaleX, y * scaleY), `eye mark at (${x}, ${y})`).toBe(true);
			// …and only there: 12 screen pixels away in any direction, the photo shows through.
			for (const [dx, dy] of [
				[12, 0],
				[-12, 0],
				[0, 12],
				[0, -12],
			] as const) {
				expect(isEyeMark(x * scaleX + dx, y * scaleY + dy), `no eye mark at (${x}, ${y}) + (${dx}, ${dy}) px`).toBe(false);
			}
		}
	});

	test('the suggested crop is drawn, and previewed cut and in black and white', async () => {
		const i = reports.findIndex((report) => report.source === EVIL);
		const card = page.locator(`#p-${i}`);
		await card.scrollIntoViewIfNeeded();
		const rect = card.locator('.viewer .pr-crop');
		expect(await rect.evaluate((node) => ['x', 'y', 'width', 'height'].map((name) => Number(node.getAttribute(name))))).toEqual([40, 20, 900, 1260]);
		const preview = card.locator('.crop-preview svg');
		await expect.poll(() => card.locator('svg .pr-photo').getAttribute('href')).toMatch(/^data:/);
		await page.waitForTimeout(200);
		const {data, info} = await sharp(await preview.screenshot())
			.removeAlpha()
			.raw()
			.toBuffer({resolveWithObject: true});
		const box = (await preview.boundingBox())!;
		expect(box.width / box.height).toBeCloseTo(900 / 1260, 1);
		// The skin (#e0b899) shows grey in the preview: every pixel's channels alike.
		let spread = 0;
		for (let y = 3; y < info.height - 3; y++) {
			for (let x = 3; x < info.width - 3; x++) {
				const at = (y * info.width + x) * info.channels; // inside the preview's border
				spread = Math.max(spread, Math.max(data[at]!, data[at + 1]!, data[at + 2]!) - Math.min(data[at]!, data[at + 1]!, data[at + 2]!));
			}
		}
		expect(spread).toBeLessThan(12);
	});

	test('each layer of the picture switches off and on, and the picture zooms to 1:1 and back', async () => {
		const i = reports.findIndex((report) => report.source === EVIL);
		const card = page.locator(`#p-${i}`);
		await card.scrollIntoViewIfNeeded();
		for (const layer of ['marks', 'background', 'crop']) {
			const toggle = card.locator(`[data-layer-toggle="${layer}"]`);
			const drawn = card.locator(`.viewer [data-layer="${layer}"]`);
			expect(await drawn.isVisible(), layer).toBe(true);
			await toggle.uncheck();
			expect(await drawn.isVisible(), `${layer} switched off`).toBe(false);
			await toggle.check();
			expect(await drawn.isVisible(), `${layer} switched on again`).toBe(true);
		}
		const svg = card.locator('.viewer svg');
		const fitted = (await svg.boundingBox())!.width;
		await card.locator('[data-zoom]').click();
		expect((await svg.boundingBox())!.width).toBeCloseTo(343, 0); // the picture's own width
		expect(await card.locator('[data-zoom]').getAttribute('aria-pressed')).toBe('true');
		await card.locator('[data-zoom]').click();
		expect((await svg.boundingBox())!.width).toBeCloseTo(fitted, 0);
	});

	/** The second photo's picture and findings, laid out at this window width (then back to the default). */
	async function layoutAt(width: number, height: number): Promise<{picture: Box; findings: Box; pageWidth: number}> {
		await page.setViewportSize({width, height});
		try {
			const card = page.locator('#p-1');
			await card.scrollIntoViewIfNeeded();
			return {
				picture: (await card.locator('.viewer').boundingBox())!,
				findings: (await card.locator('.findings').boundingBox())!,
				pageWidth: await page.evaluate(() => document.documentElement.scrollWidth),
			};
		} finally {
			await page.setViewportSize({width: 1280, height: 900});
		}
	}

	test('at 1400 px the findings stand beside the picture, which is large enough to judge', async () => {
		const {picture, findings} = await layoutAt(1400, 1000);
		expect(picture.width).toBeGreaterThanOrEqual(400);
		expect(findings.x).toBeGreaterThan(picture.x + picture.width);
		expect(findings.y).toBeLessThan(picture.y + picture.height);
	});

	test("at a phone's width the picture fills the card and the findings follow it", async () => {
		const {picture, findings, pageWidth} = await layoutAt(390, 844);
		expect(picture.width).toBeGreaterThan(300);
		expect(picture.x + picture.width).toBeLessThanOrEqual(390);
		expect(findings.y).toBeGreaterThan(picture.y + picture.height);
		expect(pageWidth).toBeLessThanOrEqual(390);
	});

	test("at a phone's width the summary and the photo table fit: no sideways scroll, each verdict on screen", async () => {
		await page.setViewportSize({width: 390, height: 844});
		try {
			const overflow = await page.evaluate(() =>
				[...document.querySelectorAll<HTMLElement>('section.block')].map((block) => block.scrollWidth - block.clientWidth),
			);
			expect(
				overflow.every((pixels) => pixels <= 0),
				JSON.stringify(overflow),
			).toBe(true);
			const badges = await page
				.locator('table.photos tbody .badge')
				.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().right));
			expect(badges.length).toBeGreaterThan(0);
			expect(Math.max(...badges)).toBeLessThanOrEqual(390);
		} finally {
			await page.setViewportSize({width: 1280, height: 900});
		}
	});

	test('filters by verdict and by reason, from the controls and from the summary', async () => {
		const names = (predicate: (report: PhotoReport) => boolean): (string | undefined)[] => reports.filter(predicate).map((report) => report.source);
		await page.selectOption('#f-verdict', 'return');
		expect(await visibleRows()).toEqual(names((report) => report.verdict === 'return'));
		expect(await page.locator('article.card:visible').count()).toBe(names((report) => report.verdict === 'return').length);
		await page.selectOption('#f-reason', 'GLARE');
		expect(await visibleRows()).toEqual(['glare.jpg']);
		expect(await page.locator('#shown').textContent()).toBe(`Showing 1 of ${reports.length} photos`);
		await page.selectOption('#f-verdict', '');
		await page.selectOption('#f-reason', 'OTHER_REQUIREMENT'); // returned (file-format) or warned (head-size) under it
		expect(await visibleRows()).toEqual([EVIL, 'undecodable.jpg']);
		await page.click('#summary button[data-set-verdict="review"]');
		expect(await page.locator('#f-reason').inputValue()).toBe('');
		expect(await visibleRows()).toEqual([EVIL]);
		await page.click('#summary button[data-set-reason="DIMENSIONS_OUT_OF_RANGE"]');
		expect(await visibleRows()).toEqual(['too-small.jpg']);
		await page.selectOption('#f-reason', '');
		expect(await visibleRows()).toHaveLength(reports.length);
	});

	test('sorts by verdict and back by number, the photos below following the table', async () => {
		await page.click('#index th button[data-sort="verdict"]');
		const order = await page.locator('#index tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-verdict')));
		expect(order).toEqual([...order].sort((a, b) => ['return', 'review', 'accept'].indexOf(a!) - ['return', 'review', 'accept'].indexOf(b!)));
		expect(order[0]).toBe('return');
		const cards = await page.locator('article.card').evaluateAll((list) => list.map((card) => card.getAttribute('data-verdict')));
		expect(cards).toEqual(order);
		await page.click('#index th button[data-sort="index"]');
		expect(await visibleRows()).toEqual(reports.map((report) => report.source));
	});

	test('nothing went wrong: no console errors, no script from a file name ran, no request left the file', () => {
		expect(problems).toEqual([]);
	});

	test('a 1,000-photo report opens, lists every photo and loads only the pictures in view', async () => {
		const thumbnail = await thumbnailUrl('#f4f4f2', '#e0b899', true);
		const many = Array.from({length: 1000}, (_, i) => syntheticReport({source: `photo-${i}.jpg`, variant: VARIANTS[i % 6]!, thumbnail}));
		const folder = await mkdtemp(path.join(tmpdir(), 'photo-requirements-html-'));
		const file = path.join(folder, 'many.html');
		await writeFile(file, renderHtml(many));
		const big = await browser.context.newPage();
		const started = performance.now();
		await big.goto(pathToFileURL(file).href);
		await big.waitForSelector('html[data-ready]');
		const seconds = (performance.now() - started) / 1000;
		console.log(`1,000-photo report: ready in ${seconds.toFixed(2)} s`);
		expect(await big.locator('#index tbody tr').count()).toBe(1000);
		const loaded = (): Promise<number> => big.locator('svg .pr-photo[href]').count();
		expect(await loaded()).toBe(0); // the 1,000-row table fills the screen: no photo in view yet
		await big.locator('#p-500').scrollIntoViewIfNeeded();
		await expect.poll(() => big.locator('#p-500 svg .pr-photo').getAttribute('href')).toMatch(/^data:image\/jpeg/);
		expect(await loaded()).toBeLessThan(20); // only those near the screen
		expect(seconds).toBeLessThan(10); // generous for a busy CI machine; `npm run bench:html` measures
		await big.close();
	});
});
