import {createValidator} from '../batch/validator.js';
import {createServer, DEFAULT_MAX_BODY_BYTES} from '../server/app.js';
import {parseCommandLine, parseConcurrency, parseProfile, parseTimeout, UsageError} from './args.js';

export interface ServeOptions {
	port: number;
	host: string;
	maxBodyBytes: number;
	maxQueue: number;
	concurrency?: number;
	timeoutMs?: number;
	profile?: string;
	help: boolean;
}

/** Photos that may wait for a worker before the server answers 503: a few seconds of work on a small machine. */
export const DEFAULT_SERVE_QUEUE = 64;

const UNITS: Record<string, number> = {'': 1, b: 1, kb: 1000, mb: 1000 ** 2, gb: 1000 ** 3, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3};

/** `25MB`, `512kB`, `30MiB` or a number of bytes. */
export function parseBytes(text: string, option: string): number {
	const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
	const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
	if (!match || unit === undefined) throw new UsageError(`${option} must be a size such as 25MB, 512kB or 30MiB; got "${text}"`);
	const bytes = Math.round(Number(match[1]) * unit);
	if (bytes < 1) throw new UsageError(`${option} must be at least 1 byte; got "${text}"`);
	return bytes;
}

function wholeNumber(text: string | undefined, option: string, min: number, max: number): number | undefined {
	if (text === undefined) return undefined;
	const value = Number(text);
	if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${option} must be a whole number from ${min} to ${max}; got "${text}"`);
	return value;
}

export function parseServeArgs(argv: readonly string[]): ServeOptions {
	const {values} = parseCommandLine(
		argv,
		{
			port: {type: 'string'},
			host: {type: 'string'},
			'max-body': {type: 'string'},
			'max-queue': {type: 'string'},
			concurrency: {type: 'string'},
			timeout: {type: 'string'},
			profile: {type: 'string'},
			help: {type: 'boolean', short: 'h', default: false},
		},
		{allowPositionals: false, command: 'serve'},
	);
	const profile = values.profile as string | undefined;
	if (profile !== undefined) parseProfile(profile);
	const timeoutMs = parseTimeout(values.timeout as string | undefined);
	const concurrency = parseConcurrency(values.concurrency as string | undefined);
	return {
		port: wholeNumber(values.port as string | undefined, '--port', 0, 65_535) ?? 8080,
		host: (values.host as string | undefined) ?? '127.0.0.1',
		maxBodyBytes: values['max-body'] === undefined ? DEFAULT_MAX_BODY_BYTES : parseBytes(values['max-body'] as string, '--max-body'),
		maxQueue: wholeNumber(values['max-queue'] as string | undefined, '--max-queue', 0, 1_000_000) ?? DEFAULT_SERVE_QUEUE,
		...(concurrency === undefined ? {} : {concurrency}),
		...(timeoutMs === undefined ? {} : {timeoutMs}),
		...(profile === undefined ? {} : {profile}),
		help: values.help === true,
	};
}

export const SERVE_HELP = `Usage: photo-requirements serve [options]

Serves the checks over HTTP: POST /v1/validate (the photo as the body, or the "file" field
of a multipart form) answers with the report; GET /v1/profiles, GET /healthz, GET /openapi.json.
Logs one JSON line per request (pino) on standard output. SIGTERM or SIGINT finishes the
requests in flight, then exits.

Options:
  --port <n>           port to listen on (default: 8080; 0 picks a free one)
  --host <address>     address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface)
  --max-body <size>    largest body accepted, e.g. 25MB (default); above it, 413
  --max-queue <n>      photos that may wait for a worker (default: ${DEFAULT_SERVE_QUEUE}); one more gets 503 with Retry-After
  --concurrency <n>    photos checked at once, one per worker thread (default: the number of cores)
  --timeout <seconds>  give up on a photo after this long, and say so in its report (default: 60)
  --profile <id>       the rules for requests that name none (default: ca-pr-card)
  -h, --help           show this help

Exit status:
  0  stopped by SIGTERM or SIGINT after the requests in flight finished
  2  a usage error
  3  the server could not start (the port is taken, the face engine failed to load)
`;

/** Runs the server until SIGTERM or SIGINT; resolves with the exit status. */
export async function serve(options: ServeOptions): Promise<number> {
	const validator = createValidator({
		...(options.concurrency === undefined ? {} : {concurrency: options.concurrency}),
		...(options.timeoutMs === undefined ? {} : {timeoutMs: options.timeoutMs}),
		...(options.profile === undefined ? {} : {profile: options.profile}),
		maxQueue: options.maxQueue,
	});
	const app = await createServer({validator, maxBodyBytes: options.maxBodyBytes, logger: {level: process.env.LOG_LEVEL ?? 'info'}});
	try {
		await app.listen({port: options.port, host: options.host});
	} catch (error) {
		process.stderr.write(`photo-requirements: cannot listen on ${options.host}:${options.port}: ${(error as Error).message}\n`);
		await validator.close();
		return 3;
	}
	const signal = await new Promise<NodeJS.Signals>((resolve) => {
		process.once('SIGTERM', () => resolve('SIGTERM'));
		process.once('SIGINT', () => resolve('SIGINT'));
	});
	app.log.info({signal}, 'shutting down: finishing the requests in flight');
	// Stops listening, answers new requests 503, waits for those in flight; then the workers stop.
	await app.close();
	await validator.close();
	app.log.info('stopped');
	return 0;
}
