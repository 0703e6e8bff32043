/**
 * Reproduces the calibration of the smile measure and the neutral-expression thresholds
 * (src/checks/neutral-expression/README.md):
 *   npx tsx scripts/expression-calibration.ts [--cache FILE]
 * Measures every shared photo (and, when `npm run eval` has generated them, every single-person
 * variant: all of them neutral) through validatePhoto, then:
 * 1. fits the smile measure's logistic model on the London photos (smiling against neutral) from
 *    the mouth corners' rise and depth: the coefficients of SMILE_MODEL in face-features.ts;
 * 2. scores rules "smile > s or mouth width > w" by 10 × repeated 5-fold cross-validation split by
 *    person: the model is refitted and the thresholds chosen on the training folds only (the most
 *    smiles caught with at most 2 % of the training folds' neutral photos failed);
 * 3. counts the variants each candidate threshold would fail.
 * `--cache FILE` keeps the measures, so that a second run only refits.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {hasPhotos, photosDir} from '../fixtures/shared-photos.js';
import {defaultVariantsDir} from '../fixtures/variants/index.js';
import {PhotoFacts} from '../src/analysis/facts.js';
import {nodePlatform} from '../src/platform/node/index.js';
import {caPrCard} from '../src/profiles/index.js';

const {values: args} = parseArgs({options: {cache: {type: 'string'}}});
if (!hasPhotos) {
	console.log(`the shared photos are absent (looked in ${photosDir}); nothing to calibrate`);
	process.exit(0);
}

/** The measures a smile rule may read: the check's own, and a few more from the mesh to compare. */
const MEASURES = ['happy', 'cornerRise', 'cornerDepth', 'mouthWidth', 'mouthOpen', 'teeth', 'cornerLift', 'widthFace', 'cheekRise', 'squint'] as const;
type Measures = Record<(typeof MEASURES)[number], number>;
interface Sample extends Measures {
	person: string;
	set: string;
	smiling: boolean;
	/** The variant's kind (darker, blurred, …), or undefined for a shared photo. */
	kind?: string;
}

async function measure(file: string): Promise<Measures | undefined> {
	const facts = new PhotoFacts({platform: nodePlatform, input: file, limits: caPrCard.decode});
	const [face, features] = await Promise.all([facts.peek('face'), facts.peek('faceFeatures')]);
	if (!face || !features) return undefined;
	const at = (index: number) => face.mesh[index]!;
	const eyeY = (face.leftEye[1] + face.rightEye[1]) / 2;
	const eyeChin = face.chin[1] - eyeY || 1;
	return {
		happy: face.expressions.happy ?? 0,
		cornerRise: features.cornerRise,
		cornerDepth: features.cornerDepth,
		mouthWidth: features.mouthWidth,
		mouthOpen: features.mouthOpen,
		teeth: features.teeth,
		cornerLift: features.cornerLift,
		widthFace: Math.hypot(at(291)[0] - at(61)[0], at(291)[1] - at(61)[1]) / Math.hypot(at(454)[0] - at(234)[0], at(454)[1] - at(234)[1]),
		cheekRise: -((at(50)[1] + at(280)[1]) / 2 - eyeY) / eyeChin,
		squint: -(features.eyeAspect.right + features.eyeAspect.left) / 2,
	};
}

async function collect(): Promise<Sample[]> {
	if (args.cache && existsSync(args.cache)) return JSON.parse(readFileSync(args.cache, 'utf8')) as Sample[];
	const out: Sample[] = [];
	const manifest = JSON.parse(readFileSync(path.join(photosDir, 'manifest.json'), 'utf8')) as Array<{file: string; set: string}>;
	for (const entry of manifest) {
		const values = await measure(path.join(photosDir, entry.file));
		const person = `${entry.set.startsWith('london') ? 'london' : entry.set}/${path.basename(entry.file).slice(0, 3)}`;
		if (values) out.push({person, set: entry.set, smiling: entry.set === 'london-smiling', ...values});
	}
	const variantsFile = path.join(defaultVariantsDir(), 'variants.json');
	if (existsSync(variantsFile)) {
		const variants = (JSON.parse(readFileSync(variantsFile, 'utf8')) as Array<{file: string; kind: string; set: string; source: string; faces: number}>).filter(
			(variant) => variant.faces === 1,
		);
		for (const variant of variants) {
			const values = await measure(variant.file);
			if (values) out.push({person: `variant/${variant.source}`, set: variant.set, smiling: false, kind: variant.kind, ...values});
		}
	}
	if (args.cache) writeFileSync(args.cache, JSON.stringify(out));
	return out;
}

const FEATURES: ReadonlyArray<keyof Measures> = (process.env.SMILE_FEATURES?.split(',') as Array<keyof Measures> | undefined) ?? ['cornerRise', 'cornerDepth'];
type Model = {bias: number; weights: number[]};

/** Logistic regression by Newton's method (a little L2 on the weights against separation). */
function fitLogistic(samples: Sample[]): Model {
	const x = samples.map((s) => [1, ...FEATURES.map((f) => s[f])]);
	const y = samples.map((s) => (s.smiling ? 1 : 0));
	const n = FEATURES.length + 1;
	let w = new Array(n).fill(0) as number[];
	for (let iteration = 0; iteration < 50; iteration++) {
		const gradient = new Array(n).fill(0) as number[];
		const hessian = Array.from({length: n}, () => new Array(n).fill(0) as number[]);
		x.forEach((row, r) => {
			const p = 1 / (1 + Math.exp(-row.reduce((sum, v, i) => sum + v * w[i]!, 0)));
			for (let i = 0; i < n; i++) {
				gradient[i]! += (p - y[r]!) * row[i]!;
				for (let j = 0; j < n; j++) hessian[i]![j]! += p * (1 - p) * row[i]! * row[j]!;
			}
		});
		for (let i = 1; i < n; i++) {
			gradient[i]! += 1e-3 * w[i]!;
			hessian[i]![i]! += 1e-3;
		}
		w = w.map((v, i) => v - solve(hessian, gradient)[i]!);
	}
	return {bias: w[0]!, weights: w.slice(1)};
}

function solve(a: number[][], b: number[]): number[] {
	const n = b.length;
	const m = a.map((row, i) => [...row, b[i]!]);
	for (let i = 0; i < n; i++) {
		let pivot = i;
		for (let r = i + 1; r < n; r++) if (Math.abs(m[r]![i]!) > Math.abs(m[pivot]![i]!)) pivot = r;
		[m[i], m[pivot]] = [m[pivot]!, m[i]!];
		for (let r = 0; r < n; r++) {
			if (r === i) continue;
			const f = m[r]![i]! / m[i]![i]!;
			for (let c = i; c <= n; c++) m[r]![c]! -= f * m[i]![c]!;
		}
	}
	return m.map((row, i) => row[n]! / row[i]!);
}

const smileOf = (model: Model, s: Measures) => 1 / (1 + Math.exp(-(model.bias + FEATURES.reduce((sum, f, i) => sum + model.weights[i]! * s[f], 0))));
/** The check's rule: P(happy) above `happy`, or the mesh's smile measure above `smile`, or a mouth wider than `width` × the eye distance. */
type Rule = {happy: number; smile: number; width: number};
const fails = (model: Model, s: Measures, rule: Rule) => s.happy > rule.happy || smileOf(model, s) > rule.smile || s.mouthWidth > rule.width;
const HAPPY = [0.005, 0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, Infinity];
const SMILES = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9, Infinity];
const WIDTHS = [0.95, 1, 1.05, Infinity];
const rules = HAPPY.flatMap((happy) => SMILES.flatMap((smile) => WIDTHS.map((width) => ({happy, smile, width}))));
const MAX_FALSE = 0.02;
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const describeRule = (rule: Rule) =>
	[
		rule.happy < Infinity ? `P(happy) > ${rule.happy}` : '',
		rule.smile < Infinity ? `smile > ${rule.smile}` : '',
		rule.width < Infinity ? `width > ${rule.width}` : '',
	]
		.filter(Boolean)
		.join(' or ') || 'never';

interface Rates {
	caught: number;
	falseFail: number;
	variantsFailed: number;
}
function rates(model: Model, set: Sample[], rule: Rule): Rates {
	const share = (items: Sample[]) => items.filter((s) => fails(model, s, rule)).length / Math.max(1, items.length);
	return {
		caught: share(set.filter((s) => s.smiling)),
		falseFail: share(set.filter((s) => !s.smiling && s.kind === undefined)),
		variantsFailed: share(set.filter((s) => s.kind !== undefined)),
	};
}

/** The rule catching most smiles with at most MAX_FALSE of the neutral photos and of the variants failed (ties: fewer false fails). */
function choose(model: Model, set: Sample[]): Rule {
	let best: (Rates & {rule: Rule}) | undefined;
	for (const rule of rules) {
		const r = rates(model, set, rule);
		if (r.falseFail > MAX_FALSE || r.variantsFailed > MAX_FALSE) continue;
		const better =
			!best ||
			r.caught > best.caught + 1e-9 ||
			(Math.abs(r.caught - best.caught) < 1e-9 && r.falseFail + r.variantsFailed < best.falseFail + best.variantsFailed - 1e-9);
		if (better) best = {rule, ...r};
	}
	return best?.rule ?? {happy: Infinity, smile: Infinity, width: Infinity};
}

// Dark glasses over the eyes (eyes-covered) move the mesh's mouth too; the eval scores no expression on them.
const samples = (await collect()).filter((s) => s.kind !== 'eyes-covered');
// A variant belongs to the person it was made from, for the folds.
for (const s of samples) {
	const source = /^variant\/(london-neutral|ontario|composite)\/(.{3})/.exec(s.person);
	if (source) s.person = `${source[1] === 'london-neutral' ? 'london' : source[1]}/${source[2]}`;
}
const photos = samples.filter((s) => s.kind === undefined);
const london = photos.filter((s) => s.set.startsWith('london'));
console.log(
	`${photos.filter((s) => s.smiling).length} smiling and ${photos.filter((s) => !s.smiling).length} neutral photos, ${samples.length - photos.length} neutral variants measured`,
);

const model = fitLogistic(london);
console.log(`\nsmile model on the London photos: bias ${model.bias.toFixed(2)}, ${FEATURES.map((f, i) => `${f} ${model.weights[i]!.toFixed(2)}`).join(', ')}`);
const inSample = choose(model, samples);
console.log('in-sample (smiling caught / neutral photos failed / neutral variants failed):');
for (const rule of [inSample, {...inSample, width: Infinity}, {...inSample, smile: Infinity}, {...inSample, happy: Infinity}]) {
	const r = rates(model, samples, rule);
	console.log(`  ${describeRule(rule)}: ${pct(r.caught)} / ${pct(r.falseFail)} / ${pct(r.variantsFailed)}`);
}

// Cross-validation: folds by person; the model is refitted and the rule chosen on the training people only.
const people = [...new Set(london.map((s) => s.person))];
const totals = {caught: 0, smiling: 0, falseFails: 0, neutral: 0, variantsFailed: 0, variants: 0};
const chosen: Record<string, number> = {};
for (let repeat = 0; repeat < 10; repeat++) {
	let seed = repeat + 1;
	const shuffled = [...people].sort(() => {
		seed = (seed * 16_807) % 2_147_483_647;
		return seed / 2_147_483_647 - 0.5;
	});
	for (let fold = 0; fold < 5; fold++) {
		const held = new Set(shuffled.filter((_, index) => index % 5 === fold));
		const training = samples.filter((s) => !held.has(s.person));
		const foldModel = fitLogistic(training.filter((s) => s.kind === undefined && s.set.startsWith('london')));
		const rule = choose(foldModel, training);
		chosen[describeRule(rule)] = (chosen[describeRule(rule)] ?? 0) + 1;
		for (const s of samples.filter((item) => held.has(item.person))) {
			const failed = fails(foldModel, s, rule);
			if (s.kind !== undefined) {
				totals.variants++;
				if (failed) totals.variantsFailed++;
			} else if (s.smiling) {
				totals.smiling++;
				if (failed) totals.caught++;
			} else {
				totals.neutral++;
				if (failed) totals.falseFails++;
			}
		}
	}
}
console.log(
	`\n10 × 5-fold cross-validation by person: caught ${pct(totals.caught / totals.smiling)}, neutral photos failed ${pct(totals.falseFails / totals.neutral)}, variants failed ${pct(totals.variantsFailed / totals.variants)}`,
);
console.log(
	`rules chosen (folds): ${Object.entries(chosen)
		.map(([key, n]) => `${key}: ${n}`)
		.join('; ')}`,
);
const misses = london
	.filter((s) => s.smiling && !fails(model, s, inSample))
	.map((s) => `${s.person} (P(happy) ${s.happy.toFixed(3)}, smile ${smileOf(model, s).toFixed(2)})`);
console.log(`smiling photos the in-sample rule misses: ${misses.join(', ') || 'none'}`);
