import type {z} from 'zod';
import type {FactName, FactValues} from '../analysis/facts.js';
import type {ReturnReason} from '../reasons.js';
import type {CheckResult, FixAction, Status} from '../report/schema.js';

/** What a check decides; the pipeline adds the id, reason, requirement and limits. */
export interface CheckOutcome {
	status: Status;
	message: string;
	measured?: CheckResult['measured'];
	/** The portal reason of this outcome, when it differs from the check's own (e.g. washed out rather than too dark). */
	reason?: ReturnReason;
	/** What would fix this outcome, when it differs from the check's own `fix` (no face found is not "only you in the frame"). */
	fix?: Fix;
	/**
	 * The limits this outcome judged a figure by, when they are not the figure's own (exposure: a dark
	 * face beside nothing bright is judged by `darkFaceLightness`, not the usual 15–80), so the limit a
	 * person reads beside the figure is the one the message names. Keyed by the figure's `key`.
	 */
	bounds?: Readonly<Record<string, FigureBounds>>;
}

/**
 * A fix: its action and how, worded to follow "Retake the photo", "Export the photo again" or
 * "Crop the photo" (e.g. "with both eyes open, looking at the camera"), so that the fixes of several
 * checks join into one piece of advice per action (`report.advice`).
 */
export interface Fix {
	readonly action: FixAction;
	readonly how: string;
}

/**
 * A measured figure as a person reads it (the HTML report): its label, its unit, and the limit it is
 * judged against, named by the limit's key so the figure follows the profile. `unit: '%'` writes a
 * share (0–1) as a percentage, `'bytes'` a byte count; `absolute` compares the size of a signed value
 * (an offset, an angle).
 */
export interface Figure {
	readonly key: string;
	readonly label: string;
	readonly unit?: string;
	readonly atLeast?: string;
	readonly atMost?: string;
	/** The safe side of a warning, for a figure with `atLeast` or `atMost`. */
	readonly safeFrom?: string;
	/** Two limit keys, or one limit written `low…high` (a pair). */
	readonly between?: readonly [string, string] | string;
	readonly absolute?: boolean;
}

/** The limits a figure is judged by, named by their keys in the check's limits: what an outcome may set in its `bounds`. */
export type FigureBounds = Pick<Figure, 'atLeast' | 'atMost' | 'safeFrom'>;

/** A threshold group: a flat object of numbers, number pairs and policy words. */
export type LimitsSchema = z.ZodObject<Record<string, z.ZodType<number | string | readonly [number, number] | undefined>>>;

/**
 * `[lower, upper]`: the limit named `lower` must not exceed the one named `upper` (a warning comes
 * before a failure; a range's low end before its high end). `name.0` and `name.1` are the ends of a pair.
 */
export type LimitOrder = readonly [string, string];

/** A check's thresholds: the profile group that holds them (its camelCase key is public API), their schema and their order. */
export interface CheckLimits<S extends LimitsSchema = LimitsSchema, G extends string = string> {
	readonly group: G;
	readonly schema: S;
	readonly order?: readonly LimitOrder[];
}

/**
 * A check: a pure function of the facts it names and its own thresholds. It never decodes or runs
 * a model itself; the pipeline resolves `needs` first, and when one of them is unavailable the check
 * is skipped with that fact's message (or, for a fact in `failsWithout`, fails with it).
 */
export interface Check<Id extends string = string, N extends FactName = FactName, L = Record<string, never>> {
	readonly id: Id;
	/** The requirement, in IRCC's words, its figures formatted from the limits. */
	readonly requirement: string | ((limits: L) => string);
	/** The portal reason a failure is reported under. */
	readonly reason: ReturnReason;
	/** What fixes it when it fails or warns, unless the outcome names its own (`report.advice` joins them); worded from the limits when a function. */
	readonly fix?: Fix | ((limits: L) => Fix);
	readonly needs: readonly N[];
	/** The measured figures a person reads, with their limits (others stay in the report's raw `measured`). */
	readonly figures?: readonly Figure[];
	/** Facts whose absence is itself a failure of this check (e.g. no decodable image, no face); any other missing fact skips it. */
	readonly failsWithout?: readonly FactName[];
	/** The thresholds this check owns; absent for a check with none. */
	readonly limits?: CheckLimits;
	run(facts: Pick<FactValues, N>, limits: L): CheckOutcome;
}

/** Any check, as the registry and the pipeline hold them. */
// biome-ignore lint/suspicious/noExplicitAny: the limits type differs per check; the pipeline passes each its own group.
export type AnyCheck = Check<string, FactName, any>;

/** Declares a check with thresholds, so that `run` sees exactly the facts it asked for and its limits' types. */
export function defineCheck<const Id extends string, const N extends FactName, S extends LimitsSchema, const G extends string>(
	check: Omit<Check<Id, N, z.output<S>>, 'limits'> & {readonly limits: CheckLimits<S, G>},
): Omit<Check<Id, N, z.output<S>>, 'limits'> & {readonly limits: CheckLimits<S, G>};
/** Declares a check without thresholds. */
export function defineCheck<const Id extends string, const N extends FactName>(check: Omit<Check<Id, N>, 'limits'>): Check<Id, N>;
export function defineCheck(check: AnyCheck): AnyCheck {
	return check;
}

/** The fix a check gives when its outcome names none, as its limits word it. */
export function fixOf<L>(check: Check<string, FactName, L>, limits: L): Fix | undefined {
	return typeof check.fix === 'function' ? check.fix(limits) : check.fix;
}

/** The requirement of a check as its limits phrase it. */
export function requirementOf<L>(check: Check<string, FactName, L>, limits: L): string {
	return typeof check.requirement === 'function' ? check.requirement(limits) : check.requirement;
}
