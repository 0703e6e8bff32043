import {createHash} from 'node:crypto';
import {Given, invalidArgument} from '../arguments.js';
import {reasonWords} from '../profiles/index.js';
import {RETURN_REASON_CODES, RETURN_REASONS, type ReturnReason} from '../reasons.js';
import {figureRows} from './figures.js';
import {SCRIPT, STYLE} from './html-assets.js';
import {HTML_MADE_BY_TAG} from './made-by.js';
import {MARK_COLOURS, overlaySvg, safeDataUrl} from './overlay.js';
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

/**
 * One self-contained HTML page for a batch of reports (in the order given): a summary of counts per
 * verdict and per portal reason, a table that sorts and filters by verdict and reason, and per photo
 * the annotated thumbnail, the verdict and every check grouped by the portal's reasons. No external
 * asset, no network: pictures are the reports' data URLs, loaded as each photo scrolls into view.
 */
export function renderHtml(given: readonly PhotoReport[], options: HtmlOptions = {}): string {
	if (!Array.isArray(given)) throw invalidArgument('renderHtml()', 'reports', 'an array of PhotoReport', given);
	// Checked against the contract, so every value written unescaped (verdicts, statuses, reason codes) is one of its enums;
	// a report from before `advice` existed reads as having none.
	const reports = given.map((report, i) => {
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
		return parsed.data;
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
${HTML_MADE_BY_TAG}
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

/** The words of the reasons for a batch: its profile's when the batch has one, else the PR Portal's. */
function batchWords(reports: readonly PhotoReport[]): (reason: ReturnReason) => string {
	const ids = [...new Set(reports.map((report) => report.profile))];
	return (reason) => (ids.length === 1 && ids[0] ? reasonWords(ids[0], reason) : RETURN_REASONS[reason]);
}

function summary(reports: readonly PhotoReport[]): string {
	const words = batchWords(reports);
	const tiles = VERDICTS.map((verdict) => {
		const count = reports.filter((report) => report.verdict === verdict).length;
		return `<button type="button" class="tile v-${verdict}" data-set-verdict="${verdict}" data-count="${count}"><b>${count}</b>${VERDICT_WORDS[verdict].label}<br><small>${VERDICT_WORDS[verdict].meaning}</small></button>`;
	});
	const rows = RETURN_REASON_CODES.map((reason) => {
		const returned = reports.filter((report) => report.reasons.includes(reason)).length;
		const review = reports.filter((report) => !report.reasons.includes(reason) && flags(report).includes(reason)).length;
		return `<tr data-reason="${reason}"><td><button type="button" class="link" data-set-reason="${reason}">${escapeHtml(words(reason))}</button></td><td><code>${reason}</code></td><td class="num" data-returned="${returned}">${returned}</td><td class="num" data-review="${review}">${review}</td></tr>`;
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
		['#1fb5a8', 'band where the chin must be for the head size the profile asks (PR card: 44.3–51.4 % of the height; red when the head size fails)'],
		[MARK_COLOURS.centre, 'middle of the photo (dashed) and of the face'],
		[MARK_COLOURS.background, 'outline of the background region (red where the background check fails, teal where it passes)'],
		[MARK_COLOURS.glare, 'glare'],
		[MARK_COLOURS.crop, 'suggested crop (dashed)'],
	];
	const swatch = (colour: string): string => `<svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="2" fill="${colour}"/></svg>`;
	return `<ul class="legend">${items.map(([colour, words]) => `<li>${swatch(colour)}${escapeHtml(words)}</li>`).join('')}</ul>`;
}

function index(reports: readonly PhotoReport[]): string {
	const words = batchWords(reports);
	const verdictOptions = VERDICTS.map((verdict) => `<option value="${verdict}">${VERDICT_WORDS[verdict].label}</option>`).join('');
	const reasonOptions = RETURN_REASON_CODES.map((reason) => `<option value="${reason}">${escapeHtml(words(reason))}</option>`).join('');
	const rows = reports.map((report, i) => {
		const name = fileName(report, i);
		const problems = report.checks.filter((check) => check.status === 'fail' || check.status === 'warn');
		return (
			`<tr data-i="${i}" data-verdict="${report.verdict}" data-flags="${flags(report).join(' ')}" data-file="${escapeHtml(name.toLowerCase())}" data-rank="${VERDICT_RANK[report.verdict]}" data-nreasons="${report.reasons.length}">` +
			`<td class="num">${i + 1}</td><td><a href="#p-${i}">${escapeHtml(name)}</a></td><td><span class="badge v-${report.verdict}">${VERDICT_WORDS[report.verdict].label}</span></td>` +
			`<td>${report.reasons.map((reason) => escapeHtml(reasonWords(report.profile, reason))).join('<br>')}</td>` +
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
	const id = `p${i}`;
	const svg = overlaySvg(report, {idPrefix: id, photo: true, lazy: true});
	const thumbnail = report.annotations?.thumbnail;
	const picture =
		svg && thumbnail
			? `<div class="viewer">${svg}</div>${tools(report)}`
			: `<div class="nopic">${report.annotations ? 'No picture: the photo could not be decoded.' : 'No picture: the report was made without annotations.'}</div>`;
	const caption = [
		report.image
			? `${escapeHtml(report.image.format.toUpperCase())} · ${report.image.width} × ${report.image.height} px · ${megabytes(report.image.bytes)}`
			: undefined,
		svg && thumbnail ? `shown from a ${thumbnail.width} × ${thumbnail.height} px picture` : undefined,
	].filter(Boolean);
	return `<article class="card" id="p-${i}" data-i="${i}" data-verdict="${report.verdict}" data-flags="${flags(report).join(' ')}">
<header><h2>${i + 1}. ${escapeHtml(name)}</h2><span class="badge v-${report.verdict}">${VERDICT_WORDS[report.verdict].label}</span><span class="meaning">${VERDICT_WORDS[report.verdict].meaning}</span></header>
${adviceList(report)}
<div class="body"><div class="pictures"><figure class="photo">${picture}<figcaption>${caption.join('<br>')}</figcaption></figure>
${cropPreview(report, id)}</div>
<div class="findings">${findings(report.checks, report.profile)}</div></div>
</article>`;
}

/** What to do, first thing on the card, in order. */
function adviceList(report: PhotoReport): string {
	if (report.advice.length === 0) return '';
	const items = report.advice.map(
		(advice) => `<li data-action="${advice.action}">${escapeHtml(advice.text)} <span class="for">(${advice.checks.map(escapeHtml).join(', ')})</span></li>`,
	);
	return `<section class="advice"><h3>What to do${report.advice.length > 1 ? ', in this order' : ''}</h3><ol>${items.join('')}</ol></section>`;
}

/** Switches for the layers the picture has, and the 1:1 view. */
function tools(report: PhotoReport): string {
	const layers: Array<[string, string]> = [['marks', 'Marks']];
	if (report.annotations?.backgroundMask) layers.push(['background', 'Background outline']);
	if (report.suggestedCrop) layers.push(['crop', 'Suggested crop']);
	const boxes = layers.map(([layer, words]) => `<label><input type="checkbox" data-layer-toggle="${layer}" checked> ${words}</label>`);
	return `<div class="tools">${boxes.join('')}<button type="button" data-zoom aria-pressed="false">View at 1:1</button></div>`;
}

/** The suggested crop as the portal's editor shows it: cut, in black and white. */
function cropPreview(report: PhotoReport, id: string): string {
	const crop = report.suggestedCrop;
	if (!crop || !report.annotations?.thumbnail || !safeDataUrl(report.annotations.thumbnail.dataUrl)) return '';
	return `<figure class="crop-preview"><svg xmlns="http://www.w3.org/2000/svg" viewBox="${crop.x} ${crop.y} ${crop.width} ${crop.height}" role="img" aria-label="The suggested crop, in black and white"><filter id="${id}-grey" color-interpolation-filters="sRGB"><feColorMatrix type="saturate" values="0"/></filter><use href="#${id}-photo" filter="url(#${id}-grey)"/></svg><figcaption>The suggested crop, ${crop.width} × ${crop.height} px${crop.resizeTo ? ` scaled to ${crop.resizeTo.width} × ${crop.resizeTo.height}` : ''}, as the portal's editor shows it (black and white)</figcaption></figure>`;
}

const STATUS_WORDS: Record<Status, string> = {fail: 'not met', warn: 'to look at', pass: 'met', skip: 'not assessed'};

/** What each portal reason reads as when nothing under it failed: its words are negative ("It's too dark."). */
const REASON_MET: Record<ReturnReason, string> = {
	TOO_DARK: 'Bright enough',
	BACKGROUND_NOT_WHITE: 'The background is white',
	FEATURES_NOT_VISIBLE: 'The facial features are visible',
	GLARE: 'No glare',
	DIMENSIONS_OUT_OF_RANGE: 'The pixel dimensions are within the limits',
	FILE_TOO_LARGE: 'The file is small enough',
	OTHER_REQUIREMENT: 'The other requirements checked are met',
};

/**
 * The checks by what a person must do about them: not met, under the portal's reasons (in its words:
 * what the photo would be returned for), then to look at, each under its own requirement, with the
 * reason the portal would give if a person finds it not met (a warning is not that reason yet: "The
 * background is not white." cannot head a white background with a faint shadow); the met and the
 * not assessed folded away, under plain headings.
 */
function findings(checks: readonly CheckResult[], profile: string): string {
	const part = (status: Status, heading: string): string => {
		const members = checks.filter((check) => check.status === status);
		if (members.length === 0) return '';
		const body = status === 'warn' ? members.map((check) => checkBlock(check, profile)).join('') : reasonGroups(members, status, profile);
		return `<section class="status-part" data-part="${status}"><h3>${heading} (${members.length})</h3>${body}</section>`;
	};
	const met = checks.filter((check) => check.status === 'pass' || check.status === 'skip');
	const metCount = checks.filter((check) => check.status === 'pass').length;
	const skipped = met.length - metCount;
	const folded =
		met.length > 0
			? `<details class="met"><summary>Met: ${metCount} ${metCount === 1 ? 'check' : 'checks'}${skipped > 0 ? `; not assessed: ${skipped}` : ''}</summary>${reasonGroups(met, 'pass', profile)}</details>`
			: '';
	return `${part('fail', 'Not met')}${part('warn', 'To look at')}${folded}`;
}

function reasonGroups(members: readonly CheckResult[], tone: Status, profile: string): string {
	return RETURN_REASON_CODES.map((reason) => {
		const under = members.filter((check) => check.reason === reason);
		if (under.length === 0) return '';
		const heading =
			tone === 'pass'
				? `<span class="badge st-pass">met</span> ${escapeHtml(REASON_MET[reason])}`
				: `<span class="badge st-${tone}">${STATUS_WORDS[tone]}</span> ${escapeHtml(reasonWords(profile, reason))}`;
		return `<div class="group" data-reason="${reason}" data-status="${tone}"><h4>${heading} <code>${reason}</code></h4>${under.map((check) => checkBlock(check, profile)).join('')}</div>`;
	}).join('');
}

function checkBlock(check: CheckResult, profile: string): string {
	const rows = figureRows(check).map(
		(row) =>
			`<tr><th>${escapeHtml(row.label)}</th><td class="value">${escapeHtml(row.value)}</td><td class="limit">${row.limit ? escapeHtml(row.limit) : ''}</td></tr>`,
	);
	const raw = rawFigures(check);
	return (
		`<div class="check" data-check="${escapeHtml(check.id)}" data-status="${check.status}"${check.status === 'warn' ? ` data-reason="${check.reason}"` : ''}>` +
		`<div class="check-head"><span class="badge st-${check.status}">${STATUS_WORDS[check.status]}</span> <span class="id">${escapeHtml(check.id)}</span></div>` +
		`<p class="req">${escapeHtml(check.requirement)}</p><p class="message">${escapeHtml(check.message)}</p>` +
		(check.status === 'warn'
			? `<p class="if-returned">If a person finds it not met, the portal's reason: ${escapeHtml(reasonWords(profile, check.reason))} <code>${check.reason}</code></p>`
			: '') +
		(rows.length > 0 ? `<table class="figures">${rows.join('')}</table>` : '') +
		raw +
		'</div>'
	);
}

/** Every figure and limit as the report carries them, for a reviewer who wants the raw values. */
function rawFigures(check: CheckResult): string {
	if (!check.measured && !check.limits) return '';
	return `<details class="raw"><summary>Raw figures</summary><div class="raw-body"><div><b>measured</b>${keyValues(check.measured)}</div><div><b>limits</b>${keyValues(check.limits)}</div></div></details>`;
}

function keyValues(values: Record<string, number | string | boolean> | undefined): string {
	if (!values || Object.keys(values).length === 0) return '<p class="none">none</p>';
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
