import {STATUS_CODES} from 'node:http';
import multipart from '@fastify/multipart';
import Fastify, {type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyServerOptions} from 'fastify';
import {QueueFullError, type Validator, ValidatorClosedError} from '../batch/validator.js';
import {CHECK_IDS, type CheckId} from '../checks/registry.js';
import {formatMegabytes} from '../format.js';
import {profileSummaries, profiles} from '../profiles/index.js';
import {LIBRARY_VERSION} from '../version.js';
import {openApiDocument} from './openapi.js';

export const DEFAULT_MAX_BODY_BYTES = 25 * 1024 * 1024;
/** Time to receive a whole request (Node's http `requestTimeout`): a slow upload is answered 408. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** The raw-body content types a photo may come as. */
const RAW_TYPES = ['image/jpeg', 'image/png', 'application/octet-stream'];

export interface ServerOptions {
	/** Checks every photo; started (and closed) by the caller, so that one validator can serve several servers or tests. */
	validator: Validator;
	/** Largest body accepted, in bytes (default 25 MB): above it, 413. */
	maxBodyBytes?: number;
	/** Time to receive a whole request, in milliseconds (default 60 s): after it, 408. */
	requestTimeoutMs?: number;
	/** pino options or a logger (fastify's `logger` / `loggerInstance`); default no logging. */
	logger?: FastifyServerOptions['logger'] | FastifyBaseLogger;
}

/**
 * The HTTP service: `POST /v1/validate`, `GET /v1/profiles`, `GET /healthz`, `GET /openapi.json`.
 * Not listening yet: call `listen()` (or `inject()` in a test).
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
	const {validator} = options;
	const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
	const logger = options.logger;
	const isInstance = typeof logger === 'object' && logger !== null && 'child' in logger && typeof logger.child === 'function';
	const app = Fastify({
		bodyLimit: maxBodyBytes,
		requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
		...(isInstance ? {loggerInstance: logger as FastifyBaseLogger} : {logger: (logger ?? false) as FastifyServerOptions['logger']}),
		// While closing, new requests get 503 and those in flight finish.
		return503OnClosing: true,
	});
	// A photo never travels as JSON or text: anything but the types below (and multipart) is 415.
	app.removeAllContentTypeParsers();
	app.addContentTypeParser(RAW_TYPES, {parseAs: 'buffer', bodyLimit: maxBodyBytes}, (_request, body, done) => done(null, body));
	await app.register(multipart, {limits: {fileSize: maxBodyBytes, files: 1, fields: 10, parts: 20}});

	// An answer sent before the body was read to its end (a refused body, a wrong field) closes the
	// connection: kept alive, the unread bytes would stall the client's next request on it.
	// So does every answer once the server is closing: a kept-alive connection would hold close() for
	// the keep-alive timeout (72 s).
	let closing = false;
	app.addHook('preClose', async () => {
		closing = true;
	});
	app.addHook('onSend', async (request, reply) => {
		if (closing || !request.raw.complete) reply.header('connection', 'close');
	});

	let ready = false;
	void validator.ready().then(
		() => {
			ready = true;
		},
		(error: unknown) => app.log.error({err: error}, 'the face engine failed to load'),
	);
	// Seconds a validation takes, smoothed: what Retry-After is estimated from.
	let secondsPerPhoto = 0.3;

	app.setErrorHandler((error: Error & {statusCode?: number; code?: string}, request, reply) => {
		if (error instanceof QueueFullError) {
			const {queued, concurrency} = validator.stats();
			const wait = Math.max(1, Math.ceil((secondsPerPhoto * (queued + concurrency)) / concurrency));
			return reply
				.code(503)
				.header('retry-after', String(wait))
				.send({statusCode: 503, code: error.code, error: 'Service Unavailable', message: error.message});
		}
		if (error instanceof ValidatorClosedError) {
			return reply.code(503).send({statusCode: 503, code: error.code, error: 'Service Unavailable', message: 'the server is shutting down'});
		}
		const status = error.statusCode ?? 500;
		if (status >= 500) request.log.error({err: error}, 'request failed');
		return reply.code(status).send({
			statusCode: status,
			code: error.code ?? 'ERR_INTERNAL',
			error: statusText(status),
			message: clientMessage(error, request.headers['content-type'], maxBodyBytes),
		});
	});

	// Fastify's own 404 body has no `code`: every error body has one, as docs/server.md says.
	app.setNotFoundHandler((request, reply) =>
		reply.code(404).send({
			statusCode: 404,
			code: 'ERR_NOT_FOUND',
			error: 'Not Found',
			message: `no route ${request.method} ${request.url.slice(0, 200)}: the service answers POST /v1/validate, GET /v1/profiles, GET /healthz and GET /openapi.json`,
		}),
	);

	app.post('/v1/validate', async (request, reply) => {
		const query = request.query as Record<string, string | undefined>;
		const profile = query.profile;
		if (profile !== undefined && !(profile in profiles)) {
			return badRequest(reply, 'ERR_UNKNOWN_PROFILE', `profile must be one of ${Object.keys(profiles).join(', ')}; got "${profile}"`);
		}
		const checks = query.checks
			?.split(',')
			.map((id) => id.trim())
			.filter(Boolean);
		const unknown = checks?.filter((id) => !(CHECK_IDS as readonly string[]).includes(id)) ?? [];
		if (unknown.length > 0)
			return badRequest(reply, 'ERR_UNKNOWN_CHECK', `checks has no check ${unknown.map((id) => `"${id}"`).join(', ')}; known: ${CHECK_IDS.join(', ')}`);

		let bytes: Buffer | undefined;
		let name = query.name;
		if (request.isMultipart()) {
			try {
				const part = await request.file();
				if (!part) return badRequest(reply, 'ERR_NO_PHOTO', 'the multipart body has no file; send the photo as the "file" field');
				if (part.fieldname !== 'file') return badRequest(reply, 'ERR_NO_PHOTO', `send the photo as the "file" field; got a file in "${part.fieldname}"`);
				bytes = await part.toBuffer();
				// toBuffer() can miss the limit when it is reached on the last chunk: busboy's flag says.
				if (part.file.truncated) return reply.code(413).send(tooLarge(maxBodyBytes));
				name ??= part.filename || undefined;
			} catch (error) {
				// Above --max-body stays 413; any other failure to read the parts is a malformed body.
				if ((error as {statusCode?: number}).statusCode === 413) throw error;
				return badRequest(reply, 'ERR_MALFORMED_MULTIPART', `the multipart body cannot be read: ${(error as Error).message}`);
			}
		} else {
			bytes = request.body as Buffer | undefined;
		}
		if (!bytes || bytes.byteLength === 0)
			return badRequest(reply, 'ERR_NO_PHOTO', 'the body is empty; send the photo as the body or as the "file" field of a multipart form');

		// A client that goes away stops waiting: its photo leaves the queue (or finishes unseen).
		const gone = new AbortController();
		const onClose = () => {
			if (!reply.raw.writableFinished) gone.abort();
		};
		reply.raw.on('close', onClose);
		const started = performance.now();
		try {
			const report = await validator.validate(bytes, {
				...(profile === undefined ? {} : {profile}),
				...(checks && checks.length > 0 ? {checks: checks as CheckId[]} : {}),
				...(name === undefined ? {} : {name}),
				signal: gone.signal,
			});
			const seconds = (performance.now() - started) / 1000;
			secondsPerPhoto = 0.8 * secondsPerPhoto + 0.2 * seconds;
			request.log.info({verdict: report.verdict, reasons: report.reasons, bytes: bytes.byteLength, ms: Math.round(seconds * 1000)}, 'validated');
			return reply.send(report);
		} catch (error) {
			if (gone.signal.aborted) {
				request.log.info('client disconnected before its report');
				return reply;
			}
			// A profile and checks that exist, but not together (a check the profile does not run).
			if (error instanceof TypeError) return badRequest(reply, 'ERR_INVALID_OPTION', error.message);
			throw error;
		} finally {
			reply.raw.off('close', onClose);
		}
	});

	app.get('/v1/profiles', async () => ({profiles: profileSummaries()}));

	app.get('/healthz', async (_request, reply) => {
		const stats = validator.stats();
		return reply.code(ready ? 200 : 503).send({
			status: ready ? 'ok' : 'starting',
			version: LIBRARY_VERSION,
			...stats,
			maxQueue: Number.isFinite(stats.maxQueue) ? stats.maxQueue : null,
		});
	});

	const document = openApiDocument();
	app.get('/openapi.json', async () => document);

	return app;
}

function tooLarge(maxBodyBytes: number) {
	return {statusCode: 413, code: 'FST_REQ_FILE_TOO_LARGE', error: 'Payload Too Large', message: bodyTooLarge(maxBodyBytes)};
}

function bodyTooLarge(maxBodyBytes: number): string {
	return `the body is larger than this server accepts (${formatMegabytes(maxBodyBytes)}, its --max-body); a photo for the portal is at most 4 MB`;
}

/** Fastify's own messages ("Unsupported Media Type") say what is wrong, not what to send. */
function clientMessage(error: Error & {code?: string}, contentType: string | undefined, maxBodyBytes: number): string {
	switch (error.code) {
		case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
			return `send the photo as the body with content type ${RAW_TYPES.join(', ')}, or as the "file" field of multipart/form-data; got ${contentType ? `"${contentType}"` : 'no content type'}`;
		case 'FST_ERR_CTP_BODY_TOO_LARGE':
		case 'FST_REQ_FILE_TOO_LARGE':
			return bodyTooLarge(maxBodyBytes);
		default:
			return error.message;
	}
}

function badRequest(reply: FastifyReply, code: string, message: string) {
	return reply.code(400).send({statusCode: 400, code, error: 'Bad Request', message});
}

function statusText(status: number): string {
	return STATUS_CODES[status] ?? 'Error';
}
