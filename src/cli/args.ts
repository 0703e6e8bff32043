import {parseArgs} from 'node:util';
import {quoted} from '../arguments.js';
import {MAX_CONCURRENCY, MAX_PICTURE_SIZE, MAX_TIMEOUT_MS, MIN_PICTURE_SIZE} from '../options.js';
import {findProfile, type Profile, profiles, unknownChecks} from '../profiles/index.js';
import {refuseImageAsHtml} from './output-guard.js';

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
	/** The longest side of the pictures in the HTML and the PNGs (`--picture-size`). */
	pictureSize?: number;
	/** Write one annotated PNG per photo into this folder. */
	annotate?: string;
	/** Let --html and --annotate write over existing files this command did not make (never over an input). */
	force: boolean;
	strict: boolean;
	all: boolean;
	help: boolean;
	version: boolean;
	/** List the shipped profiles and stop (`--list-profiles`). */
	listProfiles: boolean;
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
	'picture-size': {type: 'string'},
	annotate: {type: 'string'},
	force: {type: 'boolean', default: false},
	strict: {type: 'boolean', default: false},
	all: {type: 'boolean', default: false},
	'list-profiles': {type: 'boolean', default: false},
	help: {type: 'boolean', short: 'h', default: false},
	version: {type: 'boolean', short: 'v', default: false},
} as const;

/** The options of a command, as parseArgs takes them. */
export type CommandOptions = Record<string, {type: 'string' | 'boolean'; short?: string; default?: string | boolean}>;

/** What a command line holds once parsed: values by option name, and the other arguments. */
export interface CommandLine {
	values: Record<string, string | boolean | undefined>;
	positionals: string[];
}

/**
 * node:util's parseArgs, its mistakes put in our words (its own messages talk of "positional
 * arguments" and quote the parser's syntax): `command` prefixes each, e.g. "queue add".
 */
export function parseCommandLine(
	argv: readonly string[],
	options: CommandOptions,
	{allowPositionals, command}: {allowPositionals: boolean; command?: string},
): CommandLine {
	try {
		return parseArgs({args: [...argv], allowPositionals, strict: true, options});
	} catch (error) {
		const {code, message} = error as NodeJS.ErrnoException;
		const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
		const prefix = command ? `${command}: ` : '';
		const help = command ? `photo-requirements ${command.split(' ')[0]} --help` : 'photo-requirements --help';
		if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`${prefix}unknown option ${quoted} (${help} lists the options)`);
		if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
			const option = quoted.split(' ')[0] ?? quoted;
			throw new UsageError(/argument missing/.test(message) ? `${prefix}${option} needs a value` : `${prefix}${option} takes no value`);
		}
		if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`${prefix}unexpected argument "${quoted}": this command takes no files`);
		throw new UsageError(`${prefix}${message.split('\n')[0] ?? 'invalid arguments'}`);
	}
}

function parse(argv: readonly string[]) {
	// The values as parseArgs types them for these options.
	return parseCommandLine(argv, OPTIONS, {allowPositionals: true}) as unknown as ReturnType<
		typeof parseArgs<{options: typeof OPTIONS; allowPositionals: true; strict: true}>
	>;
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

/** `--picture-size` in pixels: a whole number the annotations accept. */
export function parsePictureSize(text: string | undefined): number | undefined {
	if (text === undefined) return undefined;
	const size = Number(text);
	if (!Number.isInteger(size) || size < MIN_PICTURE_SIZE || size > MAX_PICTURE_SIZE) {
		throw new UsageError(`--picture-size must be a whole number of pixels from ${MIN_PICTURE_SIZE} to ${MAX_PICTURE_SIZE}; got "${text}"`);
	}
	return size;
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
	if (values.html !== undefined) refuseImageAsHtml(values.html);
	if (values.force && values.html === undefined && values.annotate === undefined) {
		throw new UsageError('--force lets --html and --annotate write over existing files: give one of them too');
	}
	const pictureSize = parsePictureSize(values['picture-size']);
	if (pictureSize !== undefined && values.html === undefined && values.annotate === undefined) {
		throw new UsageError('--picture-size sizes the pictures of --html and --annotate: give one of them too');
	}
	const profile = parseProfile(values.profile);
	const checks = values.checks
		?.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	const unknown = unknownChecks(profile, checks ?? []);
	if (unknown.length > 0) throw new UsageError(`--checks: the "${profile.id}" profile has no check ${quoted(unknown)} (it has: ${profile.checks.join(', ')})`);
	if (!values.help && !values.version && !values['list-profiles'] && positionals.length === 0) {
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
		...(pictureSize === undefined ? {} : {pictureSize}),
		force: values.force,
		strict: values.strict,
		all: values.all,
		help: values.help,
		version: values.version,
		listProfiles: values['list-profiles'],
	};
}

export const HELP = `Usage: photo-requirements [options] <files, folders, patterns or - ...>
       photo-requirements serve [options]   (an HTTP service; serve --help for its options)
       photo-requirements queue <command>   (many machines on a Redis queue; queue --help)

Checks portraits against the photo requirements of Canada's Permanent Resident card
(the PR Portal upload) and says, in the portal's words, why a photo would be returned.
Folders are searched recursively for image files (.jpg .jpeg .png and other image types);
a quoted pattern such as "photos/**/*.jpg" is expanded; "-" reads one photo from standard input.

Options:
  --json               print one JSON array of reports, in the order given
  --ndjson             print one JSON report per line as each photo finishes, with its "index"
                       (0-based, in the order given)
  --all                in the text summary, also list the checks that passed or were skipped
  --profile <id>       the rules to apply (default: ca-pr-card; --list-profiles lists them)
  --list-profiles      list the profiles with their versions and sources (with --json, as JSON)
  --checks <ids>       run only these checks, comma-separated (e.g. file-format,file-size)
  --concurrency <n>    photos checked at once, one per worker thread (default: the number of cores)
  --timeout <seconds>  give up on a photo after this long and report it (default: 60)
  --html <file>        also write one self-contained HTML report, the photos annotated
  --annotate <dir>     also write one annotated PNG per photo into this folder
  --picture-size <px>  the longest side of those pictures (default: 1000 in the HTML,
                       480 in the PNGs; at most the photo's own)
  --force              let --html and --annotate write over files they did not make
                       (their own earlier output is written over without it; an input never is)
  --strict             exit 1 when any photo needs review, not only when one is returned
  -h, --help           show this help
  -v, --version        show the version

Exit status:
  0  every photo is accepted (or, without --strict, accepted or to review)
  1  a photo would be returned (with --strict: or needs review); comes before 4
  2  a usage error: an unknown option, a path that names nothing, a pattern that matches nothing
  3  an unexpected error (a bug in photo-requirements: please report it with the message)
  4  no photo would be returned, but one was not fully checked: its --timeout ran out, or an
     internal error stopped a check (with or without --strict)

A file that exists but is not a photo (a PDF named .jpg, a truncated JPEG) gets a report saying
so. Output is coloured on a terminal; NO_COLOR turns colour off, FORCE_COLOR=1 on (0 off).
`;
