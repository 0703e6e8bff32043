/**
 * The evaluation harness: runs the library over the shared photos and the generated variants and prints,
 * per check, how often it caught what it should and failed what it should not. A report, not a test:
 * it always exits 0.
 *
 *   npx tsx eval/main.ts [--check ID]... [--set NAME]... [--limit N] [--kinds a,b] [--json out.json]
 *                        [--no-variants] [--verbose]
 */
import {existsSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {photosDir} from '../fixtures/shared-photos.js';
import {BASE_SETS} from '../fixtures/variants/base.js';
import {scoreBoundaries} from '../fixtures/variants/boundaries.js';
import {BASE_KIND, defaultVariantsDir, generateVariants, KIND_EXPECTATIONS, VARIANT_KINDS} from '../fixtures/variants/index.js';
import {loadManifest} from '../fixtures/variants/manifest.js';
import {CHECK_IDS} from '../fixtures/variants/types.js';
import {profiles} from '../src/profiles/index.js';
import {boundaryTable} from './boundaries.js';
import {auditReport, loadPeople} from './fairness.js';
import type {EvalItem} from './items.js';
import {limitPerSet, photoItems, variantItems} from './items.js';
import {geometryTable, kindTable, mismatchTable, tallyTable, timingLines} from './print.js';
import type {EvalResult} from './run.js';
import {evaluate} from './run.js';
import type {Tally} from './score.js';

function parse() {
	const {values} = parseArgs({
		options: {
			check: {type: 'string', multiple: true},
			set: {type: 'string', multiple: true},
			limit: {type: 'string'},
			kinds: {type: 'string'},
			json: {type: 'string'},
			'no-variants': {type: 'boolean', default: false},
			verbose: {type: 'boolean', default: false},
		},
	});
	const limit = values.limit === undefined ? undefined : Number(values.limit);
	if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new Error(`--limit expects a positive integer, got "${values.limit}"`);
	const checks = values.check?.flatMap((c) => c.split(','));
	const unknown = checks?.filter((c) => !(CHECK_IDS as readonly string[]).includes(c)) ?? [];
	if (unknown.length > 0) throw new Error(`--check: unknown check ${unknown.join(', ')}; known: ${CHECK_IDS.join(', ')}`);
	return {...values, limit, checks, kinds: values.kinds?.split(',')};
}

/** With --check, the variants that break one of those checks (when some do), plus the base. */
function kindsFor(checks: string[] | undefined, kinds: string[] | undefined): string[] | undefined {
	if (kinds) return kinds.filter((k) => k !== BASE_KIND);
	if (!checks) return undefined;
	const relevant = VARIANT_KINDS.map((k) => k.kind).filter((k) => KIND_EXPECTATIONS[k]?.breaks.some((b) => checks.includes(b)));
	return relevant.length > 0 ? relevant : undefined;
}

function section(title: string): void {
	console.log(`\n== ${title} ${'='.repeat(Math.max(0, 76 - title.length))}`);
}

async function main(): Promise<void> {
	const args = parse();
	if (!existsSync(path.join(photosDir, 'manifest.json'))) {
		console.log(`No shared photos at ${photosDir} (set PHOTOS_DIR to point elsewhere): nothing to evaluate.`);
		return;
	}
	const manifest = (await loadManifest(photosDir)).filter((e) => !args.set || args.set.includes(e.set));
	const items: EvalItem[] = photoItems(photosDir, limitPerSet(manifest, args.limit));

	if (!args['no-variants']) {
		const sets = (args.set ?? [...BASE_SETS]).filter((s) => (BASE_SETS as readonly string[]).includes(s));
		if (sets.length > 0) {
			const started = performance.now();
			const kinds = kindsFor(args.checks, args.kinds);
			const variants = await generateVariants({
				photosDir,
				outDir: defaultVariantsDir(),
				sets,
				...(args.limit !== undefined ? {limit: args.limit * sets.length} : {}),
				...(kinds ? {kinds} : {}),
				onProgress: (done, total) => process.stderr.write(`\rvariants: ${done}/${total} sources`),
			});
			process.stderr.write('\n');
			console.log(`variants: ${variants.length} files in ${defaultVariantsDir()} (${((performance.now() - started) / 1000).toFixed(1)} s, reused when fresh)`);
			items.push(...variantItems(variants));
		}
	}

	const only = args.checks ? new Set(args.checks) : undefined;
	const tallies = {photo: new Map<string, Tally>(), variant: new Map<string, Tally>()};
	const results: EvalResult[] = [];
	for (const [i, item] of items.entries()) {
		results.push(await evaluate(item, tallies[item.group], only));
		process.stderr.write(`\rvalidating ${i + 1}/${items.length}`);
	}
	process.stderr.write('\n');

	const present = new Set(results.flatMap((r) => r.checks.map((c) => c.id)));
	console.log(`checks in the reports: ${[...present].join(', ') || '(none)'}`);
	console.log(`checks scored: ${only ? [...only].join(', ') : 'all present'}; expectations for absent checks are ignored`);

	section(`Shared photos (${results.filter((r) => r.item.group === 'photo').length})`);
	console.log(tallyTable(tallies.photo, CHECK_IDS));
	if (results.some((r) => r.item.group === 'variant')) {
		section(`Variants (${results.filter((r) => r.item.group === 'variant').length})`);
		console.log(tallyTable(tallies.variant, CHECK_IDS));
		console.log('');
		console.log(kindTable(results));
	}

	section('Face geometry against hand-placed landmarks');
	console.log(geometryTable(results) ?? 'no report has a face yet');

	section('Fairness: false-fail rate by group, on the photos and variants that should pass (eval/fairness.ts)');
	console.log(auditReport(results, await loadPeople(photosDir)));

	section("Each profile's boundary cases (pixel limits, proportions, file-size window, formats, age)");
	console.log(boundaryTable(await Promise.all(Object.values(profiles).map(scoreBoundaries))));

	section('Time per photo');
	for (const line of timingLines(results)) console.log(line);

	const errors = results.filter((r) => r.error);
	if (errors.length > 0) {
		section(`Errors (${errors.length}): a bad photo must give a report, not throw`);
		for (const r of args.verbose ? errors : errors.slice(0, 20)) console.log(`${r.item.label}: ${r.error}`);
	}

	const mismatches = results.flatMap((r) => r.mismatches.map((m) => ({...m, label: r.item.label})));
	section(`Mismatches (${mismatches.length})`);
	console.log(mismatches.length === 0 ? 'none' : mismatchTable(mismatches, args.verbose ? undefined : 20));

	if (args.json) {
		await writeFile(args.json, JSON.stringify(results, null, 1));
		console.log(`\nper-photo results: ${args.json}`);
	}
}

try {
	await main();
} catch (error) {
	// Wrong arguments are the one thing worth a non-zero exit: nothing was measured.
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 2;
}
