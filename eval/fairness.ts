/**
 * The fairness audit: per group of people (gender, self-reported ethnicity, age band), the false-fail
 * rate of every check on the photos and variants that should pass it, against the overall rate. A
 * false "return" must not fall more often on one group: a group of at least MIN_PEOPLE people whose
 * rate is more than MAX_EXCESS above the overall rate is flagged. The manifest's `person` fields are
 * read here and nowhere else: they are never an input to a check.
 *
 *   npx tsx eval/fairness.ts --from results.json   (the markdown table of docs/fairness.md, from `npm run eval -- --json`)
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {z} from 'zod';
import {photosDir as defaultPhotosDir} from '../fixtures/shared-photos.js';
import type {Expectations} from '../fixtures/variants/types.js';
import {expectsNoFailure, expectsProblem, meetsExpectation, type Status} from './score.js';

/** Groups smaller than this many people are shown but not judged: one person's photos would decide. */
export const MIN_PEOPLE = 5;
/** How far above the overall false-fail rate a group's may be. */
export const MAX_EXCESS = 0.02;

export interface Person {
	id: string;
	age?: number;
	gender?: string;
	ethnicity?: string;
}

const personSchema = z.object({age: z.number().optional(), gender: z.string().optional(), ethnicity: z.string().optional()});
const entrySchema = z.object({file: z.string(), set: z.string(), person: personSchema.optional()});

/** The person in each shared photo, by its file (`london-neutral/001_03.jpg`); the two London photos of one person share an id. */
export async function loadPeople(photosDir: string): Promise<Map<string, Person>> {
	const entries = z.array(entrySchema).parse(JSON.parse(await readFile(path.join(photosDir, 'manifest.json'), 'utf8')));
	const people = new Map<string, Person>();
	for (const entry of entries) {
		if (!entry.person) continue;
		const stem = path.basename(entry.file).replace(/\.[^.]+$/, '');
		const id = entry.set.startsWith('london') ? `london/${stem.slice(0, 3)}` : `${entry.set}/${stem}`;
		people.set(entry.file, {id, ...entry.person});
	}
	return people;
}

export function ageBand(age: number): string {
	return age < 25 ? 'under 25' : age < 35 ? '25–34' : '35 and over';
}

/** The groups a person belongs to, as `dimension: value`. */
export function groupsOf(person: Person): string[] {
	return [
		...(person.gender ? [`gender: ${person.gender}`] : []),
		...(person.ethnicity ? [`ethnicity: ${person.ethnicity}`] : []),
		...(person.age !== undefined ? [`age: ${ageBand(person.age)}`] : []),
	];
}

export interface Scored {
	item: {label: string; expect: Expectations};
	checks: ReadonlyArray<{id: string; status: string}>;
}

/** `count` of `of` results: false fails of the results that should pass, or misses of those that should fail. */
export interface Rate {
	count: number;
	of: number;
}

/** What is counted: a `fail` where the check should not fail, or a result short of what a check should catch. */
export type Measure = 'false-fails' | 'misses';

export interface GroupRates {
	group: string;
	people: number;
	results: number;
	rates: Map<string, Rate>;
}

export interface Audit {
	overall: Map<string, Rate>;
	groups: GroupRates[];
	/** Each (group, check) over the bound, with enough people to judge. */
	flagged: Array<{group: string; check: string; rate: number; overall: number}>;
}

const share = (r: Rate | undefined): number => (r && r.of > 0 ? r.count / r.of : 0);

function add(rates: Map<string, Rate>, check: string, counted: boolean): void {
	const rate = rates.get(check) ?? {count: 0, of: 0};
	rate.of++;
	if (counted) rate.count++;
	rates.set(check, rate);
}

/**
 * The audit of eval results (photos and variants; a variant is its source photo's person): false
 * fails (the bound's measure), or misses (what a check let through that it should have caught).
 */
export function audit(results: readonly Scored[], people: ReadonlyMap<string, Person>, measure: Measure = 'false-fails'): Audit {
	const overall = new Map<string, Rate>();
	const groups = new Map<string, {people: Set<string>; results: number; rates: Map<string, Rate>}>();
	for (const result of results) {
		const person = people.get(result.item.label.split('#')[0]!);
		const memberships = person
			? groupsOf(person).map((group) => {
					const entry = groups.get(group) ?? {people: new Set<string>(), results: 0, rates: new Map<string, Rate>()};
					groups.set(group, entry);
					entry.people.add(person.id);
					entry.results++;
					return entry;
				})
			: [];
		for (const check of result.checks) {
			const expected = result.item.expect[check.id as keyof Expectations];
			if (!expected) continue;
			if (measure === 'false-fails' ? !expectsNoFailure(expected) : !expectsProblem(expected)) continue;
			const counted = measure === 'false-fails' ? check.status === 'fail' : !meetsExpectation(expected, check.status as Status);
			add(overall, check.id, counted);
			for (const entry of memberships) add(entry.rates, check.id, counted);
		}
	}
	const list = [...groups]
		.map(([group, entry]) => ({group, people: entry.people.size, results: entry.results, rates: entry.rates}))
		.sort((a, b) => a.group.localeCompare(b.group));
	const flagged = list.flatMap((entry) =>
		entry.people < MIN_PEOPLE
			? []
			: [...entry.rates]
					.filter(([check, rate]) => share(rate) > share(overall.get(check)) + MAX_EXCESS)
					.map(([check, rate]) => ({group: entry.group, check, rate: share(rate), overall: share(overall.get(check))})),
	);
	return {overall, groups: list, flagged};
}

const pct = (value: number): string => `${(value * 100).toFixed(1)} %`;

/** A markdown table: one row per group, a column per check that counted anything, the overall row first. */
export function auditTable(result: Audit, measure: Measure = 'false-fails'): string {
	const checks = [...result.overall]
		.filter(([check]) => result.groups.some((group) => (group.rates.get(check)?.count ?? 0) > 0) || (result.overall.get(check)?.count ?? 0) > 0)
		.map(([check]) => check);
	const header = `| group | people | results | ${checks.map((check) => `\`${check}\``).join(' | ')} |`;
	const rule = `| --- | ---: | ---: | ${checks.map(() => '---:').join(' | ')} |`;
	const cell = (rate: Rate | undefined, overall?: Rate, judged = false): string => {
		if (!rate || rate.of === 0) return '—';
		const over = judged && share(rate) > share(overall) + MAX_EXCESS;
		return `${pct(share(rate))} (${rate.count}/${rate.of})${over ? ' **over**' : ''}`;
	};
	const totalResults = Math.max(0, ...checks.map((check) => result.overall.get(check)?.of ?? 0));
	const rows = [
		`| all | | ${totalResults} | ${checks.map((check) => cell(result.overall.get(check))).join(' | ')} |`,
		...result.groups.map(
			(group) =>
				`| ${group.group} | ${group.people}${group.people < MIN_PEOPLE ? ' (too few to judge)' : ''} | ${group.results} | ${checks.map((check) => cell(group.rates.get(check), result.overall.get(check), group.people >= MIN_PEOPLE)).join(' | ')} |`,
		),
	];
	const checksWithoutFails = [...result.overall.keys()].filter((check) => !checks.includes(check));
	const none = measure === 'false-fails' ? 'No false fail in any group' : 'Nothing missed in any group';
	const note = checksWithoutFails.length > 0 ? `\n\n${none}: ${checksWithoutFails.map((check) => `\`${check}\``).join(', ')}.` : '';
	return [header, rule, ...rows].join('\n') + note;
}

export function auditVerdict(result: Audit): string {
	if (result.flagged.length === 0)
		return `Every group of at least ${MIN_PEOPLE} people is within ${pct(MAX_EXCESS)} of the overall false-fail rate of every check.`;
	return `Over the bound (${pct(MAX_EXCESS)} above the overall rate, groups of at least ${MIN_PEOPLE} people): ${result.flagged.map((f) => `${f.group} on ${f.check} (${pct(f.rate)} against ${pct(f.overall)})`).join('; ')}.`;
}

/** The whole audit as `npm run eval` and `npm run fairness` print it: false fails with the verdict, then misses. */
export function auditReport(results: readonly Scored[], people: ReadonlyMap<string, Person>): string {
	const falseFails = audit(results, people);
	return [
		auditTable(falseFails),
		'',
		auditVerdict(falseFails),
		'',
		'Misses (what a check let through that it should have caught), by group:',
		'',
		auditTable(audit(results, people, 'misses'), 'misses'),
	].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const {values} = parseArgs({options: {from: {type: 'string'}, photos: {type: 'string'}}});
	if (!values.from) throw new Error('--from: the JSON file written by npm run eval -- --json FILE');
	const results = JSON.parse(await readFile(values.from, 'utf8')) as Scored[];
	console.log(auditReport(results, await loadPeople(values.photos ?? process.env.PHOTOS_DIR ?? defaultPhotosDir)));
}
