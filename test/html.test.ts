import {execFile} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import sharp from 'sharp';
import {beforeAll, describe, expect, test} from 'vitest';
import {backgroundWhite} from '../src/checks/background-white/index.js';
import {exposure} from '../src/checks/exposure/index.js';
import {type PhotoReport, RETURN_REASON_CODES, RETURN_REASONS, renderAnnotatedPng, renderHtml} from '../src/index.js';
import {escapeHtml} from '../src/report/html.js';
import {MARK_COLOURS} from '../src/report/overlay.js';
import {runCli} from './support/cli.js';
import {background, reduced, region} from './support/facts.js';
import {jpeg, NO_FACE_CHECKS} from './support/images.js';
import {repoRoot} from './support/photos.js';
import {FACE, IMAGE, maskUrl, reportOf, runOn, syntheticReport, THUMBNAIL, thumbnailUrl, type Variant, variantReports} from './support/reports.js';

let reports: PhotoReport[];
let html: string;

beforeAll(async () => {
	reports = await variantReports();
	html = renderHtml(reports);
});

/** The HTML of one photo's card. */
function cardOf(page: string, index: number): string {
	const start = page.indexOf(`<article class="card" id="p-${index}"`);
	expect(start).toBeGreaterThanOrEqual(0);
	return page.slice(start, page.indexOf('</article>', start));
}

describe('renderHtml', () => {
	test('lists every photo, in the order given, in the table and as a card', () => {
		const rows = [...html.matchAll(/<tr data-i="(\d+)" data-verdict="(\w+)"/g)].map((match) => [Number(match[1]), match[2]]);
		expect(rows).toEqual(reports.map((report, i) => [i, report.verdict]));
		const cards = [...html.matchAll(/<article class="card" id="p-(\d+)"/g)].map((match) => Number(match[1]));
		expect(cards).toEqual(reports.map((_, i) => i));
		for (const [i, report] of reports.entries()) expect(cardOf(html, i)).toContain(`${i + 1}. ${report.source}`);
	});

	test('counts photos per verdict and per reason', () => {
		const count = (verdict: string): number => reports.filter((report) => report.verdict === verdict).length;
		expect(html).toContain(`data-set-verdict="return" data-count="${count('return')}"`);
		expect(html).toContain(`data-set-verdict="review" data-count="${count('review')}"`);
		expect(html).toContain(`data-set-verdict="accept" data-count="${count('accept')}"`);
		for (const reason of RETURN_REASON_CODES) {
			const returned = reports.filter((report) => report.reasons.includes(reason)).length;
			expect(html).toMatch(new RegExp(`<tr data-reason="${reason}">.*?data-returned="${returned}"`));
		}
		expect(html).toMatch(/<tr data-reason="GLARE">.*?data-returned="1"/);
	});

	test('a card leads with what to do, then the checks not met, then those to look at; the met ones folded away', () => {
		const index = reports.findIndex((report) => report.source === 'too-small.jpg');
		const report = reports[index]!;
		const card = cardOf(html, index);
		const parts = [...card.matchAll(/<section class="status-part" data-part="(\w+)">/g)].map((match) => match[1]);
		expect(parts).toEqual(['fail']);
		expect(card.indexOf('class="advice"')).toBeLessThan(card.indexOf('class="status-part"'));
		for (const advice of report.advice) expect(card).toContain(advice.text);
		const folded = card.slice(card.indexOf('<details class="met">'));
		const passed = report.checks.filter((check) => check.status === 'pass');
		expect(folded).toContain(`Met: ${passed.length} checks`);
		for (const check of passed) expect(folded).toContain(`data-check="${check.id}" data-status="pass"`);
		// Under "not met", the portal's reasons in its words and order, each with its failed checks only.
		const failedPart = card.slice(card.indexOf('data-part="fail"'), card.indexOf('<details class="met">'));
		const groups = [...failedPart.matchAll(/<div class="group" data-reason="(\w+)" data-status="fail"><h4>(.*?)<\/h4>/g)];
		expect(groups.map((group) => group[1])).toEqual(['DIMENSIONS_OUT_OF_RANGE', 'FILE_TOO_LARGE']);
		expect(groups[1]![2]).toContain('<span class="badge st-fail">not met</span> The file size is above 4 MB.');
		expect(card).toContain('The photo is 600 × 840 pixels: too small.');
	});

	test("a met reason reads in plain words, never as the portal's complaint beside a green mark", () => {
		const card = cardOf(
			html,
			reports.findIndex((report) => report.source === 'accept.jpg'),
		);
		expect(card).not.toContain('status-part');
		expect(card).toContain('<span class="badge st-pass">met</span> Bright enough');
		expect(card).toContain('<span class="badge st-pass">met</span> The file is small enough');
		for (const words of Object.values(RETURN_REASONS)) expect(card).not.toContain(`</span> ${escapeHtml(words)}`);
	});

	test('each figure beside its limit, labelled for a person, with the raw values folded', () => {
		const card = cardOf(
			html,
			reports.findIndex((report) => report.source === 'background.jpg'),
		);
		expect(card).toContain(
			'<tr><th>background lightness (L*, 100 is white)</th><td class="value">81.7</td><td class="limit">needs at least 91 (94 is safe)</td></tr>',
		);
		expect(card).toContain('<tr><th>background tint (chroma, 0 is neutral)</th><td class="value">1.2</td><td class="limit">at most 5 (3 is safe)</td></tr>');
		expect(card).toMatch(/<details class="raw"><summary>Raw figures<\/summary>.*<li><span>minLightness:<\/span> 91<\/li>/);
	});

	test('escapes file names, messages and figures: nothing in a report becomes markup', async () => {
		const evil = '<script>alert(1)</script>"\'&<img src=x onerror=alert(2)>.jpg';
		const report = syntheticReport({source: evil, variant: 'glare', thumbnail: await thumbnailUrl()});
		report.checks[0]!.message = '</td><script>alert(3)</script>';
		report.checks[0]!.measured = {'<b>key</b>': '<i>value</i>'};
		// The schema lets any data:image/ string through; one that breaks out of its attribute is dropped.
		report.annotations!.backgroundMask = {width: 343, height: 480, dataUrl: 'data:image/png;base64,AAAA" onload="alert(4)'};
		const page = renderHtml([report], {title: '<h1>title</h1>'});
		expect(page.match(/<script/g)).toHaveLength(1); // only the report's own
		for (const raw of ['<script>alert', '<img src=x', '" onerror', 'onload=', '<b>key', '<i>value', '<h1>title']) expect(page).not.toContain(raw);
		expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;&#34;&#39;&#38;&#60;img src=x onerror=alert(2)&#62;.jpg');
		expect(page).toContain('&#60;/td&#62;&#60;script&#62;alert(3)');
		expect(page).not.toContain('class="pr-bg"'); // the unsafe mask was not drawn
	});

	test('is self-contained: nothing loads from elsewhere, and only its own script and style may run', () => {
		expect(html).not.toMatch(/(?:src|href)="(?!data:|#)/); // no URL but data: and in-page links
		expect(html).not.toMatch(/<link|@import|url\((?!#)/);
		const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
		expect(csp).toContain("default-src 'none'");
		const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
		expect(csp).toContain(`script-src ${hash(/<script>([\s\S]*?)<\/script>/.exec(html)![1]!)}`);
		expect(csp).toContain(`style-src ${hash(/<style>([\s\S]*?)<\/style>/.exec(html)![1]!)}`);
	});

	test('draws the marks in image pixels, and keeps pictures out of the initial DOM', () => {
		const card = cardOf(
			html,
			reports.findIndex((report) => report.source === 'glare.jpg'),
		);
		expect(card).toContain(`viewBox="0 0 ${IMAGE.width} ${IMAGE.height}"`);
		expect(card).toContain(`class="pr-eye" data-eye="left" cx="${FACE.leftEye[0]}" cy="${FACE.leftEye[1]}"`);
		expect(card).toContain(`class="pr-eye" data-eye="right" cx="${FACE.rightEye[0]}" cy="${FACE.rightEye[1]}"`);
		expect(card).toContain(`class="pr-face" x="${FACE.box.x}" y="${FACE.box.y}" width="${FACE.box.width}" height="${FACE.box.height}"`);
		for (const mark of ['pr-photo', 'pr-bg', 'pr-band', 'pr-centre', 'pr-face-centre', 'pr-chin', 'pr-crown', 'pr-eyeline'])
			expect(card).toContain(`class="${mark}"`);
		expect(card.match(/class="pr-glare"/g)).toHaveLength(2);
		// The chin band: crown + 44.3 % … 51.4 % of the height.
		expect(card).toContain(`y="${Math.round((FACE.crown[1] + (31 / 70) * IMAGE.height) * 10) / 10}"`);
		expect(html).not.toMatch(/[^-]href="data:/);
		expect(html).toContain('data-href="data:image/jpeg;base64,');
		expect(
			cardOf(
				html,
				reports.findIndex((report) => report.source === 'undecodable.jpg'),
			),
		).toContain('No picture: the photo could not be decoded.');
	});

	test('rejects what is not a report, naming which', () => {
		expect(() => renderHtml([reports[0]!, {verdict: 'maybe'} as unknown as PhotoReport])).toThrow(
			/renderHtml\(\): reports\[1\] must be a PhotoReport; got a report whose verdict is wrong/,
		);
		expect(() => renderHtml('x' as unknown as PhotoReport[])).toThrow(TypeError);
	});
});

describe('renderAnnotatedPng', () => {
	async function pixel(png: Buffer, x: number, y: number): Promise<number[]> {
		const {data, info} = await sharp(png).removeAlpha().raw().toBuffer({resolveWithObject: true});
		const at = (Math.round(y) * info.width + Math.round(x)) * 3;
		return [data[at]!, data[at + 1]!, data[at + 2]!];
	}

	test('the thumbnail with the marks where the report says, and the background outlined (red when it fails), not tinted', async () => {
		const [thumbnail, mask] = await Promise.all([thumbnailUrl(), maskUrl()]);
		const make = (variant: Variant): Promise<Buffer | undefined> => renderAnnotatedPng(syntheticReport({source: 'a.jpg', variant, thumbnail, mask}));
		const png = (await make('background'))!;
		const {width, height, format} = await sharp(png).metadata();
		expect([format, width, height]).toEqual(['png', 343, 480]);
		const scale = width! / IMAGE.width;
		const eye = Number.parseInt(MARK_COLOURS.eye.slice(1), 16);
		const magenta = [eye >> 16, (eye >> 8) & 255, eye & 255];
		for (const [x, y] of [FACE.leftEye, FACE.rightEye]) {
			const found = await pixel(png, x * scale, y * scale);
			for (const [c, channel] of found.entries()) expect(Math.abs(channel - magenta[c]!)).toBeLessThan(40);
		}
		// Inside the background its own colour shows (a person judges it); its edge beside the cheek is drawn red when it fails.
		const [r, g, b] = await pixel(png, 10, 10);
		expect(Math.max(Math.abs(r! - 0xf4), Math.abs(g! - 0xf4), Math.abs(b! - 0xf2))).toBeLessThan(12);
		// The face is an ellipse about (500, 555) of radius 215 across: its left edge, 3 px into the background.
		const edge = [(500 - 215 - 3) * scale, 555 * scale] as const;
		const [er, eg] = await pixel(png, ...edge);
		expect(er! - eg!).toBeGreaterThan(60);
		const [ar, ag] = await pixel((await make('accept'))!, ...edge);
		expect(ar! - ag!).toBeLessThan(20);
	});

	test('the suggested crop is drawn on the PNG, dashed in its colour, and only when there is one', async () => {
		const [thumbnail, mask] = await Promise.all([thumbnailUrl(), maskUrl()]);
		const report = syntheticReport({source: 'a.jpg', variant: 'head-size', thumbnail, mask});
		const crop = {x: 100, y: 60, width: 800, height: 1120, fixes: ['head-size']};
		const png = (await renderAnnotatedPng({...report, suggestedCrop: crop}))!;
		const scale = THUMBNAIL.width / IMAGE.width;
		const green = Number.parseInt(MARK_COLOURS.crop.slice(1), 16);
		const target = [green >> 16, (green >> 8) & 255, green & 255];
		const isCrop = (rgb: number[]): boolean => rgb.every((channel, c) => Math.abs(channel - target[c]!) < 50);
		// Along the crop's left edge, in the background: most of the dashes' samples are its colour.
		const left = await Promise.all([120, 160, 200, 240, 280, 320].map((y) => pixel(png, crop.x * scale, y)));
		expect(left.filter(isCrop).length).toBeGreaterThanOrEqual(3);
		const without = (await renderAnnotatedPng(report))!;
		const bare = await Promise.all([120, 160, 200, 240, 280, 320].map((y) => pixel(without, crop.x * scale, y)));
		expect(bare.filter(isCrop)).toEqual([]);
		// Smaller on request, never larger than the picture.
		expect(await sharp((await renderAnnotatedPng(report, {size: 240}))!).metadata()).toMatchObject({width: 172, height: 240});
		expect(await sharp((await renderAnnotatedPng(report, {size: 4000}))!).metadata()).toMatchObject({width: 343, height: 480});
		for (const size of [0, -5, 1.5, Number.NaN]) {
			await expect(renderAnnotatedPng(report, {size})).rejects.toThrow(
				/renderAnnotatedPng\(\): options\.size must be a whole number of pixels above 0; got number/,
			);
		}
	});

	test('nothing to draw on without a thumbnail', async () => {
		expect(await renderAnnotatedPng(syntheticReport({source: 'x.jpg', variant: 'undecodable'}))).toBeUndefined();
	});
});

describe('the command line: --html and --annotate', () => {
	const cli = path.join(repoRoot, 'dist/cli/main.js');

	test('writes one HTML report in input order, and one PNG per photo, named after it', async () => {
		if (!existsSync(cli)) throw new Error(`The CLI is not built (${cli}): run npm run build, or npm test, which builds first.`);
		const folder = await mkdtemp(path.join(tmpdir(), 'photo-requirements-html-'));
		const files = ['b.jpg', 'a.jpg', 'sub/a.jpg', 'notes.txt'].map((name) => path.join(folder, 'in', name));
		await (await import('node:fs/promises')).mkdir(path.join(folder, 'in/sub'), {recursive: true});
		const photo = await jpeg(715, 1001);
		await Promise.all(files.slice(0, 3).map((file) => writeFile(file, photo)));
		await writeFile(files[3]!, 'not a photo');
		const out = path.join(folder, 'report.html');
		const result = await promisify(execFile)(process.execPath, [
			cli,
			'--json',
			'--checks',
			NO_FACE_CHECKS.join(','),
			'--html',
			out,
			'--annotate',
			path.join(folder, 'png'),
			...files,
		]).catch((error: {stdout: string; stderr: string}) => error);
		const page = await readFile(out, 'utf8');
		expect([...page.matchAll(/<tr data-i="\d+"[^>]*data-file="([^"]+)"/g)].map((match) => match[1])).toEqual(files.map((file) => file.toLowerCase()));
		expect(page.match(/data-href="data:image\/jpeg/g)).toHaveLength(3);
		expect((await readdir(path.join(folder, 'png'))).sort()).toEqual(['a-2.png', 'a.png', 'b.png']);
		expect(result.stderr).toMatch(/no annotated picture for .*\/in\/notes\.txt/);
		// The pictures went to their files, not into the JSON.
		expect(result.stdout).not.toContain('data:image');
		expect(JSON.parse(result.stdout)).toHaveLength(4);
		// Pictures large enough to judge in the HTML (1000 px, here the photo's own 715 × 1001), small PNGs.
		expect(page).toContain('data-width="714"');
		expect(await sharp(path.join(folder, 'png/b.png')).metadata()).toMatchObject({width: 343, height: 480});
	});

	test('--picture-size sets the pictures, within 64–4096, and only with --html or --annotate', async () => {
		const folder = await mkdtemp(path.join(tmpdir(), 'photo-requirements-html-'));
		const photo = path.join(folder, 'p.jpg');
		await writeFile(photo, await jpeg(715, 1001));
		const run = (...args: string[]) => runCli([...args, '--checks', NO_FACE_CHECKS.join(','), photo]);
		const sized = await run('--html', path.join(folder, 'r.html'), '--annotate', path.join(folder, 'png'), '--picture-size', '300');
		expect(sized.code).toBe(0);
		expect(await readFile(path.join(folder, 'r.html'), 'utf8')).toContain('data-width="214"');
		expect(await sharp(path.join(folder, 'png/p.png')).metadata()).toMatchObject({width: 214, height: 300});
		const tiny = await run('--html', path.join(folder, 'r.html'), '--picture-size', '10');
		expect([tiny.code, tiny.stderr]).toEqual([2, expect.stringContaining('--picture-size must be a whole number of pixels from 64 to 4096; got "10"')]);
		const alone = await run('--picture-size', '300');
		expect([alone.code, alone.stderr]).toEqual([2, expect.stringContaining('--picture-size sizes the pictures of --html and --annotate')]);
	});
});

describe('issue 29: each heading, reason and limit comes from the outcome that was reached', () => {
	/** The part of a card under one status heading. */
	const partOf = (card: string, status: string): string => {
		const start = card.indexOf(`data-part="${status}"`);
		return start < 0 ? '' : card.slice(start, card.indexOf('</section>', start));
	};

	test('a bright face that warns (d_img14_crop.jpg, L* 81) is neither filed nor counted as too dark', async () => {
		const run = await runOn(exposure, {faceRegion: region({medianL: 80.7, brightShare: 0}), reduced: reduced()});
		expect(run.result).toMatchObject({status: 'warn', reason: 'OTHER_REQUIREMENT'});
		const page = renderHtml([reportOf([run])]);
		expect(page).toMatch(/<tr data-reason="TOO_DARK">.*?data-review="0"/);
		expect(page).toMatch(/<tr data-reason="OTHER_REQUIREMENT">.*?data-review="1"/);
		const warned = partOf(cardOf(page, 0), 'warn');
		expect(warned).toContain('Bright but detailed');
		expect(warned).not.toContain(escapeHtml(RETURN_REASONS.TOO_DARK));
		expect(warned).toContain(`the portal's reason: ${escapeHtml(RETURN_REASONS.OTHER_REQUIREMENT)} <code>OTHER_REQUIREMENT</code>`);
		// Fails above 83 (or above 80 when 1 % is clipped): not "between 15 and 80".
		expect(warned).toContain('<th>face lightness (L*, median)</th><td class="value">80.7</td><td class="limit">at most 83 (80 is safe)</td>');
		expect(warned).toContain('<th>face clipped to white</th><td class="value">0 %</td><td class="limit">at most 1 %</td>');
	});

	test("a dark face beside nothing bright (d_img32_dark.jpg, L* 24, 'below 35') shows the limit it failed, not 15–80", async () => {
		const run = await runOn(exposure, {faceRegion: region({medianL: 23.9}), reduced: reduced(30, 89)});
		expect(run.result.message).toContain('(below 35)');
		const failed = partOf(cardOf(renderHtml([reportOf([run])]), 0), 'fail');
		expect(failed).toContain(`${escapeHtml(RETURN_REASONS.TOO_DARK)} <code>TOO_DARK</code>`);
		expect(failed).toContain('<th>face lightness (L*, median)</th><td class="value">23.9</td><td class="limit">needs at least 35</td>');
		expect(failed).toContain('<th>brightest 1 % of the photo (of 255)</th><td class="value">89</td><td class="limit">needs at least 150</td>');
	});

	test("a warning is headed by its requirement, never by the portal's complaint: a white background (L* 96.8) with a faint shadow", async () => {
		const run = await runOn(backgroundWhite, {background: background({colour: {L: 96.8, a: 0.9, b: -2.1}, chroma: 2.3, shadow: 12})});
		expect(run.result.status).toBe('warn');
		const warned = partOf(cardOf(renderHtml([reportOf([run])]), 0), 'warn');
		expect(warned).not.toMatch(/<h4>/);
		expect(warned).not.toContain(`</span> ${escapeHtml(RETURN_REASONS.BACKGROUND_NOT_WHITE)}`);
		expect(warned).toContain('<p class="req">The photo must be taken in front of a plain white background');
		expect(warned).toContain('<td class="value">96.8</td><td class="limit">needs at least 91 (94 is safe)</td>');
		expect(warned).toContain(`If a person finds it not met, the portal's reason: ${escapeHtml(RETURN_REASONS.BACKGROUND_NOT_WHITE)}`);
	});
});
