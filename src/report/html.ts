import {createHash} from 'node:crypto';
import {Given, invalidArgument} from '../arguments.js';
import {RETURN_REASON_CODES, RETURN_REASONS, type ReturnReason} from '../reasons.js';
import {SCRIPT, STYLE} from './html-assets.js';
import {MARK_COLOURS, overlaySvg} from './overlay.js';
import {type CheckResult, type PhotoReport, photoReportSchema, type Status, type Verdict} from './schema.js';

export interface HtmlOptions {
	/** The page's heading; default "Photo requirements report". */
	title?: string;
	/** When the reports were made, shown under the heading (omitted by default, so output is reproducible). */
	generated?: Date;
}

const VERDICTS: readonly Verdict[] = ['return', 'review', 'accept'];

const VERDICT_WORDS: Record<Verdict, {label: string; meaning: string}> = {
	return: {label: 'Return', meaning: 'the portal would return it'},
	review: {label: 'Review', meaning: 'a person should look at the warnings'},
	accept: {label: 'Accept', meaning: 'meets every requirement checked'},
};

/** Sort rank of a verdict: the worst first when sorted ascending. */
const VERDICT_RANK: Record<Verdict, number> = {return: 0, review: 1, accept: 2};

const STATUS_ORDER: readonly Status[] = ['fail', 'warn', 'pass', 'skip'];

/**
 * One self-contained HTML page for a batch of reports (in the order given): a summary of counts per
 * verdict and per portal reason, a table that sorts and filters by verdict and reason, and per photo
 * the annotated thumbnail, the verdict and every check grouped by the portal's reasons. No external
 * asset, no network: pictures are the reports' data URLs, loaded as each photo scrolls into view.
 */
export function renderHtml(reports: readonly PhotoReport[], options: HtmlOptions = {}): string {
	if (!Array.isArray(reports)) throw invalidArgument('renderHtml()', 'reports', 'an array of PhotoReport', reports);
	// Checked against the contract, so every value written unescaped (verdicts, statuses, reason codes) is one of its enums.
	reports.forEach((report, i) => {
		const parsed = photoReportSchema.safeParse(report);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw invalidArgument(
				'renderHtml()',
				`reports[${i}]`,
				'a PhotoReport',
				new Given(issue ? `a report whose ${issue.path.join('.') || 'root'} is wrong (${issue.message})` : 'an invalid report'),
			);
		}
	});
	const title = options.title ?? 'Photo requirements report';
	const profiles = [...new Set(reports.map((report) => report.profile))];
	const csp = [
		"default-src 'none'",
		'img-src data:',
		`style-src '${sha256(STYLE)}'`,
		`script-src '${sha256(SCRIPT)}'`,
		"base-uri 'none'",
		"form-action 'none'",
	].join('; ');
	const meta = [
		`${reports.length} ${reports.length === 1 ? 'photo' : 'photos'}`,
		profiles.length > 0 ? `profile ${profiles.join(', ')}` : undefined,
		options.generated ? `made ${options.generated.toISOString().slice(0, 16).replace('T', ' ')} UTC` : undefined,
	].filter(Boolean);

	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(meta.join(' · '))}</p>
${summary(reports)}
${index(reports)}
<div id="cards">
${reports.map((report, i) => card(report, i)).join('\n')}
</div>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function summary(reports: readonly PhotoReport[]): string {
	const tiles = VERDICTS.map((verdict) => {
		const count = reports.filter((report) => report.verdict === verdict).length;
		return `<button type="button" class="tile v-${verdict}" data-set-verdict="${verdict}" data-count="${count}"><b>${count}</b>${VERDICT_WORDS[verdict].label}<br><small>${VERDICT_WORDS[verdict].meaning}</small></button>`;
	});
	const rows = RETURN_REASON_CODES.map((reason) => {
		const returned = reports.filter((report) => report.reasons.includes(reason)).length;
		const review = reports.filter((report) => !report.reasons.includes(reason) && flags(report).includes(reason)).length;
		return `<tr data-reason="${reason}"><td><button type="button" class="link" data-set-reason="${reason}">${escapeHtml(RETURN_REASONS[reason])}</button></td><td><code>${reason}</code></td><td class="num" data-returned="${returned}">${returned}</td><td class="num" data-review="${review}">${review}</td></tr>`;
	});
	return `<section class="block" id="summary">
<h2>Summary</h2>
<div class="tiles">${tiles.join('')}</div>
<table class="reason-counts"><thead><tr><th>The portal's reason</th><th>Code</th><th>Photos returned for it</th><th>Photos with a warning only</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>
${legend()}
</section>`;
}

function legend(): string {
	const items: [string, string][] = [
		[MARK_COLOURS.face, 'face'],
		[MARK_COLOURS.eye, 'eyes'],
		[MARK_COLOURS.eyeLine, 'eye line'],
		[MARK_COLOURS.chinCrown, 'chin and crown'],
		['#1fb5a8', 'band where the chin must be for a 44–51 % head (red when the head size fails)'],
		[MARK_COLOURS.centre, 'middle of the photo (dashed) and of the face'],
		['#e5484d', 'background region (red where the background check fails)'],
		[MARK_COLOURS.glare, 'glare'],
	];
	const swatch = (colour: string): string => `<svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="2" fill="${colour}"/></svg>`;
	return `<ul class="legend">${items.map(([colour, words]) => `<li>${swatch(colour)}${escapeHtml(words)}</li>`).join('')}</ul>`;
}

function index(reports: readonly PhotoReport[]): string {
	const verdictOptions = VERDICTS.map((verdict) => `<option value="${verdict}">${VERDICT_WORDS[verdict].label}</option>`).join('');
	const reasonOptions = RETURN_REASON_CODES.map((reason) => `<option value="${reason}">${escapeHtml(RETURN_REASONS[reason])}</option>`).join('');
	const rows = reports.map((report, i) => {
		const name = fileName(report, i);
		const problems = report.checks.filter((check) => check.status === 'fail' || check.status === 'warn');
		return (
			`<tr data-i="${i}" data-verdict="${report.verdict}" data-flags="${flags(report).join(' ')}" data-file="${escapeHtml(name.toLowerCase())}" data-rank="${VERDICT_RANK[report.verdict]}" data-nreasons="${report.reasons.length}">` +
			`<td class="num">${i + 1}</td><td><a href="#p-${i}">${escapeHtml(name)}</a></td><td><span class="badge v-${report.verdict}">${VERDICT_WORDS[report.verdict].label}</span></td>` +
			`<td>${report.reasons.map((reason) => escapeHtml(RETURN_REASONS[reason])).join('<br>')}</td>` +
			`<td class="flags">${problems.map((check) => `${check.status === 'fail' ? '✗' : '!'} ${escapeHtml(check.id)}`).join(', ')}</td></tr>`
		);
	});
	return `<section class="block" id="index">
<h2>Photos</h2>
<div class="controls">
<label>Verdict <select id="f-verdict"><option value="">all</option>${verdictOptions}</select></label>
<label>Reason <select id="f-reason"><option value="">all</option>${reasonOptions}</select></label>
<span id="shown" aria-live="polite">Showing all ${reports.length} photos</span>
</div>
<table class="photos"><thead><tr><th><button type="button" data-sort="index">#</button></th><th><button type="button" data-sort="file">File</button></th><th><button type="button" data-sort="verdict">Verdict</button></th><th><button type="button" data-sort="reasons">The portal's reasons</button></th><th>Failed (✗) and warned (!) checks</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
</section>`;
}

function card(report: PhotoReport, i: number): string {
	const name = fileName(report, i);
	const svg = overlaySvg(report, {idPrefix: `p${i}`, photo: true, lazy: true});
	const picture =
		svg && report.annotations?.thumbnail
			? svg
			: `<div class="nopic">${report.annotations ? 'No picture: the photo could not be decoded.' : 'No picture: the report was made without annotations.'}</div>`;
	const facts = [
		report.image
			? `${escapeHtml(report.image.format.toUpperCase())} · ${report.image.width} × ${report.image.height} px · ${megabytes(report.image.bytes)}`
			: undefined,
		report.face
			? `head ${(report.face.headHeightRatio * 100).toFixed(1)} % of the height · face centre at ${(report.face.centreX * 100).toFixed(1)} % of the width`
			: undefined,
	].filter(Boolean);
	const reasons =
		report.reasons.length > 0 ? `<ul class="reasons">${report.reasons.map((reason) => `<li>${escapeHtml(RETURN_REASONS[reason])}</li>`).join('')}</ul>` : '';
	return `<article class="card" id="p-${i}" data-i="${i}" data-verdict="${report.verdict}" data-flags="${flags(report).join(' ')}">
<header><h2>${i + 1}. ${escapeHtml(name)}</h2><span class="badge v-${report.verdict}">${VERDICT_WORDS[report.verdict].label}</span><span class="meaning">${VERDICT_WORDS[report.verdict].meaning}</span></header>
${reasons}
<div class="body"><figure>${picture}<figcaption>${facts.join('<br>')}</figcaption></figure>
${groups(report.checks)}</div>
</article>`;
}

/** The checks under each portal reason, in the portal's order; a group's status is its worst check's. */
function groups(checks: readonly CheckResult[]): string {
	const bodies = RETURN_REASON_CODES.map((reason) => {
		const members = checks.filter((check) => check.reason === reason);
		if (members.length === 0) return '';
		const status = STATUS_ORDER.find((candidate) => members.some((check) => check.status === candidate)) ?? 'skip';
		const rows = members.map(
			(check) =>
				`<tr data-check="${escapeHtml(check.id)}" data-status="${check.status}">` +
				`<td><span class="badge st-${check.status}">${check.status}</span></td>` +
				`<td><div class="id">${escapeHtml(check.id)}</div><div class="req">${escapeHtml(check.requirement)}</div></td>` +
				`<td class="message">${escapeHtml(check.message)}</td>` +
				`<td>${keyValues(check.measured)}</td><td>${keyValues(check.limits)}</td></tr>`,
		);
		return `<tbody class="group" data-reason="${reason}" data-status="${status}"><tr class="group-head"><th colspan="5"><span class="badge st-${status}">${status}</span> ${escapeHtml(RETURN_REASONS[reason])} <code>${reason}</code></th></tr>${rows.join('')}</tbody>`;
	});
	return `<table class="checks"><thead><tr><th>Status</th><th>Check</th><th>What was found</th><th>Measured</th><th>Limits</th></tr></thead>${bodies.join('')}</table>`;
}

function keyValues(values: Record<string, number | string | boolean> | undefined): string {
	if (!values || Object.keys(values).length === 0) return '';
	return `<ul class="kv">${Object.entries(values)
		.map(([key, value]) => `<li><span>${escapeHtml(key)}:</span> ${escapeHtml(figure(value))}</li>`)
		.join('')}</ul>`;
}

/** At most four decimals: 0.44285714285714 reads as 0.4429. */
function figure(value: number | string | boolean): string {
	return typeof value === 'number' && !Number.isInteger(value) ? String(Number(value.toFixed(4))) : String(value);
}

/** The reasons a photo was returned for or warned under: what the reason filter matches. */
function flags(report: PhotoReport): ReturnReason[] {
	const flagged = new Set(report.checks.filter((check) => check.status === 'fail' || check.status === 'warn').map((check) => check.reason));
	return RETURN_REASON_CODES.filter((reason) => flagged.has(reason));
}

function fileName(report: PhotoReport, i: number): string {
	return report.source ?? `photo ${i + 1}`;
}

function megabytes(bytes: number): string {
	return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${Math.round(bytes / 1e3)} kB`;
}

/** Text or attribute value into HTML: the five characters that can end either. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function sha256(text: string): string {
	return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
