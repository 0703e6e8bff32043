import {reasonWords} from '../profiles/index.js';
import type {PhotoReport, Status} from './schema.js';

const marks: Record<Status, string> = {fail: '✗', warn: '!', pass: '✓', skip: '-'};

const verdictWords = {
	accept: 'ACCEPT: meets every requirement checked',
	review: 'REVIEW: a person should look at the warnings',
	return: 'RETURN: the portal would return this photo',
} as const;

export interface FormatOptions {
	/** Also list the checks that passed or were skipped. */
	all?: boolean;
	/** ANSI colours for a terminal: the verdict and each mark (see `useColour`). */
	colour?: boolean;
	/** The heading; default the report's source. */
	title?: string;
}

/**
 * A report for a person: the verdict, what to do in order, the portal's reasons in its words with
 * the checks behind each, then each failed or warned check with what was found.
 */
export function formatReport(report: PhotoReport, options: FormatOptions = {}): string {
	const title = options.title ?? report.source ?? 'photo';
	const colour = options.colour === true;
	const lines = [`${colour ? `\x1b[1m${title}\x1b[22m` : title}: ${paint(colour, report.verdict, verdictWords[report.verdict])}`];
	// What to do first, then the portal's words, each with the checks behind it (so "It does not meet
	// the photo requirements." says which).
	if (report.advice.length > 0) {
		lines.push(report.advice.length === 1 ? '  What to do:' : '  What to do, in this order:');
		for (const [i, advice] of report.advice.entries()) lines.push(`    ${report.advice.length === 1 ? '-' : `${i + 1}.`} ${advice.text}`);
	}
	if (report.reasons.length > 0) lines.push('  Why it would be returned:');
	for (const reason of report.reasons) {
		const behind = report.checks.filter((check) => check.status === 'fail' && check.reason === reason).map((check) => check.id);
		lines.push(`    ${reasonWords(report.profile, reason)} (${behind.join(', ')})`);
	}
	if (report.advice.length > 0 || report.reasons.length > 0) lines.push('  What was found:');
	const shown = report.checks.filter((check) => options.all || check.status === 'fail' || check.status === 'warn');
	for (const check of shown) lines.push(`    ${paint(colour, check.status, marks[check.status])} ${check.id}: ${check.message}`);
	return lines.join('\n');
}

/** SGR colours: red for what the portal returns, yellow for a person to look at, green for met. */
const COLOURS: Record<Status | PhotoReport['verdict'], number> = {fail: 31, return: 31, warn: 33, review: 33, pass: 32, accept: 32, skip: 2};

/** `text` in the colour of a status or verdict, when `colour` is on. */
export function paint(colour: boolean, tone: Status | PhotoReport['verdict'], text: string): string {
	return colour ? `\x1b[${COLOURS[tone]}m${text}\x1b[${tone === 'skip' ? 22 : 39}m` : text;
}

/**
 * Whether to colour what goes to `stream`: FORCE_COLOR wins (0 turns colour off), then NO_COLOR
 * and TERM=dumb (which Node's `hasColors()` reads), then whether it is a terminal at all.
 */
export function useColour(
	stream: {isTTY?: boolean; hasColors?: () => boolean},
	env: Record<string, string | undefined> = globalThis.process?.env ?? {},
): boolean {
	const force = env.FORCE_COLOR;
	if (force !== undefined) return force !== '0' && force !== 'false';
	if (env.NO_COLOR) return false;
	return stream.isTTY === true && (stream.hasColors?.() ?? false);
}
