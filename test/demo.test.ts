import {type ChildProcess, spawn} from 'node:child_process';
import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {validatePhoto} from '../src/index.js';
import {type Chromium, hasChromium, launchChromium, noChromiumMessage} from './support/chromium.js';
import {repoRoot} from './support/photos.js';
import {demoPortrait} from './support/portrait.js';

describe.skipIf(!hasChromium)(`npm run demo: the example page${hasChromium ? '' : ` (skipped: ${noChromiumMessage})`}`, () => {
	let server: ChildProcess;
	let url: string;
	let chromium: Chromium;

	beforeAll(async () => {
		server = spawn(process.execPath, [path.join(repoRoot, 'scripts/demo.mjs')], {env: {...process.env, PORT: '0'}, stdio: ['ignore', 'pipe', 'inherit']});
		url = await new Promise<string>((resolve, reject) => {
			let output = '';
			const timer = setTimeout(() => reject(new Error(`the demo server printed no address: ${output}`)), 20_000);
			server.stdout!.on('data', (chunk: Buffer) => {
				output += chunk.toString();
				const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
				if (match) {
					clearTimeout(timer);
					resolve(match[1]!);
				}
			});
		});
		chromium = await launchChromium({width: 1100, height: 800}, {offline: false});
	}, 60_000);
	afterAll(async () => {
		await chromium?.close();
		server?.kill();
	});

	test('choose a photo: the page shows the verdict Node gives, the problems, and the annotated picture; nothing leaves the page', async () => {
		const portrait = await demoPortrait();
		const file = path.join(await mkdtemp(path.join(tmpdir(), 'photo-requirements-demo-')), 'portrait.jpg');
		await writeFile(file, portrait);
		const page = await chromium.context.newPage();
		const origins = new Set<string>();
		const errors: string[] = [];
		page.on('request', (request) => origins.add(new URL(request.url()).origin));
		page.on('pageerror', (error) => errors.push(error.message));
		await page.goto(`${url}/`);
		await page.setInputFiles('#file', file);
		await page.waitForSelector('body[data-verdict]', {timeout: 60_000});
		const expected = await validatePhoto(portrait, {name: 'portrait.jpg'});
		expect(await page.getAttribute('body', 'data-verdict')).toBe(expected.verdict);
		const problems = await page.locator('#problems li').allTextContents();
		const flagged = expected.checks.filter((check) => check.status === 'fail' || check.status === 'warn');
		expect(problems).toHaveLength(flagged.length);
		for (const [index, check] of flagged.entries()) expect(problems[index]).toContain(check.message);
		// The picture is drawn: the thumbnail's size, and not blank.
		const drawn = await page.evaluate(() => {
			const canvas = document.getElementById('picture') as HTMLCanvasElement;
			const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
			let distinct = 0;
			for (let i = 0; i < data.length; i += 4 * 97) if (data[i] !== data[0]) distinct++;
			return {width: canvas.width, height: canvas.height, distinct};
		});
		expect(drawn.width).toBeGreaterThan(0);
		expect(drawn.distinct).toBeGreaterThan(100);
		expect([...origins]).toEqual([url]);
		expect(errors).toEqual([]);
		if (process.env.DEMO_SCREENSHOT) await page.screenshot({path: process.env.DEMO_SCREENSHOT, fullPage: true});
		await page.close();
	}, 120_000);
});
