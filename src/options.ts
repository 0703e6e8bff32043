import {z} from 'zod';
import {Given, invalidArgument, quoted} from './arguments.js';
import {CHECK_IDS} from './checks/registry.js';
import {profileOverridesSchema, profileSchema} from './profiles/schema.js';

/** The longest timeout Node's timers hold (2³¹ − 1 ms, about 24.8 days): a longer one fires at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** The longest side of an annotated report's picture, by default and at the extremes. */
export const DEFAULT_PICTURE_SIZE = 480;
export const MIN_PICTURE_SIZE = 64;
export const MAX_PICTURE_SIZE = 4096;

/** The most photos in flight a batch accepts; fewer workers start when there are fewer photos or less free memory. */
export const MAX_CONCURRENCY = 256;

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
		/**
		 * Add `report.annotations` (a picture of the photo, the background mask, glare spots) for pictures
		 * of the result: `true` for a 480-pixel picture, `{pictureSize}` for another longest side (64–4096;
		 * never larger than the photo as analysed).
		 */
		annotate: z.union([z.boolean(), z.object({pictureSize: z.number().int().min(MIN_PICTURE_SIZE).max(MAX_PICTURE_SIZE)}).strict()]).optional(),
		/** The date a photo's age is measured against (default: now). */
		now: z.date().optional(),
	})
	.strict();

/** Where a batch or a validator runs its photos; `true` is `'threads'`. */
export const workersOption = z.union([z.boolean(), z.enum(['threads', 'processes'])]).optional();

export type WorkerKind = 'threads' | 'processes' | false;

/** The `workers` option as a kind: worker threads unless told otherwise. */
export function workerKind(option: z.output<typeof workersOption>): WorkerKind {
	return option === undefined || option === true ? 'threads' : option;
}

export const validateManyOptionsSchema = validateOptionsSchema
	.omit({name: true})
	.extend({
		/** Photos validated at once, one per worker thread (default: the cores, as far as free memory allows one worker per ~200 MB). */
		concurrency: z.number().int().min(1).max(MAX_CONCURRENCY).optional(),
		/** Run on worker threads (true or 'threads', the default) or worker processes ('processes'); false runs in this thread, `concurrency` photos interleaved. */
		workers: workersOption,
		/** A photo still running this many milliseconds after it started gets a report saying so (default 60,000; at most 2³¹ − 1, Node's timer limit). */
		timeoutMs: z.number().int().min(1).max(MAX_TIMEOUT_MS).optional(),
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
/** What `options.annotate` asks for. */
export type AnnotateOption = NonNullable<z.output<typeof validateOptionsSchema>['annotate']>;
export type ValidateManyOptions = z.input<typeof validateManyOptionsSchema>;

/**
 * Parse options or throw a TypeError that names the option, what was expected and what was given:
 * a wrong option is a programmer error, unlike a bad photo.
 */
export function parseOptions<T extends z.ZodType>(schema: T, value: unknown, caller: string): z.output<T> {
	if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
		throw invalidArgument(caller, 'options', 'an object', value);
	}
	const result = schema.safeParse(value ?? {});
	if (result.success) return result.data;
	throw issueError(caller, result.error.issues[0]!, value, schema);
}

/** The TypeError for the first zod issue of an option (or of an override, with `root` the overrides and `prefix` their name). */
export function issueError(caller: string, issue: z.core.$ZodIssue, root: unknown, schema: z.ZodType, prefix = 'options'): TypeError {
	const path = [prefix, ...issue.path.map(String)].join('.');
	if (issue.code === 'unrecognized_keys') {
		const known = knownKeys(schema, issue.path);
		return invalidArgument(
			caller,
			path,
			`an object with only the keys ${known ?? 'it documents'}`,
			new Given(`the key${issue.keys.length === 1 ? '' : 's'} ${quoted(issue.keys)}`),
		);
	}
	return invalidArgument(caller, path, expectation(issue), valueAt(root, issue.path));
}

/** What a zod issue expected, worded to follow "must be": `a number above 0`, `one of "a", "b"`. */
function expectation(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type': {
			const name = issue.expected === 'int' ? 'integer' : issue.expected;
			return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
		}
		case 'too_small':
			return `${issue.origin === 'number' ? 'a number ' : ''}${issue.inclusive ? 'at least' : 'above'} ${String(issue.minimum)}${issue.origin === 'array' ? ' long' : ''}`;
		case 'too_big':
			return `${issue.origin === 'number' ? 'a number ' : ''}${issue.inclusive ? 'at most' : 'below'} ${String(issue.maximum)}${issue.origin === 'array' ? ' long' : ''}`;
		case 'invalid_value':
			return `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
		case 'not_multiple_of':
			return `a multiple of ${String(issue.divisor)}`;
		case 'invalid_format':
			return `a ${issue.format}`;
		default:
			// Custom refinements word their message as an expectation ("at most sharpness.maxBlur (0.54)").
			return issue.message.replace(/^Invalid input: /, '');
	}
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
