import {z} from 'zod';
import {CHECK_IDS} from './checks/ids.js';
import {profileOverridesSchema, profileSchema} from './profiles/schema.js';

export const validateOptionsSchema = z
	.object({
		/** A shipped profile id (`'ca-pr-card'`) or a whole profile object. */
		profile: z.union([z.string(), profileSchema]).optional(),
		/** Thresholds to change, group by group, e.g. `{fileSize: {maxBytes: 4_000_000}}`. */
		overrides: profileOverridesSchema.optional(),
		/** Run only these checks of the profile (e.g. the file checks, for a quick pass); default all. */
		checks: z.array(z.enum(CHECK_IDS)).min(1).optional(),
		/** The file name, for the extension check, when the input is bytes. */
		name: z.string().min(1).optional(),
		/** Add `report.annotations` (a thumbnail, the background mask, glare spots) for pictures of the result. */
		annotate: z.boolean().optional(),
		/** The date a photo's age is measured against (default: now). */
		now: z.date().optional(),
	})
	.strict();

export const validateManyOptionsSchema = validateOptionsSchema
	.omit({name: true})
	.extend({
		/** Photos validated at once, one per worker thread (default: the number of cores). */
		concurrency: z.number().int().min(1).max(256).optional(),
		/** Run on worker threads (default); false runs in this thread, `concurrency` photos interleaved. */
		workers: z.boolean().optional(),
		/** A photo still running after this many milliseconds gets a report saying so (default 60,000). */
		timeoutMs: z.number().int().positive().optional(),
		/** Called after each photo, in the order photos finish. */
		onProgress: z.custom<(progress: Progress) => void>((value) => typeof value === 'function', 'a function').optional(),
	})
	.strict();

export interface Progress {
	/** Photos finished so far. */
	done: number;
	/** Photos in the batch, when known. */
	total?: number;
	/** Position in the input of the photo that just finished. */
	index: number;
	report: import('./report/schema.js').PhotoReport;
}

export type ValidateOptions = z.input<typeof validateOptionsSchema>;
export type ValidateManyOptions = z.input<typeof validateManyOptionsSchema>;

/**
 * Parse options or throw a TypeError that names the option, what was expected and what was given:
 * a wrong option is a programmer error, unlike a bad photo.
 */
export function parseOptions<T extends z.ZodType>(schema: T, value: unknown, caller: string): z.output<T> {
	if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
		throw new TypeError(`${caller}: options must be an object; got ${describe(value)}.`);
	}
	const result = schema.safeParse(value ?? {});
	if (result.success) return result.data;
	const issue = result.error.issues[0]!;
	throw new TypeError(`${caller}: ${describeIssue(issue, value, schema)}.`);
}

function describeIssue(issue: z.core.$ZodIssue, root: unknown, schema: z.ZodType): string {
	const path = ['options', ...issue.path.map(String)].join('.');
	if (issue.code === 'unrecognized_keys') {
		const keys = issue.keys.map((key) => `"${key}"`).join(', ');
		const known = knownKeys(schema, issue.path);
		return `${path} has no option ${keys}${known ? ` (expected one of: ${known})` : ''}`;
	}
	const given = valueAt(root, issue.path);
	const expected = issue.message.replace(/^Invalid input: /, '').replace(/, received \w+$/, '');
	return `${path}: ${expected.charAt(0).toLowerCase()}${expected.slice(1)}; got ${describe(given)}`;
}

/** The keys an object schema accepts at `path`, to list them next to an unknown one. */
function knownKeys(schema: z.ZodType, path: PropertyKey[]): string | undefined {
	let current: z.ZodType | undefined = schema;
	for (const key of path) {
		current = objectShape(current)?.[String(key)];
	}
	const shape = objectShape(current);
	return shape ? Object.keys(shape).join(', ') : undefined;
}

function objectShape(schema: z.ZodType | undefined): Record<string, z.ZodType> | undefined {
	let current = schema;
	while (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
	return current instanceof z.ZodObject ? (current.shape as Record<string, z.ZodType>) : undefined;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
	let value = root;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}

/** A value as a short phrase for an error message: `number (0)`, `string ("x")`, `null`. */
export function describe(value: unknown): string {
	if (value === null) return 'null';
	if (value === undefined) return 'undefined';
	if (Array.isArray(value)) return `an array of ${value.length}`;
	if (value instanceof Date) return `a Date (${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
	switch (typeof value) {
		case 'string':
			return `string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
		case 'number':
		case 'boolean':
		case 'bigint':
			return `${typeof value} (${String(value)})`;
		case 'function':
			return 'a function';
		default:
			return `${(value as object).constructor?.name ?? 'an object'}`;
	}
}
