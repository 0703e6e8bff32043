import type {Fix} from '../checks/define.js';
import type {Advice, CheckResult, FixAction, SuggestedCrop} from './schema.js';
import {CROP_FIXES} from './suggested-crop.js';

/** What each action's sentence starts with; a fix's `how` completes it. */
const LEADS: Record<Exclude<FixAction, 'crop'>, string> = {
	retake: 'Retake the photo',
	're-export': 'Export the photo again',
};

const ORDER: readonly FixAction[] = ['retake', 're-export', 'crop'];

interface Pending {
	id: string;
	fix: Fix;
}

/** The checks each action answers, and the `how`s of their fixes (each once). */
type Plan = Map<FixAction, {checks: string[]; hows: string[]}>;

/**
 * What to do about the failed and warned checks, in the order to do it: first the fixes of the
 * failed checks, one entry per action (retake, which makes a crop of this photo moot, then export
 * again, then crop), each naming its checks; then one `check` entry for the warned ones, which asks a
 * person to look and says what would fix each if it is not met: a warning is never an order, and
 * never comes before a fix. Nothing contradicts: a framing fix goes into the retake or the new export
 * when there is one (a crop would only shrink a photo too small already), and into the suggested crop
 * otherwise.
 */
export function adviceOf(checks: readonly CheckResult[], fixes: ReadonlyMap<string, Fix>, crop?: SuggestedCrop): Advice[] {
	const pending = (status: CheckResult['status']): Pending[] =>
		checks.flatMap((check) => {
			const fix = fixes.get(check.id);
			return fix && check.status === status ? [{id: check.id, fix}] : [];
		});
	const failed = pending('fail');
	const warned = pending('warn');
	const retaking = failed.some(({fix}) => fix.action === 'retake');
	const cropping = crop !== undefined && !retaking;
	const orders = plan(failed, crop, cropping, retaking, failed);
	// A new photo is taken when a fix asks for one, or framing no crop can fix goes to one.
	const renewing = orders.has('retake');
	// A crop advised for a failure fixes the warned framing it names as well: no need to look at that.
	const cropped = orders.has('crop') ? warned.filter(({id}) => crop?.fixes.includes(id)) : [];
	const cropEntry = orders.get('crop');
	if (cropEntry) cropEntry.checks = (crop?.fixes ?? []).filter((id) => cropEntry.checks.includes(id) || cropped.some((item) => item.id === id));
	const doubts = plan(
		warned.filter((item) => !cropped.includes(item)),
		crop,
		cropping,
		renewing || warned.some(({fix}) => fix.action === 'retake'),
		[...failed, ...warned],
	);
	const advice = ORDER.flatMap((action) => {
		const entry = orders.get(action);
		if (!entry) return [];
		const lead = action === 're-export' && renewing ? 'Export the new photo' : LEADS[action as Exclude<FixAction, 'crop'>];
		const text =
			action === 'crop' && crop
				? `${cropWords(crop)}: that fixes ${list(entry.checks.map((id) => CROP_FIXES[id] ?? id))}.`
				: `${lead} ${entry.hows.join('; ')}.`;
		return [{action, text, checks: entry.checks}];
	});
	const looked = ORDER.flatMap((action) => (doubts.has(action) ? [[action, doubts.get(action)!] as const] : []));
	if (looked.length === 0) return advice;
	// The warned checks in the report's order, and in it within each clause.
	const rank = (id: string): number => checks.findIndex((check) => check.id === id);
	for (const [, entry] of looked) entry.checks.sort((a, b) => rank(a) - rank(b));
	const ids = looked.flatMap(([, entry]) => entry.checks).sort((a, b) => rank(a) - rank(b));
	// What would fix each warned check, if a person finds it not met: a new photo's words when one is being taken anyway.
	const clauses = looked.map(([action, entry]) => {
		const words =
			action === 'crop' && crop
				? lowerFirst(cropWords(crop))
				: `${action === 'retake' ? (renewing ? 'take the new photo' : 'retake the photo') : renewing ? 'export the new photo' : 'export the photo again'} ${entry.hows.join('; ')}`;
		return looked.length > 1 ? `for ${list(entry.checks)}, ${words}` : words;
	});
	const text = `Check ${list(ids)} (to look at): if a person finds ${ids.length === 1 ? 'it' : 'one'} not met, ${clauses.join('; ')}.`;
	return [...advice, {action: 'check', text, checks: ids}];
}

/**
 * Which action answers each of these checks: its own, or, for framing, the crop when one is suggested
 * and nothing is retaken, else the retake or the new export (`among` says whether there is one).
 */
function plan(pending: readonly Pending[], crop: SuggestedCrop | undefined, cropping: boolean, retaking: boolean, among: readonly Pending[]): Plan {
	const entries: Plan = new Map();
	const add = (action: FixAction, id: string, how?: string): void => {
		const entry = entries.get(action) ?? {checks: [], hows: []};
		entry.checks.push(id);
		if (how !== undefined && !entry.hows.includes(how)) entry.hows.push(how);
		entries.set(action, entry);
	};
	for (const {id, fix} of pending) {
		if (cropping && crop?.fixes.includes(id)) add('crop', id);
		else if (fix.action !== 'crop') add(fix.action, id, fix.how);
	}
	// Framing a crop cannot fix (the head cut, too small to enlarge) goes to the new photo or the new export.
	const framingTo: FixAction = retaking || !among.some(({fix}) => fix.action === 're-export') ? 'retake' : 're-export';
	for (const {id, fix} of pending) {
		if (fix.action === 'crop' && !(cropping && crop?.fixes.includes(id))) add(framingTo, id, fix.how);
	}
	return entries;
}

function cropWords(crop: SuggestedCrop): string {
	return `Crop the photo to the suggested ${crop.width} × ${crop.height} pixels from (${crop.x}, ${crop.y})${crop.resizeTo ? `, then scale it to ${crop.resizeTo.width} × ${crop.resizeTo.height}` : ''}`;
}

function list(words: readonly string[]): string {
	return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}
