/**
 * A photo whose shorter side is 2000 px or more is analysed at ½ (¼ from 4000 px): every figure
 * measured on that image and reported against the photo must be converted once, or it comes out
 * halved (issue 29: the eye line of a 2000 × 2800 photo at 22.6 % where it is at 45.2 %). The same
 * portrait, at the smallest and largest sizes a profile allows and one between, must give the same
 * shares of the photo, in Node and in the browser build.
 */
import sharp from 'sharp';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {demoPhotoPath} from '../fixtures/demo-portrait.js';
import {type PhotoReport, validatePhoto} from '../src/index.js';
import {type LibrarySite, serveLibrary, validateInPage} from './support/browser-build.js';
import {hasChromium, noChromiumMessage} from './support/chromium.js';

/** 1 % of the height (or, for a horizontal figure, of the width). */
const TOLERANCE = 0.01;

/** The PR card's smallest photo (715 × 1001, 5:7), one analysed at full size, and its largest (analysed at ½). */
const PR_CARD_SIZES = [
	[715, 1001],
	[1430, 2002],
	[2000, 2800],
] as const;
/** The visa has a minimum (420 × 540, 7:9) and no maximum: 4200 × 5400 is analysed at ¼. */
const VISA_SIZES = [
	[420, 540],
	[4200, 5400],
] as const;

/** The committed portrait at `width` × `height`, framed the same at every size. */
async function portrait(width: number, height: number): Promise<Buffer> {
	return sharp(demoPhotoPath()).resize(width, height, {fit: 'cover', kernel: 'lanczos3'}).jpeg({quality: 90}).toBuffer();
}

/** Every position and size the report gives, as a share of the photo's height (vertical) or width (horizontal). */
function shares(report: PhotoReport): Record<string, number> {
	const {image, face} = report;
	if (!image || !face) throw new Error(`no face or image in the report: ${report.checks.map((check) => `${check.id} ${check.status}`).join(', ')}`);
	const figure = (id: string, key: string): number => {
		const value = report.checks.find((check) => check.id === id)?.measured?.[key];
		if (typeof value !== 'number') throw new Error(`${id} measured no ${key}`);
		return value;
	};
	const W = image.width;
	const H = image.height;
	return {
		'face-centred eyeLine': figure('face-centred', 'eyeLine'),
		'face-centred centreX': figure('face-centred', 'centreX'),
		'head-size headHeightRatio': figure('head-size', 'headHeightRatio'),
		'sharpness faceWidth / width': figure('sharpness', 'faceWidth') / W,
		'face.headHeightRatio': face.headHeightRatio,
		'face.centreX': face.centreX,
		'face eyes y / height': (face.leftEye[1] + face.rightEye[1]) / 2 / H,
		'face eyes x / width': (face.leftEye[0] + face.rightEye[0]) / 2 / W,
		'face.crown y / height': face.crown[1] / H,
		'face.chin y / height': face.chin[1] / H,
		'face.box x / width': face.box.x / W,
		'face.box y / height': face.box.y / H,
		'face.box width / width': face.box.width / W,
		'face.box height / height': face.box.height / H,
	};
}

/** Each figure of each report within TOLERANCE of the first report's. */
function expectSameShares(reports: ReadonlyArray<{label: string; report: PhotoReport}>): void {
	const [first, ...rest] = reports.map(({label, report}) => ({label, figures: shares(report)}));
	for (const other of rest) {
		for (const [key, value] of Object.entries(first!.figures)) {
			const difference = Math.abs(other.figures[key]! - value);
			expect(difference, `${key}: ${other.figures[key]} at ${other.label}, ${value} at ${first!.label}`).toBeLessThanOrEqual(TOLERANCE);
		}
	}
}

describe('figures measured on the analysis image, reported against the photo', () => {
	test('the PR card: the same portrait at 715 × 1001, 1430 × 2002 and 2000 × 2800 gives the same eye line, head height, centring and face', async () => {
		const reports = [];
		for (const [width, height] of PR_CARD_SIZES) {
			reports.push({label: `${width} × ${height}`, report: await validatePhoto(await portrait(width, height))});
		}
		expectSameShares(reports);
		// The eyes of this portrait are a third of the way down: never the half of it the issue saw.
		for (const {report} of reports) expect(shares(report)['face-centred eyeLine']).toBeCloseTo(0.344, 1);
	});

	test('the visa: the same portrait at 420 × 540 (its minimum) and 4200 × 5400 (analysed at ¼) gives the same figures', async () => {
		const reports = [];
		for (const [width, height] of VISA_SIZES) {
			reports.push({label: `${width} × ${height}`, report: await validatePhoto(await portrait(width, height), {profile: 'ca-visa'})});
		}
		expectSameShares(reports);
	});
});

describe.skipIf(!hasChromium)(`the browser build at the PR card's sizes${hasChromium ? '' : ` (skipped: ${noChromiumMessage})`}`, () => {
	let site: LibrarySite;
	const photos = new Map<string, Buffer>();

	beforeAll(async () => {
		const served: Record<string, {type: string; body: Uint8Array}> = {};
		for (const [width, height] of PR_CARD_SIZES) {
			const bytes = await portrait(width, height);
			photos.set(`${width} × ${height}`, bytes);
			served[`/photos/${width}x${height}.jpg`] = {type: 'image/jpeg', body: bytes};
		}
		site = await serveLibrary(served);
	}, 60_000);
	afterAll(async () => {
		await site?.close();
	});

	test('the eye line, head height, centring and face agree across the sizes in Chromium, and with Node', async () => {
		const {page, errors} = await site.open();
		const reports = [];
		for (const [width, height] of PR_CARD_SIZES) {
			reports.push({label: `${width} × ${height} in Chromium`, report: await validateInPage(page, `/photos/${width}x${height}.jpg`, 'photo.jpg')});
		}
		const [smallest] = photos.values();
		const inNode = {label: '715 × 1001 in Node', report: await validatePhoto(smallest!)};
		expectSameShares([inNode, ...reports]);
		expect(errors).toEqual([]);
		await page.close();
	}, 180_000);
});
