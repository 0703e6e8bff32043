/**
 * Everything in sync (in the spirit of file-type's and eslint's own tests): the catalogue's ids, the
 * registry, the default profile, the check folders with their tests and docs, and the docs index
 * are the same set, in the same order where order matters.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import type {AnyCheck} from '../src/checks/define.js';
import {CHECK_IDS, checks} from '../src/checks/registry.js';
import {caPrCard, profileOverridesSchema, profileSchema} from '../src/index.js';

const root = path.resolve(import.meta.dirname, '..');
const checksDir = path.join(root, 'src/checks');

/** The ids DESIGN.md's catalogue published: a contract, so they may be added to, never renamed or dropped. */
const PUBLISHED = [
	'file-format',
	'file-size',
	'dimensions',
	'aspect-ratio',
	'background-white',
	'exposure',
	'glare',
	'lighting-uniform',
	'sharpness',
	'face-count',
	'face-visible',
	'eyes-open',
	'neutral-expression',
	'face-centred',
	'head-size',
	'head-pose',
	'natural-colour',
	'unaltered',
	'recent',
];

const folders = readdirSync(checksDir, {withFileTypes: true})
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name)
	.sort();

describe('the check catalogue', () => {
	test('every published id is still in the registry', () => {
		expect(CHECK_IDS).toEqual(expect.arrayContaining(PUBLISHED));
	});

	test('each registry key is its check’s id, in kebab-case', () => {
		for (const [key, check] of Object.entries(checks)) {
			expect(check.id).toBe(key);
			expect(key).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
		}
	});

	test('the default profile runs every check, in the registry’s order', () => {
		expect(caPrCard.checks).toEqual(CHECK_IDS);
	});

	test('every check has a folder, and every folder is a check', () => {
		expect(folders).toEqual([...CHECK_IDS].sort());
	});

	test.each(CHECK_IDS)('%s has its definition, a test table and a docs page beside it', (id) => {
		for (const file of ['index.ts', `${id}.test.ts`, 'README.md']) expect(existsSync(path.join(checksDir, id, file)), `src/checks/${id}/${file}`).toBe(true);
	});

	test.each(CHECK_IDS)('%s: its docs page names the requirement and every threshold of its group', (id) => {
		const page = readFileSync(path.join(checksDir, id, 'README.md'), 'utf8');
		expect(page).toMatch(new RegExp(`^# \`${id}\``));
		const check = checks[id] as {limits?: {group: string}};
		if (!check.limits) return;
		expect(page, `src/checks/${id}/README.md names the profile group`).toContain(`\`${check.limits.group}\``);
		for (const key of Object.keys((caPrCard as unknown as Record<string, object>)[check.limits.group] ?? {})) {
			expect(page, `src/checks/${id}/README.md documents ${key}`).toContain(`\`${key}\``);
		}
	});

	test('the docs index lists every check, in order, linking to its page', () => {
		const index = readFileSync(path.join(root, 'docs/checks.md'), 'utf8');
		const listed = [...index.matchAll(/^\| \[`([a-z-]+)`\]\(\.\.\/src\/checks\/\1\/README\.md\)/gm)].map((match) => match[1]);
		expect(listed).toEqual(CHECK_IDS);
	});

	test('the README lists every check, in order', () => {
		const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
		const listed = [...readme.matchAll(/^\| \[?`([a-z-]+)`/gm)].map((match) => match[1]).filter((id) => (CHECK_IDS as readonly string[]).includes(id ?? ''));
		expect(listed).toEqual(CHECK_IDS);
	});
});

describe('the profile schema is built from the checks', () => {
	test('each threshold group is one check’s, plus the decoder’s', () => {
		const groups = Object.values(checks).flatMap((check: AnyCheck) => (check.limits ? [check.limits.group] : []));
		expect(new Set(groups).size).toBe(groups.length);
		expect(Object.keys(profileOverridesSchema.shape).sort()).toEqual([...groups, 'decode'].sort());
	});

	test('each group names its source and the date it was checked', () => {
		expect(Object.keys(caPrCard.sources).sort()).toEqual(Object.keys(profileOverridesSchema.shape).sort());
		expect(profileSchema.safeParse(caPrCard).success).toBe(true);
	});

	test('a profile missing a group’s source is refused', () => {
		const {sharpness: _, ...sources} = caPrCard.sources;
		expect(profileSchema.safeParse({...caPrCard, sources}).success).toBe(false);
	});
});

describe('figures: what the HTML report labels', () => {
	test.each(CHECK_IDS.map((id) => [id] as const))('%s names only limits its group knows, and labels each key once', (id) => {
		const check: AnyCheck = checks[id];
		// The limits the check's schema knows (an optional one, such as the visa's least file size, included).
		const group = check.limits?.schema.shape ?? {};
		const keys = (check.figures ?? []).map((figure) => figure.key);
		expect(new Set(keys).size).toBe(keys.length);
		for (const figure of check.figures ?? []) {
			const named = [figure.atLeast, figure.atMost, figure.safeFrom, ...(Array.isArray(figure.between) ? figure.between : [figure.between])].filter(
				(key): key is string => key !== undefined,
			);
			for (const key of named) expect(group, `${id}: ${figure.key} is judged against ${key}`).toHaveProperty(key);
		}
	});
});
