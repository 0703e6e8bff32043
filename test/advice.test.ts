import sharp from 'sharp';
import {describe, expect, test} from 'vitest';
import {demoPhotoPath} from '../fixtures/demo-portrait.js';
import {backgroundWhite} from '../src/checks/background-white/index.js';
import type {Fix} from '../src/checks/define.js';
import {headSize} from '../src/checks/head-size/index.js';
import {type PhotoReport, photoReportSchema, validatePhoto} from '../src/index.js';
import {caPrCard} from '../src/profiles/index.js';
import {adviceOf} from '../src/report/advice.js';
import type {CheckResult, FaceSummary} from '../src/report/schema.js';
import {suggestCrop} from '../src/report/suggested-crop.js';
import {formatReport} from '../src/report/text.js';
import {background, face} from './support/facts.js';
import {reportOf, runOn} from './support/reports.js';

const FRAMING = ['dimensions', 'aspect-ratio', 'head-size', 'face-centred', 'face-count'] as const;
const white = {r: 255, g: 255, b: 255};

function result(id: string, status: CheckResult['status']): CheckResult {
	return {id, status, reason: 'OTHER_REQUIREMENT', requirement: 'r', message: 'm'};
}

/** The demo portrait (715 × 1001, head ~48 %) changed by `edit`, as a JPEG. */
async function variant(edit: (image: sharp.Sharp) => sharp.Sharp): Promise<Buffer> {
	const base = await sharp(demoPhotoPath()).resize(715, 1001).jpeg({quality: 95}).toBuffer();
	return edit(sharp(base)).jpeg({quality: 92}).toBuffer();
}

async function framing(bytes: Buffer): Promise<PhotoReport> {
	return validatePhoto(bytes, {checks: [...FRAMING]});
}

/** The photo cut (and scaled) as the report suggests, checked again. */
async function afterCrop(bytes: Buffer, report: PhotoReport): Promise<PhotoReport> {
	const crop = report.suggestedCrop!;
	const cut = sharp(bytes).extract({left: crop.x, top: crop.y, width: crop.width, height: crop.height});
	return framing(await (crop.resizeTo ? cut.resize(crop.resizeTo.width, crop.resizeTo.height) : cut).jpeg({quality: 92}).toBuffer());
}

const statuses = (report: PhotoReport) => Object.fromEntries(report.checks.map((check) => [check.id, check.status]));

describe('report.advice', () => {
	const fixes = new Map<string, Fix>([
		['neutral-expression', {action: 'retake', how: 'with a neutral expression'}],
		['eyes-open', {action: 'retake', how: 'with both eyes open'}],
		['dimensions', {action: 're-export', how: 'from the original, larger file'}],
		['unaltered', {action: 're-export', how: 'without edits'}],
		['head-size', {action: 'crop', how: 'so that the head is about 48 % of the height'}],
		['aspect-ratio', {action: 'crop', how: 'framed at 5:7'}],
	]);

	test('one entry per action, retake before export before crop, each naming its checks', () => {
		const checks = ['aspect-ratio', 'unaltered', 'neutral-expression', 'head-size', 'eyes-open'].map((id) => result(id, 'fail'));
		expect(adviceOf(checks, fixes)).toEqual([
			{
				action: 'retake',
				text: 'Retake the photo with a neutral expression; with both eyes open; framed at 5:7; so that the head is about 48 % of the height.',
				checks: ['neutral-expression', 'eyes-open', 'aspect-ratio', 'head-size'],
			},
			{action: 're-export', text: 'Export the new photo without edits.', checks: ['unaltered']},
		]);
	});

	test('a crop is advised only when no retake is needed, and only for what it fixes', () => {
		const crop = {x: 10, y: 20, width: 715, height: 1001, fixes: ['aspect-ratio', 'head-size']};
		const framed = [result('aspect-ratio', 'fail'), result('head-size', 'fail'), result('unaltered', 'fail')];
		expect(adviceOf(framed, fixes, crop)).toEqual([
			{action: 're-export', text: 'Export the photo again without edits.', checks: ['unaltered']},
			{
				action: 'crop',
				text: "Crop the photo to the suggested 715 × 1001 pixels from (10, 20): that fixes its proportions and the head's size.",
				checks: ['aspect-ratio', 'head-size'],
			},
		]);
		expect(adviceOf([...framed, result('eyes-open', 'fail')], fixes, crop).map((entry) => entry.action)).toEqual(['retake', 're-export']);
	});

	test('a crop advised for a failure answers the warned framing it fixes too, in its own order', () => {
		const crop = {x: 10, y: 20, width: 715, height: 1001, fixes: ['aspect-ratio', 'head-size']};
		expect(adviceOf([result('aspect-ratio', 'warn'), result('head-size', 'fail')], fixes, crop)).toEqual([
			{
				action: 'crop',
				text: "Crop the photo to the suggested 715 × 1001 pixels from (10, 20): that fixes its proportions and the head's size.",
				checks: ['aspect-ratio', 'head-size'],
			},
		]);
	});

	test('warnings only: one "check" entry, each fix said as what to do if a person finds it not met', () => {
		const crop = {x: 10, y: 20, width: 715, height: 1001, fixes: ['aspect-ratio', 'head-size']};
		const framed = ['aspect-ratio', 'head-size', 'unaltered'].map((id) => result(id, 'warn'));
		expect(adviceOf(framed, fixes, crop)).toEqual([
			{
				action: 'check',
				text: 'Check aspect-ratio, head-size and unaltered (to look at): if a person finds one not met, for unaltered, export the photo again without edits; for aspect-ratio and head-size, crop the photo to the suggested 715 × 1001 pixels from (10, 20).',
				checks: ['aspect-ratio', 'head-size', 'unaltered'],
			},
		]);
		expect(adviceOf([result('neutral-expression', 'warn')], fixes)).toEqual([
			{
				action: 'check',
				text: 'Check neutral-expression (to look at): if a person finds it not met, retake the photo with a neutral expression.',
				checks: ['neutral-expression'],
			},
		]);
	});

	test("issue 29: a warning is never an order, nor before a fix: the head size's retake first, the warned background to check after", () => {
		// d_img32_crop.jpg: only head-size fails (too large to crop); the background (L* 96.8) warns of a faint shadow.
		const withBackground = new Map<string, Fix>([
			...fixes,
			['background-white', {action: 'retake', how: 'in front of a plain white background'}],
			['lighting-uniform', {action: 'retake', how: 'with the face lit evenly'}],
		]);
		const checks = [
			result('background-white', 'warn'),
			result('lighting-uniform', 'warn'),
			result('neutral-expression', 'warn'),
			result('head-size', 'fail'),
			result('unaltered', 'warn'),
		];
		const advice = adviceOf(checks, withBackground);
		expect(advice).toEqual([
			{action: 'retake', text: 'Retake the photo so that the head is about 48 % of the height.', checks: ['head-size']},
			{
				action: 'check',
				text: 'Check background-white, lighting-uniform, neutral-expression and unaltered (to look at): if a person finds one not met, for background-white, lighting-uniform and neutral-expression, take the new photo in front of a plain white background; with the face lit evenly; with a neutral expression; for unaltered, export the new photo without edits.',
				checks: ['background-white', 'lighting-uniform', 'neutral-expression', 'unaltered'],
			},
		]);
		// Every fix before every check; each check answered once.
		expect(advice.map((entry) => entry.action)).toEqual(['retake', 'check']);
		const answered = advice.flatMap((entry) => entry.checks);
		expect(new Set(answered).size).toBe(answered.length);
	});

	test('passed and skipped checks get no advice; nothing failed, none at all', () => {
		expect(adviceOf([result('eyes-open', 'pass'), result('head-size', 'skip')], fixes)).toEqual([]);
	});

	test('a 600 × 800 photo is told to use a larger original framed at 5:7, never to crop it smaller', async () => {
		const bytes = await variant((image) => image.resize(600, 800, {fit: 'cover'}));
		const report = await validatePhoto(bytes, {checks: [...FRAMING, 'unaltered']});
		expect(statuses(report)).toMatchObject({dimensions: 'fail', 'aspect-ratio': 'warn'});
		expect(report.suggestedCrop).toBeUndefined();
		const [first, ...rest] = report.advice;
		expect(first).toMatchObject({action: 're-export', checks: expect.arrayContaining(['dimensions'])});
		expect(first!.text).toMatch(/^Export the photo again from the original, larger file: at least 715 × 1000 pixels/);
		// The proportions only warn: a check after the fix, its framing going into the export, not a crop.
		expect(rest).toEqual([
			{
				action: 'check',
				text: expect.stringMatching(
					/^Check aspect-ratio.*: if a person finds one not met, export the photo again .*framed at 5:7 \(this one is too wide for it\)/,
				),
				checks: expect.arrayContaining(['aspect-ratio', 'unaltered']),
			},
		]);
		expect(report.advice.map((entry) => entry.text).join(' ')).not.toMatch(/crop|571 × 800/i);
		expect(photoReportSchema.parse(report)).toEqual(report);
	});

	test('the sample photo: the retake first, everything it asks in one sentence, then the warned export to check', async () => {
		const report = await validatePhoto(demoPhotoPath().replace('fixtures/demo-portrait.jpg', 'samples/portrait.jpg'));
		expect(report.advice.map((entry) => entry.action)).toEqual(['retake', 'check']);
		expect(report.advice[0]!.checks).toEqual(expect.arrayContaining(['background-white', 'neutral-expression', 'head-pose']));
		expect(report.advice[1]!.text).toMatch(/^Check unaltered \(to look at\): if a person finds it not met, export the new photo /);
		// Each failed or warned check with a fix is answered exactly once.
		const answered = report.advice.flatMap((entry) => entry.checks);
		expect(new Set(answered).size).toBe(answered.length);
	});
});

describe('report.suggestedCrop', () => {
	test('a head too small: the crop enlarges it into the band and every framing check passes after it', async () => {
		const bytes = await variant((image) => image.extend({top: 500, bottom: 500, left: 357, right: 358, background: white}));
		const report = await framing(bytes);
		expect(statuses(report)).toMatchObject({'head-size': 'fail'});
		expect(report.suggestedCrop).toMatchObject({fixes: expect.arrayContaining(['head-size'])});
		expect(report.suggestedCrop!.height).toBeGreaterThanOrEqual(1000);
		expect(report.advice).toEqual([expect.objectContaining({action: 'crop', checks: report.suggestedCrop!.fixes})]);
		expect(statuses(await afterCrop(bytes, report))).toEqual({
			dimensions: 'pass',
			'aspect-ratio': 'pass',
			'head-size': 'pass',
			'face-centred': 'pass',
			'face-count': 'pass',
		});
	});

	test('off-centre and not 5:7: one crop fixes both', async () => {
		const bytes = await variant((image) =>
			image.extend({top: 100, bottom: 100, left: 300, right: 0, background: white}).resize(1000, 1400, {fit: 'cover', position: 'left'}),
		);
		const report = await framing(bytes);
		expect(statuses(report)).toMatchObject({'face-centred': 'fail', 'aspect-ratio': 'warn'});
		expect(report.suggestedCrop!.fixes).toEqual(expect.arrayContaining(['face-centred', 'aspect-ratio']));
		expect(report.suggestedCrop!.width / report.suggestedCrop!.height).toBeCloseTo(5 / 7, 2);
		expect(Object.values(statuses(await afterCrop(bytes, report)))).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
	});

	test('too large: the crop, then scaled within 2000 × 2800', async () => {
		const bytes = await variant((image) => image.extend({top: 300, bottom: 300, left: 214, right: 214, background: white}).resize(3000, 4200));
		const report = await framing(bytes);
		expect(statuses(report)).toMatchObject({dimensions: 'fail'});
		const crop = report.suggestedCrop!;
		expect(crop.fixes).toContain('dimensions');
		expect(crop.resizeTo!.width).toBeLessThanOrEqual(2000);
		expect(crop.resizeTo!.height).toBeLessThanOrEqual(2800);
		expect(report.advice.at(-1)!.text).toMatch(/then scale it to \d+ × \d+/);
		expect(Object.values(statuses(await afterCrop(bytes, report)))).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
	});

	test('none when the head is too small to enlarge within 715 × 1000, and the advice is a retake', async () => {
		// sharp resizes before it extends: the padded photo is made first, then scaled down.
		const padded = await variant((image) => image.extend({top: 1001, bottom: 1001, left: 715, right: 715, background: white}));
		const bytes = await sharp(padded).resize(715, 1001).jpeg({quality: 92}).toBuffer();
		const report = await framing(bytes);
		expect(statuses(report)).toMatchObject({'head-size': 'fail'});
		expect(report.suggestedCrop).toBeUndefined();
		expect(report.advice).toEqual([expect.objectContaining({action: 'retake', checks: expect.arrayContaining(['head-size'])})]);
	});

	const face: FaceSummary = {
		box: {x: 300, y: 300, width: 400, height: 400},
		leftEye: [600, 450],
		rightEye: [400, 450],
		chin: [500, 800],
		crown: [500, 250],
		headHeightRatio: 0.4,
		centreX: 0.5,
		rollDeg: 0,
		yawDeg: 0,
		pitchDeg: 0,
	};
	const image = {width: 1000, height: 1400};

	test('none when the frame cuts the head or nothing needs a crop', () => {
		const failing = [result('head-size', 'fail')];
		expect(suggestCrop(image, face, caPrCard, failing)).toMatchObject({fixes: ['head-size']});
		expect(suggestCrop(image, {...face, crown: [500, -20]}, caPrCard, failing)).toBeUndefined();
		expect(suggestCrop(image, {...face, box: {...face.box, x: 700}}, caPrCard, failing)).toBeUndefined();
		expect(suggestCrop(image, face, caPrCard, [result('head-size', 'pass'), result('neutral-expression', 'fail')])).toBeUndefined();
	});

	test('the crop is 5:7, inside the photo, the head mid-band, the face centred, the eyes in their band', () => {
		const crop = suggestCrop(image, face, caPrCard, [result('head-size', 'fail')])!;
		expect(crop.x).toBeGreaterThanOrEqual(0);
		expect(crop.y).toBeGreaterThanOrEqual(0);
		expect(crop.x + crop.width).toBeLessThanOrEqual(image.width);
		expect(crop.y + crop.height).toBeLessThanOrEqual(image.height);
		expect(Math.abs(crop.width / crop.height / (5 / 7) - 1)).toBeLessThan(0.002);
		expect(550 / crop.height).toBeCloseTo((31 / 70 + 36 / 70) / 2, 2);
		expect(Math.abs((500 - crop.x) / crop.width - 0.5)).toBeLessThan(0.01);
		const eyeLine = (450 - crop.y) / crop.height;
		expect(eyeLine).toBeGreaterThan(0.3);
		expect(eyeLine).toBeLessThan(0.5);
	});
});

describe('issue 29: fixes first, warnings to check after', () => {
	test('d_img32_crop.jpg: only the head size fails; step 1 retakes for it, the white background (L* 96.8) with a faint shadow is only to check', async () => {
		const runs = await Promise.all([
			runOn(backgroundWhite, {background: background({colour: {L: 96.8, a: 0.9, b: -2.1}, chroma: 2.3, shadow: 12})}),
			runOn(headSize, {face: face({headHeightRatio: 0.784})}),
		]);
		const report = reportOf(runs);
		expect(report.reasons).toEqual(['OTHER_REQUIREMENT']);
		expect(report.advice.map((entry) => entry.action)).toEqual(['retake', 'check']);
		const text = formatReport(report);
		expect(text).toContain('1. Retake the photo so that the head is about 47.9 % of the height (44.3 %–51.4 %; it is 78.4 %).');
		expect(text).toContain(
			'2. Check background-white (to look at): if a person finds it not met, take the new photo in front of a plain white background, evenly lit, standing a little away from it so no shadow falls on it.',
		);
		expect(text.indexOf('Retake the photo in front of a plain white background')).toBe(-1);
	});
});
