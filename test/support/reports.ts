/**
 * Annotated reports made by hand, for the HTML report's tests and benchmark: the schema is the
 * contract, so these need no face engine and no background-mask code to exist yet.
 */
import sharp from 'sharp';
import type {FactValues, PhotoFacts} from '../../src/analysis/facts.js';
import {type AnyCheck, type Fix, fixOf} from '../../src/checks/define.js';
import {CHECK_IDS, type CheckId, checks as catalogue} from '../../src/checks/registry.js';
import {provenanceOf} from '../../src/pipeline/provenance.js';
import {type CheckRun, limitsOf, runCheck} from '../../src/pipeline/run-check.js';
import {caPrCard} from '../../src/profiles/index.js';
import {buildReport} from '../../src/report/build.js';
import type {CheckResult, PhotoReport, Status} from '../../src/report/schema.js';

/** What a report made by hand says of its rules. */
export const PROVENANCE = provenanceOf(caPrCard, undefined);

/** The synthetic photo: 1000 × 1400 (5:7), its thumbnail 343 × 480. */
export const IMAGE = {width: 1000, height: 1400} as const;
export const THUMBNAIL = {width: 343, height: 480} as const;
/** Where the drawn head is, in image pixels. */
export const FACE = {
	box: {x: 300, y: 380, width: 400, height: 500},
	leftEye: [410, 560] as [number, number],
	rightEye: [590, 548] as [number, number],
	chin: [500, 870] as [number, number],
	crown: [500, 240] as [number, number],
};

/** A head and shoulders on a light background, drawn in image pixels and scaled to the thumbnail. */
function scene(background: string, skin: string): string {
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${THUMBNAIL.width}" height="${THUMBNAIL.height}" viewBox="0 0 ${IMAGE.width} ${IMAGE.height}">
<rect width="${IMAGE.width}" height="${IMAGE.height}" fill="${background}"/>
<path d="M120 1400 C140 1080 320 1000 500 1000 C680 1000 860 1080 880 1400 Z" fill="#dfe6ee"/>
<ellipse cx="500" cy="555" rx="215" ry="315" fill="${skin}"/>
<path d="M285 520 C290 300 400 240 500 240 C600 240 710 300 715 520 C690 380 600 330 500 330 C400 330 310 380 285 520 Z" fill="#4a3426"/>
<ellipse cx="410" cy="560" rx="30" ry="14" fill="#fff"/><circle cx="410" cy="560" r="11" fill="#3b2a1a"/>
<ellipse cx="590" cy="548" rx="30" ry="14" fill="#fff"/><circle cx="590" cy="548" r="11" fill="#3b2a1a"/>
<path d="M450 760 Q500 775 550 760" stroke="#9b4d4d" stroke-width="10" fill="none"/>
</svg>`;
}

/** A thumbnail JPEG data URL; `noise` makes its size like a real photo's (about 40 kB). */
export async function thumbnailUrl(background = '#f4f4f2', skin = '#e0b899', noise = false): Promise<string> {
	let image = sharp(Buffer.from(scene(background, skin)));
	if (noise) {
		const grain = await sharp({
			create: {width: THUMBNAIL.width, height: THUMBNAIL.height, channels: 3, background: '#808080', noise: {type: 'gaussian', mean: 128, sigma: 18}},
		})
			.png()
			.toBuffer();
		image = sharp(
			await image
				.composite([{input: grain, blend: 'overlay'}])
				.png()
				.toBuffer(),
		);
	}
	const jpeg = await image.jpeg({quality: 82}).toBuffer();
	return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}

/** The background mask of the scene: 255 outside the head and shoulders. */
export async function maskUrl(): Promise<string> {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${THUMBNAIL.width}" height="${THUMBNAIL.height}" viewBox="0 0 ${IMAGE.width} ${IMAGE.height}">
<rect width="${IMAGE.width}" height="${IMAGE.height}" fill="#fff"/>
<path d="M120 1400 C140 1080 320 1000 500 1000 C680 1000 860 1080 880 1400 Z" fill="#000"/>
<ellipse cx="500" cy="555" rx="215" ry="315" fill="#000"/>
<path d="M285 520 C290 300 400 240 500 240 C600 240 710 300 715 520 Z" fill="#000"/>
</svg>`;
	const png = await sharp(Buffer.from(svg)).greyscale().png().toBuffer();
	return `data:image/png;base64,${png.toString('base64')}`;
}

/** The fixes the real checks give these outcomes (theirs depend on the figures). */
const SYNTHETIC_FIXES: Partial<Record<CheckId, Fix>> = {
	dimensions: {action: 're-export', how: 'from the original, larger file: at least 715 × 1000 pixels'},
	'file-size': {action: 're-export', how: 'at a lower JPEG quality, to at most 4,000,000 bytes'},
	'head-size': {action: 'crop', how: 'so that the head is about 47.9 % of the height'},
};

export type Variant = 'accept' | 'background' | 'glare' | 'head-size' | 'too-small' | 'dark' | 'undecodable';
export const VARIANTS: readonly Variant[] = ['accept', 'background', 'glare', 'head-size', 'too-small', 'dark', 'undecodable'];

function check(id: CheckId, status: Status, message: string, extra: Pick<CheckResult, 'measured' | 'limits'> = {}): CheckResult {
	return {id, status, reason: catalogue[id].reason, requirement: `The requirement of ${id}.`, message, ...extra};
}

export interface SyntheticOptions {
	source: string;
	variant: Variant;
	thumbnail?: string;
	mask?: string;
}

/** A report of one variant: each breaks one requirement (or none), with the evidence to draw. */
export function syntheticReport({source, variant, thumbnail, mask}: SyntheticOptions): PhotoReport {
	if (variant === 'undecodable') {
		const checks = CHECK_IDS.map((id) =>
			id === 'file-format'
				? check(id, 'fail', 'The file is not a JPEG or PNG image: it could not be decoded.')
				: check(id, 'skip', 'Not checked: the photo could not be decoded.'),
		);
		return buildReport({checks, profile: 'ca-pr-card', provenance: PROVENANCE, source, annotations: {}});
	}
	type Outcome = [Status, string, Pick<CheckResult, 'measured' | 'limits'>?];
	const outcomes: Record<Exclude<Variant, 'undecodable'>, Partial<Record<CheckId, Outcome>>> = {
		accept: {},
		background: {
			'background-white': [
				'fail',
				'The background is light grey (L* 81.7, needs at least 91).',
				{measured: {lightness: 81.7, chroma: 1.2}, limits: {minLightness: 91, warnLightness: 94, maxChroma: 5, warnChroma: 3}},
			],
		},
		glare: {glare: ['fail', 'A glare spot covers 1.2 % of the face.', {measured: {glareShare: 0.012}, limits: {maxShare: 0.004}}]},
		'head-size': {
			'head-size': [
				'warn',
				'The head is 44.6 % of the height, within 1 % of the limits.',
				{measured: {headHeightRatio: 0.446}, limits: {minRatio: 0.443, maxRatio: 0.514, margin: 0.01}},
			],
		},
		'too-small': {
			dimensions: ['fail', 'The photo is 600 × 840 pixels: too small.', {measured: {width: 600, height: 840}, limits: {minWidth: 715, minHeight: 1000}}],
			'file-size': ['fail', 'The file is 4.3 MB, above 4 MB.', {measured: {bytes: 4_500_000}, limits: {maxBytes: 4_194_304}}],
		},
		dark: {
			exposure: ['fail', 'The face is too dark: 31 % of its pixels at luminance 25 or below.', {measured: {darkShare: 0.31}, limits: {maxDarkShare: 0.05}}],
		},
	};
	const failing = outcomes[variant];
	const checks = CHECK_IDS.map((id) => {
		// A real head-size result always carries its band: the overlay draws it from there.
		const limits: Record<string, number> = id === 'head-size' ? {minRatio: 31 / 70, maxRatio: 36 / 70, margin: 0.02} : {max: 2};
		const [status, message, extra] = failing[id] ?? ['pass', `${id} is fine.`, {measured: {value: 1}, limits}];
		return check(id, status, message, extra);
	});
	// What the real checks would advise for these outcomes.
	const fixes = new Map<string, Fix>(
		checks.flatMap((result) => {
			if (result.status !== 'fail' && result.status !== 'warn') return [];
			const check = catalogue[result.id as CheckId] as AnyCheck;
			const fix = SYNTHETIC_FIXES[result.id as CheckId] ?? fixOf(check, limitsOf(check, caPrCard));
			return fix ? [[result.id, fix] as const] : [];
		}),
	);
	return buildReport(
		{
			checks,
			image: {format: 'jpeg', ...IMAGE, bytes: variant === 'too-small' ? 4_500_000 : 812_345},
			face: {...FACE, headHeightRatio: (FACE.chin[1] - FACE.crown[1]) / IMAGE.height, centreX: 0.5, rollDeg: -3.8, yawDeg: 1, pitchDeg: 0},
			profile: 'ca-pr-card',
			provenance: PROVENANCE,
			source,
			annotations: {
				...(thumbnail ? {thumbnail: {...THUMBNAIL, dataUrl: thumbnail}} : {}),
				...(mask ? {backgroundMask: {...THUMBNAIL, dataUrl: mask}} : {}),
				...(variant === 'glare'
					? {
							glareSpots: [
								{x: 455, y: 470, radius: 30},
								{x: 560, y: 650, radius: 18},
							],
						}
					: {}),
			},
		},
		fixes,
	);
}

/** One report per variant, sharing one thumbnail and mask. */
export async function variantReports(names: (variant: Variant, index: number) => string = (variant) => `${variant}.jpg`): Promise<PhotoReport[]> {
	const [thumbnail, mask] = await Promise.all([thumbnailUrl(), maskUrl()]);
	return VARIANTS.map((variant, index) => syntheticReport({source: names(variant, index), variant, thumbnail, mask}));
}

/** A real check run by the pipeline on facts given by hand: its result (reason, limits, bounds as the pipeline words them) and its fix. */
export function runOn(check: AnyCheck, values: Partial<FactValues>): Promise<CheckRun> {
	const facts = {get: async (name: keyof FactValues) => values[name]} as unknown as PhotoFacts;
	return runCheck(check, facts, caPrCard);
}

/** A report of these results, every other check of the catalogue passing, with the fixes the runs gave. */
export function reportOf(runs: readonly CheckRun[], source = 'photo.jpg'): PhotoReport {
	const byId = new Map(runs.map((run) => [run.result.id, run]));
	const checks = CHECK_IDS.map((id) => byId.get(id)?.result ?? check(id, 'pass', `${id} is fine.`));
	const fixes = new Map(runs.flatMap((run) => (run.fix ? [[run.result.id, run.fix] as const] : [])));
	return buildReport({checks, profile: 'ca-pr-card', provenance: PROVENANCE, source}, fixes);
}
