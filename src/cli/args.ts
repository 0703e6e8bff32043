import {parseArgs} from 'node:util';
import {quoted} from '../arguments.js';
import {MAX_CONCURRENCY, MAX_TIMEOUT_MS} from '../options.js';
import {findProfile, type Profile, profiles, unknownChecks} from '../profiles/index.js';

export interface CliOptions {
	paths: string[];
	format: 'text' | 'json' | 'ndjson';
	profile?: string;
	checks?: string[];
	concurrency?: number;
	/** Per photo, in whole milliseconds. */
	timeoutMs?: number;
	/** Write an annotated HTML report of every photo to this file. */
	html?: string;
	/** Write one annotated PNG per photo into this folder. */
	annotate?: string;
	strict: boolean;
	all: boolean;
	help: boolean;
	version: boolean;
}

/** A mistake on the command line: exit status 2. */
export class UsageError extends Error {
	override name = 'UsageError';
}

const OPTIONS = {
	json: {type: 'boolean', default: false},
	ndjson: {type: 'boolean', default: false},
	profile: {type: 'string'},
	checks: {type: 'string'},
	concurrency: {type: 'string'},
	timeout: {type: 'string'},
	html: {type: 'string'},
	annotate: {type: 'string'},
	strict: {type: 'boolean', default: false},
	all: {type: 'boolean', default: false},
	help: {type: 'boolean', short: 'h', default: false},
	version: {type: 'boolean', short: 'v', default: false},
} as const;

function parse(argv: readonly string[]) {
	try {
		return parseArgs({args: [...argv], allowPositionals: true, strict: true, options: OPTIONS});
	} catch (error) {
		throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
	}
}

/** `--concurrency`: photos at once, 1 to 256 (the library's MAX_CONCURRENCY). */
export function parseConcurrency(text: string | undefined): number | undefined {
	if (text === undefined) return undefined;
	const concurrency = Number(text);
	if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
		throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}; got "${text}"`);
	}
	return concurrency;
}

/** `--timeout` in seconds, as whole milliseconds that Node's timers can hold: 0.001 s to 2,147,483.647 s (2³¹ − 1 ms). */
export function parseTimeout(text: string | undefined): number | undefined {
	if (text === undefined) return undefined;
	const ms = Number(text) * 1000;
	if (!Number.isFinite(ms) || Math.abs(ms - Math.round(ms)) > 1e-6 || Math.round(ms) < 1 || Math.round(ms) > MAX_TIMEOUT_MS) {
		throw new UsageError(
			`--timeout must be a number of seconds from 0.001 to ${(MAX_TIMEOUT_MS / 1000).toLocaleString('en-US')}, in whole milliseconds; got "${text}"`,
		);
	}
	return Math.round(ms);
}

/** `--profile`: a shipped profile id (default ca-pr-card). */
export function parseProfile(id: string | undefined): Profile {
	const profile = findProfile(id);
	if (!profile) {
		throw new UsageError(
			`--profile must be one of ${Object.keys(profiles)
				.map((known) => `"${known}"`)
				.join(', ')}; got "${id}"`,
		);
	}
	return profile;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
	const {values, positionals} = parse(argv);

	if (values.json && values.ndjson) throw new UsageError('--json and --ndjson cannot be used together');
	const concurrency = parseConcurrency(values.concurrency);
	const timeoutMs = parseTimeout(values.timeout);
	if (values.html === '') throw new UsageError('--html needs a file name, e.g. --html report.html');
	if (values.annotate === '') throw new UsageError('--annotate needs a folder, e.g. --annotate annotated/');
	const profile = parseProfile(values.profile);
	const checks = values.checks
		?.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	const unknown = unknownChecks(profile, checks ?? []);
	if (unknown.length > 0) throw new UsageError(`--checks: the "${profile.id}" profile has no check ${quoted(unknown)} (it has: ${profile.checks.join(', ')})`);
	if (!values.help && !values.version && positionals.length === 0) {
		throw new UsageError('no photo given: name one or more files or folders');
	}
	return {
		paths: positionals,
		format: values.json ? 'json' : values.ndjson ? 'ndjson' : 'text',
		...(values.profile === undefined ? {} : {profile: values.profile}),
		...(checks === undefined ? {} : {checks}),
		...(concurrency === undefined ? {} : {concurrency}),
		...(timeoutMs === undefined ? {} : {timeoutMs}),
		...(values.html === undefined ? {} : {html: values.html}),
		...(values.annotate === undefined ? {} : {annotate: values.annotate}),
		strict: values.strict,
		all: values.all,
		help: values.help,
		version: values.version,
	};
}

export const HELP = `Usage: photo-requirements [options] <files or folders...>
       photo-requirements serve [options]   (an HTTP service; serve --help for its options)

Checks portraits against the photo requirements of Canada's Permanent Resident card
(the PR Portal upload) and says, in the portal's words, why a photo would be returned.
Folders are searched recursively for image files (.jpg .jpeg .png and other image types).

Options:
  --json               print one JSON array of reports, in the order given
  --ndjson             print one JSON report per line, as each photo finishes
  --all                in the text summary, also list the checks that passed or were skipped
  --profile <id>       the rules to apply (default: ca-pr-card)
  --checks <ids>       run only these checks, comma-separated (e.g. file-format,file-size)
  --concurrency <n>    photos checked at once, one per worker thread (default: the number of cores)
  --timeout <seconds>  give up on a photo after this long and report it (default: 60)
  --html <file>        also write one self-contained HTML report, the photos annotated
  --annotate <dir>     also write one annotated PNG per photo into this folder
  --strict             exit 1 when any photo needs review, not only when one is returned
  -h, --help           show this help
  -v, --version        show the version

Exit status:
  0  every photo is accepted (or, without --strict, accepted or to review)
  1  a photo would be returned (with --strict: or needs review)
  2  a usage error
`;
