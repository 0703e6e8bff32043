import {RETURN_REASONS} from '../reasons.js';
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
	/** The heading; default the report's source. */
	title?: string;
}

/**
 * A report for a person: the verdict, the portal's reasons in its words, then each failed or
 * warned check with what was found.
 */
export function formatReport(report: PhotoReport, options: FormatOptions = {}): string {
	const title = options.title ?? report.source ?? 'photo';
	const lines = [`${title}: ${verdictWords[report.verdict]}`];
	for (const reason of report.reasons) lines.push(`  ${RETURN_REASONS[reason]}`);
	const shown = report.checks.filter((check) => options.all || check.status === 'fail' || check.status === 'warn');
	for (const check of shown) lines.push(`  ${marks[check.status]} ${check.id}: ${check.message}`);
	return lines.join('\n');
}
