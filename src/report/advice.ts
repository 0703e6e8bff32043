import type {Fix} from '../checks/define.js';
import type {Advice, CheckResult, FixAction, SuggestedCrop} from './schema.js';
import {CROP_FIXES} from './suggested-crop.js';

/** What each action's sentence starts with; a fix's `how` completes it. */
const LEADS: Record<Exclude<FixAction, 'crop'>, string> = {
	retake: 'Retake the photo',
	're-export': 'Export the photo again',
};

const ORDER: readonly FixAction[] = ['retake', 're-export', 'crop'];

/**
 * What to do about the failed and warned checks, in the order to do it: retake (which makes a
 * crop of this photo moot), then export again, then crop. One entry per action, naming the checks it
 * answers; so nothing contradicts: a framing fix goes into the retake or the new export when there is
 * one (a crop would only shrink a photo too small already), and into the suggested crop otherwise.
 */
export function adviceOf(checks: readonly CheckResult[], fixes: ReadonlyMap<string, Fix>, crop?: SuggestedCrop): Advice[] {
	const pending = checks.flatMap((check) => {
		const fix = fixes.get(check.id);
		return fix && (check.status === 'fail' || check.status === 'warn') ? [{id: check.id, fix}] : [];
	});
	const retaking = pending.some(({fix}) => fix.action === 'retake');
	const cropping = crop !== undefined && !retaking;
	const entries = new Map<FixAction, {checks: string[]; hows: string[]}>();
	const add = (action: FixAction, id: string, how?: string): void => {
		const entry = entries.get(action) ?? {checks: [], hows: []};
		entry.checks.push(id);
		if (how !== undefined && !entry.hows.includes(how)) entry.hows.push(how);
		entries.set(action, entry);
	};
	for (const {id, fix} of pending) {
		if (cropping && crop.fixes.includes(id)) add('crop', id);
		else if (fix.action !== 'crop') add(fix.action, id, fix.how);
	}
	// Framing a crop cannot fix (the head cut, too small to enlarge) goes to the new photo or the new export.
	const framingTo: FixAction = retaking || !entries.has('re-export') ? 'retake' : 're-export';
	for (const {id, fix} of pending) {
		if (fix.action === 'crop' && !(cropping && crop.fixes.includes(id))) add(framingTo, id, fix.how);
	}
	return ORDER.flatMap((action) => {
		const entry = entries.get(action);
		if (!entry) return [];
		const lead = action === 're-export' && retaking ? 'Export the new photo' : LEADS[action as Exclude<FixAction, 'crop'>];
		const text =
			action === 'crop' && crop
				? `Crop the photo to the suggested ${crop.width} × ${crop.height} pixels from (${crop.x}, ${crop.y})${crop.resizeTo ? `, then scale it to ${crop.resizeTo.width} × ${crop.resizeTo.height}` : ''}: that fixes ${list(entry.checks.map((id) => CROP_FIXES[id] ?? id))}.`
				: `${lead} ${entry.hows.join('; ')}.`;
		return [{action, text, checks: entry.checks}];
	});
}

function list(words: readonly string[]): string {
	return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
