import sharp from 'sharp';
import {describe, expect, test} from 'vitest';
import {demoPhotoPath} from '../fixtures/demo-portrait.js';
import {scoreBoundaries} from '../fixtures/variants/boundaries.js';
import {profileSchema, profiles, validatePhoto} from '../src/index.js';
import {runCli} from './support/cli.js';

const ids = Object.keys(profiles);

test('the shipped profiles: the PR card first, then the visa, citizenship and passport', () => {
	expect(ids).toEqual(['ca-pr-card', 'ca-visa', 'ca-citizenship', 'ca-passport']);
});

describe.each(ids)('%s', (id) => {
	const profile = profiles[id]!;

	test('is a valid profile whose every threshold group cites its source and the day it was checked', () => {
		expect(profileSchema.parse(profile)).toEqual(profile);
		const groups = Object.keys(profile).filter((key) => !['id', 'title', 'version', 'references', 'checks', 'reasons', 'suggestCrop', 'sources'].includes(key));
		expect(Object.keys(profile.sources).sort()).toEqual(groups.sort());
		for (const source of Object.values(profile.sources)) expect(source?.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		for (const reference of profile.references) expect(reference.url).toMatch(/^https?:\/\//);
	});

	test('every boundary case gets exactly its status', async () => {
		const score = await scoreBoundaries(profile);
		expect(score.cases).toBeGreaterThanOrEqual(8);
		expect(score.wrong).toEqual([]);
	});
});

test('a limit a document does not have is not in its profile: citizenship and passport have no pixel or file-size rule', () => {
	for (const id of ['ca-citizenship', 'ca-passport']) {
		expect(profiles[id]!.checks).not.toContain('dimensions');
		expect(profiles[id]!.checks).not.toContain('file-size');
		expect(profiles[id]).not.toHaveProperty('dimensions');
	}
	expect(profiles['ca-visa']!.dimensions).toEqual({minWidth: 420, minHeight: 540});
});

test('a crop is suggested where the document lets the photo be framed, never for citizenship or passport', async () => {
	const base = await sharp(demoPhotoPath()).resize(715, 1001).jpeg({quality: 95}).toBuffer();
	const small = await sharp(base)
		.extend({top: 500, bottom: 500, left: 357, right: 358, background: {r: 255, g: 255, b: 255}})
		.jpeg({quality: 92})
		.toBuffer();
	const framing = ['aspect-ratio', 'head-size', 'face-centred'] as const;
	const pr = await validatePhoto(small, {profile: 'ca-pr-card', checks: [...framing]});
	expect(pr.suggestedCrop).toBeDefined();
	for (const id of ['ca-citizenship', 'ca-passport']) {
		const report = await validatePhoto(small, {profile: id, checks: [...framing]});
		expect(report.checks.find((check) => check.id === 'head-size')!.status).toBe('fail');
		expect(report.suggestedCrop).toBeUndefined();
		expect(report.advice.map((entry) => entry.action)).not.toContain('crop');
	}
});

test("each profile's reasons in its process's words, in the text summary", async () => {
	const bytes = await sharp(demoPhotoPath()).resize(300, 420).jpeg().toBuffer();
	const visa = await validatePhoto(bytes, {profile: 'ca-visa', checks: ['dimensions']});
	expect(visa.reasons).toEqual(['DIMENSIONS_OUT_OF_RANGE']);
	const run = await runCli(['--profile', 'ca-visa', '--checks', 'dimensions', '-'], {input: bytes});
	expect(run.stdout).toContain('The photo is smaller than 420 × 540 pixels. (dimensions)');
	const pr = await runCli(['--checks', 'dimensions', '-'], {input: bytes});
	expect(pr.stdout).toContain('The measurements are not between 715 × 1000 and 2000 × 2800 pixels. (dimensions)');
});

test('--list-profiles lists each profile with its version and the pages it was read from; --json as JSON', async () => {
	const text = await runCli(['--list-profiles']);
	expect(text.code).toBe(0);
	for (const profile of Object.values(profiles)) {
		expect(text.stdout).toContain(`${profile.id} ${profile.version}: ${profile.title}`);
		for (const reference of profile.references) expect(text.stdout).toContain(`${reference.url} (read ${reference.checked})`);
	}
	const json = JSON.parse((await runCli(['--list-profiles', '--json'])).stdout) as Array<{id: string; version: string; sources: object; suggestCrop: boolean}>;
	expect(json.map((profile) => [profile.id, profile.suggestCrop])).toEqual([
		['ca-pr-card', true],
		['ca-visa', true],
		['ca-citizenship', false],
		['ca-passport', false],
	]);
});
