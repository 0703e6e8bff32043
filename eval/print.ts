/** Plain-text tables for the terminal. */
import type {EvalResult} from './run.js';
import type {GeometryError, Mismatch, Tally} from './score.js';
import {geometryError, meanMax, percentiles, ratio} from './score.js';

export function table(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function tallyTable(tallies: Map<string, Tally>, order: readonly string[]): string {
	const ids = [...order.filter((id) => tallies.has(id)), ...[...tallies.keys()].filter((id) => !order.includes(id))];
	const rows = ids.map((id) => {
		const t = tallies.get(id)!;
		return [
			id,
			ratio(t.caught, t.shouldFail),
			ratio(t.falseFail, t.shouldPass),
			String(t.warned),
			ratio(t.warnedAsExpected, t.shouldWarn),
			String(t.skipped),
			String(t.mismatches),
		];
	});
	return table(['check', 'caught/should-fail', 'false-fail/should-pass', 'warned', 'warned/should-warn', 'skipped', 'mismatches'], rows);
}

/** For each variant kind: how often every check it breaks on purpose reported as expected. */
export function kindTable(results: EvalResult[]): string {
	const byKind = new Map<string, {n: number; caught: number; statuses: Map<string, number>}>();
	for (const r of results) {
		if (r.item.group !== 'variant' || r.item.breaks.length === 0) continue;
		const k = byKind.get(r.item.kind) ?? {n: 0, caught: 0, statuses: new Map()};
		byKind.set(r.item.kind, k);
		const broken = r.checks.filter((c) => r.item.breaks.includes(c.id));
		if (broken.length === 0) continue; // the broken check is not implemented yet
		k.n++;
		if (broken.every((c) => r.mismatches.every((m) => m.check !== c.id))) k.caught++;
		for (const c of broken) k.statuses.set(c.status, (k.statuses.get(c.status) ?? 0) + 1);
	}
	const rows = [...byKind].map(([kind, k]) => [
		kind,
		k.n === 0 ? 'not implemented' : ratio(k.caught, k.n),
		[...k.statuses].map(([s, n]) => `${s} ${n}`).join(', '),
	]);
	return table(['variant kind', 'broken check as expected', 'statuses of the broken check'], rows);
}

export function geometryTable(results: EvalResult[]): string | undefined {
	const groups = new Map<string, GeometryError[]>();
	for (const r of results) {
		if (!r.item.landmarks || !r.face) continue;
		const key = r.item.group === 'photo' ? `photos ${r.item.set}` : `variants ${r.item.kind}`;
		const list = groups.get(key) ?? [];
		list.push(geometryError(r.face, r.item.landmarks, r.item.height));
		groups.set(key, list);
	}
	if (groups.size === 0) return undefined;
	const fmt = (m: ReturnType<typeof meanMax>, scale: number, digits: number) =>
		m ? `${(m.mean * scale).toFixed(digits)} / ${(m.max * scale).toFixed(digits)}` : '—';
	const rows = [...groups].map(([key, errs]) => [
		key,
		String(errs.length),
		fmt(meanMax(errs.map((e) => e.headHeightRatio)), 100, 2),
		fmt(meanMax(errs.flatMap((e) => [e.leftEye, e.rightEye])), 1, 3),
		fmt(meanMax(errs.map((e) => e.chinY)), 100, 2),
		fmt(meanMax(errs.map((e) => e.crownY)), 100, 2),
	]);
	return table(['group', 'n', 'head ratio err, % pts mean/max', 'eye err / IPD mean/max', 'chin y err, % h', 'crown y err, % h'], rows);
}

export function timingLines(results: EvalResult[]): string[] {
	const out: string[] = [];
	const wall = percentiles(results.map((r) => r.wallMs));
	if (wall) out.push(`wall clock: median ${wall.median.toFixed(0)} ms, p95 ${wall.p95.toFixed(0)} ms (n=${wall.n})`);
	const keys = new Set(results.flatMap((r) => Object.keys(r.timings ?? {})));
	for (const key of keys) {
		const p = percentiles(results.flatMap((r) => (r.timings?.[key] !== undefined ? [r.timings[key]] : [])));
		if (p) out.push(`report.timings.${key}: median ${p.median.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms (n=${p.n})`);
	}
	return out;
}

export function mismatchTable(list: Array<Mismatch & {label: string}>, limit: number | undefined): string {
	const shown = limit === undefined ? list : list.slice(0, limit);
	const rows = shown.map((m) => [m.label, m.check, m.expected, m.got, m.message.length > 110 ? `${m.message.slice(0, 107)}...` : m.message]);
	const more = shown.length < list.length ? `\n… and ${list.length - shown.length} more (--verbose lists all)` : '';
	return table(['file', 'check', 'expected', 'got', 'message'], rows) + more;
}
