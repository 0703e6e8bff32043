import {describe, expect, it} from 'vitest';
import type {Status, Tally} from '../eval/score.js';
import {addToTally, emptyTally, geometryError, meetsExpectation, percentiles, scorePhoto} from '../eval/score.js';
import type {Expectation} from '../fixtures/variants/types.js';

describe('meetsExpectation', () => {
	const table: Array<[Expectation, Record<Status, boolean>]> = [
		['pass', {pass: true, warn: false, fail: false, skip: false}],
		['warn', {pass: false, warn: true, fail: false, skip: false}],
		['fail', {pass: false, warn: false, fail: true, skip: false}],
		['not-fail', {pass: true, warn: true, fail: false, skip: true}],
		['flagged', {pass: false, warn: true, fail: true, skip: false}],
		['any', {pass: true, warn: true, fail: true, skip: true}],
	];
	for (const [expected, byStatus] of table) {
		for (const [got, ok] of Object.entries(byStatus) as Array<[Status, boolean]>) {
			it(`${expected} vs ${got} → ${ok}`, () => expect(meetsExpectation(expected, got)).toBe(ok));
		}
	}
});

describe('addToTally', () => {
	const run = (pairs: Array<[Expectation, Status]>): Tally => {
		const t = emptyTally();
		for (const [e, s] of pairs) addToTally(t, e, s);
		return t;
	};

	it('counts caught failures and misses', () => {
		const t = run([
			['fail', 'fail'],
			['fail', 'warn'],
			['fail', 'skip'],
			['flagged', 'warn'],
		]);
		expect(t).toMatchObject({scored: 4, shouldFail: 4, caught: 2, warned: 2, skipped: 1, mismatches: 2});
	});

	it('counts false failures against pass and not-fail', () => {
		const t = run([
			['pass', 'fail'],
			['not-fail', 'fail'],
			['not-fail', 'warn'],
			['pass', 'warn'],
		]);
		expect(t).toMatchObject({shouldPass: 4, falseFail: 2, warned: 2, mismatches: 3});
	});

	it('counts warnings against warn expectations', () => {
		const t = run([
			['warn', 'warn'],
			['warn', 'fail'],
			['warn', 'pass'],
		]);
		expect(t).toMatchObject({shouldWarn: 3, warnedAsExpected: 1, shouldFail: 0, shouldPass: 0, mismatches: 2});
	});

	it('does not score any', () => {
		expect(
			run([
				['any', 'fail'],
				['any', 'skip'],
			]),
		).toEqual(emptyTally());
	});
});

describe('scorePhoto', () => {
	it('scores only checks that are both expected and reported, and only those asked for', () => {
		const tallies = new Map<string, Tally>();
		const checks = [
			{id: 'dimensions', status: 'fail' as const, message: '600 × 840'},
			{id: 'file-size', status: 'pass' as const, message: 'ok'},
			{id: 'something-new', status: 'fail' as const, message: 'not expected'},
		];
		const mismatches = scorePhoto('a.jpg', {dimensions: 'pass', 'file-size': 'pass', 'head-size': 'fail'}, checks, tallies);
		expect(mismatches).toEqual([{file: 'a.jpg', check: 'dimensions', expected: 'pass', got: 'fail', message: '600 × 840'}]);
		expect([...tallies.keys()].sort()).toEqual(['dimensions', 'file-size']);

		const narrowed = new Map<string, Tally>();
		expect(scorePhoto('a.jpg', {dimensions: 'pass', 'file-size': 'pass'}, checks, narrowed, new Set(['file-size']))).toEqual([]);
		expect([...narrowed.keys()]).toEqual(['file-size']);
	});
});

describe('geometryError', () => {
	it("matches the report's left eye with the image's right pupil", () => {
		const truth = {
			pupilA: [600, 500] as [number, number],
			pupilB: [400, 500] as [number, number],
			chin: [500, 900] as [number, number],
			crown: [500, 230] as [number, number],
		};
		const e = geometryError({leftEye: [610, 500], rightEye: [400, 520], chin: [500, 900], crown: [500, 230], headHeightRatio: 0.5}, truth, 1400);
		expect(e.leftEye).toBeCloseTo(10 / 200);
		expect(e.rightEye).toBeCloseTo(20 / 200);
		expect(e.headHeightRatio).toBeCloseTo(Math.abs(0.5 - 670 / 1400));
	});
});

describe('percentiles', () => {
	it('gives nearest-rank median and p95', () => {
		expect(percentiles([5, 1, 3, 2, 4])).toEqual({median: 3, p95: 5, n: 5});
		expect(percentiles([])).toBeUndefined();
	});
});
