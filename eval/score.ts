/**
 * Pure scoring: does a check's status meet an expectation, and the per-check tallies the harness prints.
 * No I/O here, so the rules are tested on their own (test/eval-score.test.ts).
 */
import type {CheckId, Expectation, Expectations, Landmarks, Point} from '../fixtures/variants/types.js';

export type Status = 'pass' | 'warn' | 'fail' | 'skip';

/** `not-fail`: a person would not have the photo returned for this (pass, warn, or could not tell: skip). */
export function meetsExpectation(expected: Expectation, got: Status): boolean {
	switch (expected) {
		case 'pass':
		case 'warn':
		case 'fail':
			return got === expected;
		case 'not-fail':
			return got !== 'fail';
		case 'flagged':
			return got === 'warn' || got === 'fail';
		case 'any':
			return true;
	}
}

/** The photo should be returned (or at least flagged) for this check. */
export function expectsProblem(e: Expectation): boolean {
	return e === 'fail' || e === 'flagged';
}

/** The photo should not be returned for this check. */
export function expectsNoFailure(e: Expectation): boolean {
	return e === 'pass' || e === 'not-fail';
}

export interface Tally {
	/** Results scored (expectation present, not `any`, and the check in the report). */
	scored: number;
	shouldFail: number;
	caught: number;
	shouldPass: number;
	falseFail: number;
	shouldWarn: number;
	warnedAsExpected: number;
	warned: number;
	skipped: number;
	mismatches: number;
}

export function emptyTally(): Tally {
	return {scored: 0, shouldFail: 0, caught: 0, shouldPass: 0, falseFail: 0, shouldWarn: 0, warnedAsExpected: 0, warned: 0, skipped: 0, mismatches: 0};
}

/** Adds one (expectation, status) pair to a tally, in place. `any` is not scored. */
export function addToTally(t: Tally, expected: Expectation, got: Status): void {
	if (expected === 'any') return;
	t.scored++;
	if (got === 'warn') t.warned++;
	if (got === 'skip') t.skipped++;
	if (expectsProblem(expected)) {
		t.shouldFail++;
		if (meetsExpectation(expected, got)) t.caught++;
	}
	if (expectsNoFailure(expected)) {
		t.shouldPass++;
		if (got === 'fail') t.falseFail++;
	}
	if (expected === 'warn') {
		t.shouldWarn++;
		if (got === 'warn') t.warnedAsExpected++;
	}
	if (!meetsExpectation(expected, got)) t.mismatches++;
}

export interface Mismatch {
	file: string;
	check: string;
	expected: Expectation;
	got: Status;
	message: string;
}

export interface ScoredCheck {
	id: string;
	status: Status;
	message: string;
}

/**
 * Scores one photo: only checks both expected and present in the report count (the library grows check by
 * check; a missing check is not a failure of the ones that exist). `only` narrows to some checks.
 */
export function scorePhoto(file: string, expect: Expectations, checks: ScoredCheck[], tallies: Map<string, Tally>, only?: ReadonlySet<string>): Mismatch[] {
	const mismatches: Mismatch[] = [];
	for (const c of checks) {
		if (only && !only.has(c.id)) continue;
		const expected = expect[c.id as CheckId];
		if (expected === undefined) continue;
		let t = tallies.get(c.id);
		if (!t) {
			t = emptyTally();
			tallies.set(c.id, t);
		}
		addToTally(t, expected, c.status);
		if (!meetsExpectation(expected, c.status)) mismatches.push({file, check: c.id, expected, got: c.status, message: c.message});
	}
	return mismatches;
}

export function ratio(n: number, d: number): string {
	return d === 0 ? '—' : `${n}/${d} (${Math.round((100 * n) / d)} %)`;
}

/** Median and 95th percentile (nearest rank) of a list of numbers; undefined when empty. */
export function percentiles(values: number[]): {median: number; p95: number; n: number} | undefined {
	if (values.length === 0) return undefined;
	const s = [...values].sort((a, b) => a - b);
	const rank = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
	return {median: rank(0.5), p95: rank(0.95), n: s.length};
}

export interface DetectedFace {
	leftEye: Point;
	rightEye: Point;
	chin: Point;
	crown: Point;
	headHeightRatio: number;
}

export interface GeometryError {
	/** |detected − hand-placed| chin-to-crown height over image height, in ratio units (0.01 = 1 point of %). */
	headHeightRatio: number;
	/** Eye-centre distances over the hand-placed inter-pupil distance. */
	leftEye: number;
	rightEye: number;
	/** Chin and crown vertical errors over the image height. */
	chinY: number;
	crownY: number;
}

/**
 * Compares a detected face with hand-placed landmarks. The report's `leftEye` is the subject's left eye,
 * which is on the image's right: the pupil with the larger x.
 */
export function geometryError(face: DetectedFace, truth: Landmarks, imageHeight: number): GeometryError {
	const [imageLeft, imageRight] = truth.pupilA[0] <= truth.pupilB[0] ? [truth.pupilA, truth.pupilB] : [truth.pupilB, truth.pupilA];
	const ipd = Math.hypot(imageRight[0] - imageLeft[0], imageRight[1] - imageLeft[1]);
	const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
	const trueRatio = (truth.chin[1] - truth.crown[1]) / imageHeight;
	return {
		headHeightRatio: Math.abs(face.headHeightRatio - trueRatio),
		leftEye: dist(face.leftEye, imageRight) / ipd,
		rightEye: dist(face.rightEye, imageLeft) / ipd,
		chinY: Math.abs(face.chin[1] - truth.chin[1]) / imageHeight,
		crownY: Math.abs(face.crown[1] - truth.crown[1]) / imageHeight,
	};
}

export function meanMax(values: number[]): {mean: number; max: number; n: number} | undefined {
	if (values.length === 0) return undefined;
	return {mean: values.reduce((a, b) => a + b, 0) / values.length, max: Math.max(...values), n: values.length};
}
