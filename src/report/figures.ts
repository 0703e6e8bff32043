import type {Figure} from '../checks/define.js';
import {checks} from '../checks/registry.js';
import {num} from '../format.js';
import type {CheckResult} from './schema.js';

/** One measured figure for a person: "background lightness L*", "81.7", "needs at least 91". */
export interface FigureRow {
	label: string;
	value: string;
	limit?: string;
}

/**
 * The figures of a check's result that its definition labels, each beside its limit (from the
 * result's own limits, so another profile's figures follow it); the rest of `measured` is left to
 * the raw figures. A check the catalogue does not know (a report from elsewhere) has none.
 */
export function figureRows(result: CheckResult): FigureRow[] {
	const figures: readonly Figure[] = (checks as Record<string, {figures?: readonly Figure[]}>)[result.id]?.figures ?? [];
	const limits = result.limits ?? {};
	return figures.flatMap((figure) => {
		const value = result.measured?.[figure.key];
		if (value === undefined) return [];
		const shown = typeof value === 'number' ? write(figure.absolute ? Math.abs(value) : value, figure.unit) : String(value);
		const limit = limitWords(figure, limits);
		return [{label: figure.label, value: shown, ...(limit ? {limit} : {})}];
	});
}

function limitWords(figure: Figure, limits: NonNullable<CheckResult['limits']>): string | undefined {
	const at = (key: string | undefined): number | undefined => {
		const value = key === undefined ? undefined : limits[key];
		return typeof value === 'number' ? value : undefined;
	};
	const safe = at(figure.safeFrom);
	const safely = safe === undefined ? '' : ` (${write(safe, figure.unit)} is safe)`;
	const low = at(figure.atLeast);
	const high = at(figure.atMost);
	if (low !== undefined && high !== undefined) return `between ${write(low, figure.unit)} and ${write(high, figure.unit)}${safely}`;
	if (low !== undefined) return `needs at least ${write(low, figure.unit)}${safely}`;
	if (high !== undefined) return `at most ${write(high, figure.unit)}${safely}`;
	if (figure.between !== undefined) {
		const [from, to] = typeof figure.between === 'string' ? pair(limits[figure.between]) : [at(figure.between[0]), at(figure.between[1])];
		if (from !== undefined && to !== undefined) return `between ${write(from, figure.unit)} and ${write(to, figure.unit)}`;
	}
	if (safe !== undefined) return `${write(safe, figure.unit)} is safe`;
	return undefined;
}

/** A pair as the report writes it: `-5…45`. */
function pair(value: number | string | undefined): [number | undefined, number | undefined] {
	if (typeof value !== 'string') return [undefined, undefined];
	const [from, to] = value.split('…').map(Number);
	return [Number.isFinite(from) ? from : undefined, Number.isFinite(to) ? to : undefined];
}

function write(value: number, unit: string | undefined): string {
	if (unit === '%') return `${num(value * 100, 1)} %`;
	if (unit === 'bytes') return `${num(value, 0)} bytes`;
	if (unit === '°') return `${num(value, 1)}°`;
	return unit ? `${num(value, 3)} ${unit}` : num(value, 3);
}
