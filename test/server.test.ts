import {type ChildProcess, spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {request as httpRequest} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {Validator as OpenApiValidator} from '@seriousme/openapi-schema-validator';
import type {FastifyInstance} from 'fastify';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createValidator, type PhotoReport, photoReportSchema, validatePhoto} from '../src/index.js';
import {createServer} from '../src/server/index.js';
import {profilesResponseSchema} from '../src/server/openapi.js';
import {runCli} from './support/cli.js';
import {jpeg, NO_FACE_CHECKS} from './support/images.js';
import {repoRoot} from './support/photos.js';
import {demoPortrait} from './support/portrait.js';

const statuses = (report: PhotoReport) => report.checks.map(({id, status}) => `${id}:${status}`);
const MAX_BODY = 6 * 1024 * 1024;

async function listening(app: FastifyInstance): Promise<string> {
	await app.listen({port: 0, host: '127.0.0.1'});
	return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

function post(base: string, body: Uint8Array | string | FormData, type: string | undefined, query = ''): Promise<Response> {
	// Node's fetch sends a Buffer as is; the DOM typings only name ArrayBuffer-backed views.
	const payload = body as Uint8Array<ArrayBuffer> | string | FormData;
	return fetch(`${base}/v1/validate${query}`, {method: 'POST', body: payload, ...(type ? {headers: {'content-type': type}} : {})});
}

function form(bytes: Uint8Array, field = 'file', name = 'photo.jpg'): FormData {
	const data = new FormData();
	data.append(field, new Blob([bytes as Uint8Array<ArrayBuffer>], {type: 'image/jpeg'}), name);
	return data;
}

describe('photo-requirements serve: the HTTP service', () => {
	const validator = createValidator({concurrency: 2, maxQueue: 100});
	let app: FastifyInstance;
	let base: string;
	let portrait: Buffer;

	beforeAll(async () => {
		portrait = await demoPortrait();
		app = await createServer({validator, maxBodyBytes: MAX_BODY});
		base = await listening(app);
		await validator.ready();
	}, 120_000);
	afterAll(async () => {
		await app.close();
		await validator.close();
	});

	test('GET /healthz is 200 once the engine is loaded, with the queue figures', async () => {
		const response = await fetch(`${base}/healthz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({status: 'ok', concurrency: 2, maxQueue: 100, queued: 0});
	});

	test('POST /v1/validate, raw body or multipart: the same report as the library', async () => {
		const direct = await validatePhoto(portrait);
		const raw = await post(base, portrait, 'image/jpeg');
		expect(raw.status).toBe(200);
		expect(raw.headers.get('content-type')).toMatch(/^application\/json/);
		const fromRaw = photoReportSchema.parse(await raw.json());
		expect(statuses(fromRaw)).toEqual(statuses(direct));
		expect(fromRaw.verdict).toBe(direct.verdict);
		expect(fromRaw.provenance.sha256).toBe(direct.provenance.sha256);

		const multipart = await post(base, form(portrait), undefined);
		expect(multipart.status).toBe(200);
		const fromForm = photoReportSchema.parse(await multipart.json());
		expect(statuses(fromForm)).toEqual(statuses(direct));
		// The form's file name is the report's source.
		expect(fromForm.source).toBe('photo.jpg');

		const octets = await post(base, portrait, 'application/octet-stream', '?checks=file-format,file-size&profile=ca-pr-card&name=me.jpg');
		const partial = photoReportSchema.parse(await octets.json());
		expect(partial.checks.map((check) => check.id)).toEqual(['file-format', 'file-size']);
		expect(partial.source).toBe('me.jpg');
	}, 60_000);

	test('a file above 4 MB is a report (FILE_TOO_LARGE), not an HTTP error; above --max-body it is 413', async () => {
		const large = Buffer.concat([await jpeg(715, 1001), Buffer.alloc(4_500_000, 0x20)]);
		const response = await post(base, large, 'image/jpeg', `?checks=${NO_FACE_CHECKS.join(',')}`);
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({verdict: 'return', reasons: ['FILE_TOO_LARGE']});

		const huge = Buffer.alloc(MAX_BODY + 1, 0x20);
		for (const response of [await post(base, huge, 'image/jpeg'), await post(base, form(huge), undefined)]) {
			expect(response.status).toBe(413);
			expect(await response.json()).toMatchObject({
				message: 'the body is larger than this server accepts (6 MB, its --max-body); a photo for the portal is at most 4 MB',
			});
		}
	}, 60_000);

	test('bad bodies: 415 for another type, 400 for an empty or malformed body, an unknown profile or check', async () => {
		const photo = await jpeg(715, 1001);
		for (const type of ['text/plain', 'application/json', 'image/gif']) {
			const response = await post(base, photo, type);
			expect(response.status, type).toBe(415);
			expect(await response.json()).toMatchObject({
				statusCode: 415,
				message: `send the photo as the body with content type image/jpeg, image/png, application/octet-stream, or as the "file" field of multipart/form-data; got "${type}"`,
			});
		}
		const cases: Array<[string, Promise<Response>, RegExp]> = [
			['empty', post(base, new Uint8Array(0), 'image/jpeg'), /body is empty/],
			['malformed multipart', post(base, 'not multipart at all', 'multipart/form-data; boundary=xyz'), /multipart body cannot be read/],
			['multipart, no boundary', post(base, 'x', 'multipart/form-data'), /multipart/],
			['multipart, wrong field', post(base, form(photo, 'image'), undefined), /"file" field; got a file in "image"/],
			[
				'unknown profile',
				post(base, photo, 'image/jpeg', '?profile=us-passport'),
				/profile must be one of ca-pr-card, ca-visa, ca-citizenship, ca-passport; got "us-passport"/,
			],
			['unknown check', post(base, photo, 'image/jpeg', '?checks=file-size,nope'), /no check "nope"/],
		];
		for (const [label, pending, message] of cases) {
			const response = await pending;
			expect(response.status, label).toBe(400);
			expect(((await response.json()) as {message: string}).message, label).toMatch(message);
		}
		// None of them reached a worker.
		expect(validator.stats().rejected).toBe(0);
	}, 60_000);

	test('50 concurrent uploads all get their own report', async () => {
		const photos = await Promise.all(Array.from({length: 5}, (_, index) => jpeg(715 + index * 10, 1001 + index * 14)));
		const expected = await Promise.all(photos.map((photo) => validatePhoto(photo)));
		const responses = await Promise.all(Array.from({length: 50}, (_, index) => post(base, photos[index % 5]!, 'image/jpeg')));
		const reports = await Promise.all(responses.map((response) => response.json() as Promise<PhotoReport>));
		expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
		reports.forEach((report, index) => {
			expect(report.provenance.sha256, `upload ${index}`).toBe(expected[index % 5]!.provenance.sha256);
			expect(statuses(report), `upload ${index}`).toEqual(statuses(expected[index % 5]!));
		});
	}, 120_000);

	test('a client that disconnects mid-upload costs nothing and breaks nothing', async () => {
		const before = validator.stats().completed;
		const url = new URL(base);
		await new Promise<void>((resolve) => {
			const request = httpRequest({
				host: url.hostname,
				port: url.port,
				path: '/v1/validate',
				method: 'POST',
				headers: {'content-type': 'image/jpeg', 'content-length': 1_000_000},
			});
			request.on('error', () => resolve());
			request.write(Buffer.alloc(100_000), () => {
				request.destroy();
				resolve();
			});
		});
		const after = await post(base, await jpeg(715, 1001), 'image/jpeg', `?checks=${NO_FACE_CHECKS.join(',')}`);
		expect(after.status).toBe(200);
		// Only the second request reached a worker.
		expect(validator.stats().completed).toBe(before + 1);
	}, 60_000);

	test('an unknown route is a 404 with the documented code, naming the routes there are', async () => {
		const response = await fetch(`${base}/v2/validate`);
		expect(response.status).toBe(404);
		expect(await response.json()).toEqual({
			statusCode: 404,
			code: 'ERR_NOT_FOUND',
			error: 'Not Found',
			message: expect.stringContaining('no route GET /v2/validate: the service answers POST /v1/validate'),
		});
	});

	test('GET /v1/profiles lists each profile with its version and sources', async () => {
		const body = (await (await fetch(`${base}/v1/profiles`)).json()) as {
			profiles: Array<{id: string; version: string; sources: Record<string, {source: string; checked: string}>}>;
		};
		expect(body.profiles.map((profile) => profile.id)).toEqual(['ca-pr-card', 'ca-visa', 'ca-citizenship', 'ca-passport']);
		const card = body.profiles.find((profile) => profile.id === 'ca-pr-card')!;
		expect(card.version).toMatch(/^\d+\.\d+\.\d+$/);
		expect(card.sources.fileSize?.source).toMatch(/4 MB/);
		// The response is what the OpenAPI document says it is.
		expect(profilesResponseSchema.parse(body)).toEqual(body);
		const visa = body.profiles.find((profile) => profile.id === 'ca-visa')! as unknown as {references: Array<{url: string}>; suggestCrop: boolean};
		expect(visa.references.map((reference) => reference.url)).toContain('https://talentsolutioncanada.com/photo-req/');
		expect(visa.suggestCrop).toBe(true);
	});

	test("GET /openapi.json is a valid OpenAPI 3.1 document whose report schema is the library's", async () => {
		const document = (await (await fetch(`${base}/openapi.json`)).json()) as {
			openapi: string;
			paths: Record<string, unknown>;
			components: {schemas: Record<string, {required?: string[]}>};
		};
		const result = await new OpenApiValidator().validate(document as never);
		expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
		expect(result.valid).toBe(true);
		expect(document.openapi).toBe('3.1.0');
		expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/validate', '/v1/profiles', '/healthz', '/openapi.json']));
		expect(document.components.schemas.PhotoReport?.required).toEqual(expect.arrayContaining(['verdict', 'reasons', 'checks', 'provenance']));
	});
});

describe('a full queue', () => {
	test('answers 503 with Retry-After at once, and the queued photos still finish', async () => {
		await using validator = createValidator({concurrency: 1, maxQueue: 1});
		const app = await createServer({validator});
		try {
			const base = await listening(app);
			const photo = await jpeg(715, 1001);
			const responses = await Promise.all(Array.from({length: 6}, () => post(base, photo, 'image/jpeg')));
			const codes = responses.map((response) => response.status).sort();
			// One on the worker, one waiting: the others are refused.
			expect(codes.filter((code) => code === 200).length).toBeGreaterThanOrEqual(2);
			expect(codes.filter((code) => code === 503).length).toBeGreaterThanOrEqual(1);
			for (const response of responses.filter((response) => response.status === 503)) {
				expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
				expect(await response.json()).toMatchObject({code: 'ERR_QUEUE_FULL'});
			}
		} finally {
			await app.close();
		}
	}, 60_000);
});

describe('the serve command', () => {
	const cli = path.join(repoRoot, 'dist/cli/main.js');
	let child: ChildProcess | undefined;
	afterAll(() => {
		child?.kill('SIGKILL');
	});

	test('usage errors exit 2 with what was expected; --help lists the options', async () => {
		const run = (...args: string[]) => runCli(['serve', ...args]);
		expect(await run('--port', 'http')).toMatchObject({code: 2, stderr: expect.stringContaining('--port must be a whole number from 0 to 65535; got "http"')});
		expect(await run('--max-body', 'lots')).toMatchObject({code: 2, stderr: expect.stringContaining('--max-body must be a size such as 25MB')});
		expect(await run('--profile', 'x')).toMatchObject({
			code: 2,
			stderr: expect.stringContaining('--profile must be one of "ca-pr-card", "ca-visa", "ca-citizenship", "ca-passport"; got "x"'),
		});
		expect(await run('--bogus')).toMatchObject({code: 2});
		const help = await run('--help');
		expect(help.code).toBe(0);
		for (const option of ['--port', '--host', '--max-body', '--max-queue', '--concurrency', '--timeout', '--profile']) expect(help.stdout).toContain(option);
	}, 60_000);

	test('logs JSON, and on SIGTERM finishes the requests in flight, then exits 0', async () => {
		if (!existsSync(cli)) throw new Error(`The CLI is not built (${cli}): run npm run build, or npm test, which builds first.`);
		const server = spawn(process.execPath, [cli, 'serve', '--port', '0', '--concurrency', '1'], {stdio: ['ignore', 'pipe', 'pipe']});
		child = server;
		let output = '';
		server.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
		});
		const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
		const base = await new Promise<string>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no "listening" line in 30 s: ${output}`)), 30_000);
			server.stdout!.on('data', () => {
				const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
				if (match) {
					clearTimeout(timer);
					resolve(match[1]!);
				}
			});
		});
		const photo = await jpeg(715, 1001);
		const inFlight = Array.from({length: 4}, () => post(base, photo, 'image/jpeg'));
		// Let the requests reach the server, then ask it to stop.
		await new Promise((resolve) => setTimeout(resolve, 300));
		server.kill('SIGTERM');
		const responses = await Promise.all(inFlight);
		expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
		for (const response of responses) photoReportSchema.parse(await response.json());
		expect(await exited).toBe(0);
		// One JSON object per line (pino), the shutdown among them.
		const lines = output
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line) as {msg: string});
		expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['shutting down: finishing the requests in flight', 'stopped']));
		await expect(fetch(`${base}/healthz`)).rejects.toThrow();
	}, 90_000);
});
