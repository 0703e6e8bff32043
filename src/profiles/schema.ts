import {z} from 'zod';
import type {AnyCheck, LimitOrder} from '../checks/define.js';
import {CHECK_IDS, checks, type LimitGroups} from '../checks/registry.js';
import {decodeLimitsSchema} from '../input/limits.js';

/** Every threshold group by its key: each check's own, and the decoder's. */
const groups = {
	...(Object.fromEntries(Object.values(checks).flatMap((check: AnyCheck) => (check.limits ? [[check.limits.group, check.limits.schema]] : []))) as LimitGroups),
	decode: decodeLimitsSchema,
};

type GroupKey = keyof typeof groups;
const GROUP_KEYS = Object.keys(groups) as [GroupKey, ...GroupKey[]];

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

export const profileSchema = z
	.object({
		id: z.string().regex(/^[a-z\d]+(?:-[a-z\d]+)*$/, 'a kebab-case profile id'),
		title: z.string().min(1),
		/** Changes whenever a threshold or a check changes: reports carry it, so that an audit knows which rules judged a photo. */
		version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a semantic version such as "1.0.0"'),
		/** The checks this profile runs, in report order. */
		checks: z.array(z.enum(CHECK_IDS)).min(1),
		/** For each threshold group, its source and the date it was checked. */
		sources: z.object(Object.fromEntries(GROUP_KEYS.map((key) => [key, limitSourceSchema])) as Record<GroupKey, typeof limitSourceSchema>).strict(),
		...groups,
	})
	.strict()
	.superRefine((profile, context) => {
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
