import {z} from 'zod';
import type {AnyCheck, LimitOrder} from '../checks/define.js';
import {CHECK_IDS, checks, type LimitGroups} from '../checks/registry.js';
import {decodeLimitsSchema} from '../input/limits.js';
import {RETURN_REASON_CODES} from '../reasons.js';

/** Every threshold group by its key: each check's own, and the decoder's. */
const groups = {
	...(Object.fromEntries(Object.values(checks).flatMap((check: AnyCheck) => (check.limits ? [[check.limits.group, check.limits.schema]] : []))) as LimitGroups),
	decode: decodeLimitsSchema,
};

type GroupKey = keyof typeof groups;
const GROUP_KEYS = Object.keys(groups) as [GroupKey, ...GroupKey[]];
/** The checks' groups, each present only in a profile that runs a check reading it. */
type CheckGroupKey = Exclude<GroupKey, 'decode'>;
const CHECK_GROUP_KEYS = GROUP_KEYS.filter((key): key is CheckGroupKey => key !== 'decode');

/** Where a group's thresholds come from, and when they were last checked against it. */
export const limitSourceSchema = z
	.object({
		/** IRCC's words, a standard, or the calibration that set the values. */
		source: z.string().min(1),
		/** The day the values were last checked against that source (YYYY-MM-DD). */
		checked: z.iso.date(),
	})
	.strict();

/** Every pair of limits that must stay in order, as paths from the profile: `[['sharpness', 'warnBlur'], ['sharpness', 'maxBlur']]`. */
const ORDERS: ReadonlyArray<readonly [string, LimitOrder]> = Object.values(checks).flatMap((check: AnyCheck) => {
	const limits = check.limits;
	return limits ? (limits.order ?? []).map((pair) => [limits.group, pair] as const) : [];
});

function limitAt(group: Record<string, unknown>, path: string): number | undefined {
	const [key = '', index] = path.split('.');
	const value = group[key];
	const picked = index === undefined ? value : Array.isArray(value) ? value[Number(index)] : undefined;
	return typeof picked === 'number' ? picked : undefined;
}

/** A page a profile's rules were read from. */
export const referenceSchema = z
	.object({
		title: z.string().min(1),
		url: z.url(),
		/** The day the page was last read (YYYY-MM-DD). */
		checked: z.iso.date(),
		/** Whose page it is and how far it was verified, when it is not the document's own official page. */
		note: z.string().min(1).optional(),
	})
	.strict();

/** The groups a profile's checks need: each check's own, and the decoder's, which every photo needs. */
function neededGroups(checkIds: readonly string[]): Set<string> {
	const needed = new Set<string>(['decode']);
	for (const id of checkIds) {
		const group = (checks as Record<string, AnyCheck>)[id]?.limits?.group;
		if (group) needed.add(group);
	}
	return needed;
}

export const profileSchema = z
	.object({
		id: z.string().regex(/^[a-z\d]+(?:-[a-z\d]+)*$/, 'a kebab-case profile id'),
		title: z.string().min(1),
		/** Changes whenever a threshold or a check changes: reports carry it, so that an audit knows which rules judged a photo. */
		version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a semantic version such as "1.0.0"'),
		/** The pages the rules were read from. */
		references: z.array(referenceSchema).min(1),
		/** The checks this profile runs, in report order: a requirement the document does not have is not among them. */
		checks: z.array(z.enum(CHECK_IDS)).min(1),
		/** How the document's process words each return reason (the PR Portal's own words for the PR card). */
		reasons: z
			.object(Object.fromEntries(RETURN_REASON_CODES.map((code) => [code, z.string().min(1)])) as Record<(typeof RETURN_REASON_CODES)[number], z.ZodString>)
			.strict(),
		/** Whether `report.suggestedCrop` may be offered: false where the document forbids any change to the digital photo. */
		suggestCrop: z.boolean(),
		/** For each threshold group the profile has, its source and the date it was checked. */
		sources: z
			.object(Object.fromEntries(GROUP_KEYS.map((key) => [key, limitSourceSchema.optional()])) as Record<GroupKey, z.ZodOptional<typeof limitSourceSchema>>)
			.strict(),
		...(Object.fromEntries(CHECK_GROUP_KEYS.map((key) => [key, groups[key].optional()])) as {[K in CheckGroupKey]: z.ZodOptional<(typeof groups)[K]>}),
		decode: decodeLimitsSchema,
	})
	.strict()
	.superRefine((profile, context) => {
		// A group for every check listed (and none without one), each with its source.
		const needed = neededGroups(profile.checks);
		const record = profile as unknown as Record<string, unknown>;
		for (const key of GROUP_KEYS) {
			const present = record[key] !== undefined;
			if (needed.has(key) && !present)
				context.addIssue({code: 'custom', path: [key], message: `the thresholds of ${key}, which a check of this profile needs`});
			if (!needed.has(key) && present) context.addIssue({code: 'custom', path: [key], message: `no check of this profile reads ${key}: leave it out`});
			if (present && !profile.sources[key])
				context.addIssue({code: 'custom', path: ['sources', key], message: `the source of ${key} and the date it was checked`});
		}
		// One rule for every check: a warning threshold on the safe side of its failure threshold, a range's ends in order.
		for (const [group, [lower, upper]] of ORDERS) {
			const limits = (profile as unknown as Record<string, Record<string, unknown>>)[group] ?? {};
			const low = limitAt(limits, lower);
			const high = limitAt(limits, upper);
			if (low !== undefined && high !== undefined && low > high) {
				context.addIssue({
					code: 'custom',
					path: [group, ...lower.split('.')],
					message: `at most ${group}.${upper} (${high}), ${/^warn|^dark/.test(lower) || /^warn/.test(upper) ? 'a warning threshold must sit on the safe side of its failure threshold' : 'the low end of a range below its high end'}`,
				});
			}
		}
	});

export type Profile = z.infer<typeof profileSchema>;

/** What `options.overrides` may change: any threshold, group by group; not the id, version or check list. */
export const profileOverridesSchema = z
	.object(Object.fromEntries(GROUP_KEYS.map((key) => [key, groups[key].partial()])) as {[K in GroupKey]: ReturnType<(typeof groups)[K]['partial']>})
	.partial()
	.strict();

export type ProfileOverrides = z.infer<typeof profileOverridesSchema>;
