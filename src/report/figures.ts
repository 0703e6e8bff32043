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
 * result's own limits, so another profile's figures follow it; and the limits its outcome judged the
 * figure by, `bounds`, where they are not the figure's usual ones); the rest of `measured` is left to
 * the raw figures. A check the catalogue does not know (a report from elsewhere) has none.
 */
export function figureRows(result: CheckResult): FigureRow[] {
	const figures: readonly Figure[] = (checks as Record<string, {figures?: readonly Figure[]}>)[result.id]?.figures ?? [];
	const limits = result.limits ?? {};
	return figures.flatMap((figure) => {
		const value = result.measured?.[figure.key];
		if (value === undefined) return [];
		const shown = typeof value === 'number' ? write(figure.absolute ? Math.abs(value) : value, figure.unit) : String(value);
		// The outcome's own bounds replace the figure's: the limit column says what the message says.
		const limit = limitWords(result.bounds?.[figure.key] ?? figure, figure.unit, limits);
		return [{label: figure.label, value: shown, ...(limit ? {limit} : {})}];
	});
}

type Bounds = Pick<Figure, 'between'> & {[key in 'atLeast' | 'atMost' | 'safeFrom']?: string | undefined};

function limitWords(bounds: Bounds, unit: string | undefined, limits: NonNullable<CheckResult['limits']>): string | undefined {
	const at = (key: string | undefined): number | undefined => {
		const value = key === undefined ? undefined : limits[key];
		return typeof value === 'number' ? value : undefined;
	};
	const safe = at(bounds.safeFrom);
	const safely = safe === undefined ? '' : ` (${write(safe, unit)} is safe)`;
	const low = at(bounds.atLeast);
	const high = at(bounds.atMost);
	if (low !== undefined && high !== undefined) return `between ${write(low, unit)} and ${write(high, unit)}${safely}`;
	if (low !== undefined) return `needs at least ${write(low, unit)}${safely}`;
	if (high !== undefined) return `at most ${write(high, unit)}${safely}`;
	if (bounds.between !== undefined) {
		const [from, to] = typeof bounds.between === 'string' ? pair(limits[bounds.between]) : [at(bounds.between[0]), at(bounds.between[1])];
		if (from !== undefined && to !== undefined) return `between ${write(from, unit)} and ${write(to, unit)}`;
	}
	if (safe !== undefined) return `${write(safe, unit)} is safe`;
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
