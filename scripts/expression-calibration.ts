/**
 * Reproduces the calibration of the neutral-expression thresholds (docs/checks.md):
 *   npx tsx scripts/expression-calibration.ts
 * Reads the smile probability (face-api's expression net) and the mouth measures of every shared
 * photo, then prints: the catch rate on the London smiling photos and the false-fail rate on every
 * neutral photo for each candidate rule; the best rules with at most 5 % false fails; and a
 * 10 × repeated 5-fold cross-validation split by person, with thresholds chosen on the training
 * folds only. With the generated variants present (npm run eval makes them), it also counts the
 * variants each rule would fail.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {hasPhotos, photosDir} from '../fixtures/shared-photos.js';
import {defaultVariantsDir} from '../fixtures/variants/index.js';
import {validatePhoto} from '../src/index.js';

if (!hasPhotos) {
	console.log(`the shared photos are absent (looked in ${photosDir}); nothing to calibrate`);
	process.exit(0);
}

interface Sample {
	person: string;
	smiling: boolean;
	happy: number;
	mouthWidth: number;
}

async function measure(file: string): Promise<{happy: number; mouthWidth: number} | undefined> {
	const report = await validatePhoto(file, {checks: ['neutral-expression']});
	const measured = report.checks[0]?.measured;
	if (!measured || typeof measured.smileProbability !== 'number' || typeof measured.mouthWidth !== 'number') return undefined;
	return {happy: measured.smileProbability, mouthWidth: measured.mouthWidth};
}

const manifest = JSON.parse(readFileSync(path.join(photosDir, 'manifest.json'), 'utf8')) as Array<{file: string; set: string}>;
const samples: Sample[] = [];
for (const entry of manifest) {
	const values = await measure(path.join(photosDir, entry.file));
	if (values) samples.push({person: path.basename(entry.file).slice(0, 3), smiling: entry.set === 'london-smiling', ...values});
}

const HAPPY = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5];
const WIDTH = [0.82, 0.83, 0.84, 0.85, 0.86, 0.87, 0.88, 0.9];
type Rule = {happy: number; width: number};
const fails = (sample: Pick<Sample, 'happy' | 'mouthWidth'>, rule: Rule) => sample.happy > rule.happy || sample.mouthWidth > rule.width;
const rates = (set: Sample[], rule: Rule) => {
	const smiling = set.filter((sample) => sample.smiling);
	const neutral = set.filter((sample) => !sample.smiling);
	return {
		caught: smiling.filter((sample) => fails(sample, rule)).length / smiling.length,
		falseFail: neutral.filter((sample) => fails(sample, rule)).length / neutral.length,
	};
};
const rules = HAPPY.flatMap((happy) => WIDTH.map((width) => ({happy, width})));
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

console.log(`${samples.filter((sample) => sample.smiling).length} smiling, ${samples.filter((sample) => !sample.smiling).length} neutral photos measured`);
console.log('\nbest rules with at most 5 % false fails (in-sample):');
const ranked = rules
	.map((rule) => ({rule, ...rates(samples, rule)}))
	.filter((row) => row.falseFail <= 0.05)
	.sort((a, b) => b.caught - a.caught || a.falseFail - b.falseFail);
for (const row of ranked.slice(0, 8))
	console.log(`  P(happy) > ${row.rule.happy} or mouth width > ${row.rule.width}: caught ${pct(row.caught)}, false ${pct(row.falseFail)}`);

// Thresholds chosen on the training folds (catch − false, equal weights), scored on the held-out people.
const choose = (set: Sample[]) =>
	rules.reduce((best, rule) => {
		const score = (r: Rule) => rates(set, r).caught - rates(set, r).falseFail;
		return score(rule) > score(best) + 1e-9 ? rule : best;
	});
const people = [...new Set(samples.map((sample) => sample.person))];
let caught = 0;
let smiling = 0;
let falseFails = 0;
let neutral = 0;
for (let repeat = 0; repeat < 10; repeat++) {
	let seed = repeat + 1;
	const shuffled = [...people].sort(() => {
		seed = (seed * 16_807) % 2_147_483_647;
		return seed / 2_147_483_647 - 0.5;
	});
	for (let fold = 0; fold < 5; fold++) {
		const held = new Set(shuffled.filter((_, index) => index % 5 === fold));
		const rule = choose(samples.filter((sample) => !held.has(sample.person)));
		for (const sample of samples.filter((item) => held.has(item.person))) {
			if (sample.smiling) {
				smiling++;
				if (fails(sample, rule)) caught++;
			} else {
				neutral++;
				if (fails(sample, rule)) falseFails++;
			}
		}
	}
}
console.log(`\n10 × 5-fold cross-validation by person: caught ${pct(caught / smiling)}, false ${pct(falseFails / neutral)}`);

const variantsFile = path.join(defaultVariantsDir(), 'variants.json');
if (existsSync(variantsFile)) {
	const variants = (JSON.parse(readFileSync(variantsFile, 'utf8')) as Array<{file: string; kind: string; faces: number}>).filter(
		(variant) => variant.faces === 1,
	);
	const measured: Array<{happy: number; mouthWidth: number}> = [];
	for (const variant of variants) {
		const values = await measure(variant.file);
		if (values) measured.push(values);
	}
	console.log(`\nvariants (${measured.length}, none smiling) failed by each of the best rules:`);
	for (const row of ranked.slice(0, 4)) {
		const failed = measured.filter((values) => fails(values, row.rule)).length;
		console.log(`  P(happy) > ${row.rule.happy} or mouth width > ${row.rule.width}: ${failed} (${pct(failed / measured.length)})`);
	}
	console.log('\nat a mouth width of 0.86, by smile probability: shared photos caught / falsely failed, variants falsely failed');
	for (const happy of [0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.5]) {
		const rule = {happy, width: 0.86};
		const failed = measured.filter((values) => fails(values, rule)).length;
		const shared = rates(samples, rule);
		console.log(`  P(happy) > ${happy}: ${pct(shared.caught)} / ${pct(shared.falseFail)}; variants ${failed} (${pct(failed / measured.length)})`);
	}
}
