/** Runs the library on one item and keeps what the harness scores. Bad photos must not throw: if one does, that is recorded. */
import {photoReportSchema, validatePhoto} from '../src/index.js';
import type {EvalItem} from './items.js';
import type {DetectedFace, Mismatch, ScoredCheck, Tally} from './score.js';
import {scorePhoto} from './score.js';

export interface EvalResult {
	item: EvalItem;
	wallMs: number;
	verdict?: string;
	checks: ScoredCheck[];
	face?: DetectedFace & {centreX: number; rollDeg: number; yawDeg: number; pitchDeg: number};
	timings?: Record<string, number>;
	mismatches: Mismatch[];
	/** validatePhoto threw, or its report broke the contract. */
	error?: string;
}

export async function evaluate(item: EvalItem, tallies: Map<string, Tally>, only: ReadonlySet<string> | undefined): Promise<EvalResult> {
	const started = performance.now();
	let report: unknown;
	try {
		report = await validatePhoto(item.file);
	} catch (error) {
		return {item, wallMs: performance.now() - started, checks: [], mismatches: [], error: `threw: ${error instanceof Error ? error.message : String(error)}`};
	}
	const wallMs = performance.now() - started;
	const parsed = photoReportSchema.safeParse(report);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return {item, wallMs, checks: [], mismatches: [], error: `report breaks the contract: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`};
	}
	const r = parsed.data;
	const checks = r.checks.map((c) => ({id: c.id, status: c.status, message: c.message}));
	return {
		item,
		wallMs,
		verdict: r.verdict,
		checks,
		...(r.face ? {face: r.face} : {}),
		...(r.timings ? {timings: r.timings} : {}),
		mismatches: scorePhoto(item.label, item.expect, checks, tallies, only),
	};
}
