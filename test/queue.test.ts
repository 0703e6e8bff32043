import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {LIBRARY_VERSION, photoReportSchema} from '../src/index.js';
import {openPhotoQueue} from '../src/queue/index.js';
import {splitLines} from '../src/queue/lines.js';
import {photoJobId, queueKeys} from '../src/queue/records.js';
import {ResultShard, readShardLines} from '../src/queue/shard.js';
import {type CliRun, cliPath as cli, runCli, startCli} from './support/cli.js';
import {hostileCases} from './support/hostile.js';
import {jpeg, png} from './support/images.js';
import {repoRoot} from './support/photos.js';
import {demoPortrait} from './support/portrait.js';
import {freePort, hasRedis, noRedisMessage, type RedisServer, startRedis} from './support/redis.js';

const start = startCli;

function photoRequirements(args: readonly string[], options: {cwd?: string; input?: string} = {}): Promise<CliRun> {
	return runCli(args, options);
}

if (!hasRedis) console.warn(`queue tests skipped: ${noRedisMessage}`);

describe.skipIf(!hasRedis)('the queue, on a real Redis', () => {
	let redis: RedisServer;
	let folder: string;

	beforeAll(async () => {
		if (!existsSync(cli)) throw new Error(`The CLI is not built (${cli}): run npm run build, or npm test, which builds first.`);
		redis = await startRedis();
		folder = await mkdtemp(path.join(tmpdir(), 'photo-requirements-queue-'));
	});

	afterAll(async () => {
		await redis?.stop();
		if (folder) await rm(folder, {recursive: true, force: true});
	});

	test('300 photos, three workers, one killed with SIGKILL and another started: every photo has exactly one report or a reason', async () => {
		const run = path.join(folder, 'run');
		const results = path.join(folder, 'run-results');
		await mkdir(path.join(run, 'photos/a'), {recursive: true});
		await mkdir(path.join(run, 'photos/b'), {recursive: true});
		const checkable: string[] = [];
		const uncheckable: string[] = [];
		const save = async (name: string, bytes: Buffer) => {
			await writeFile(path.join(run, name), bytes);
			checkable.push(name);
		};
		// Portraits (a/ and b/ hold files of the same names: source must tell them apart).
		const portraits = await Promise.all([560, 600, 650, 715, 800].map((width) => demoPortrait(width)));
		for (let index = 0; index < 100; index++)
			await save(`photos/${index % 2 ? 'a' : 'b'}/portrait-${Math.floor(index / 2)}.jpg`, portraits[index % portraits.length]!);
		// Photos with no face, JPEG and PNG: returned.
		const noFace = [await jpeg(715, 1001), await png(715, 1001)];
		for (let index = 0; index < 80; index++) await save(`photos/plain-${index}.${index % 2 ? 'png' : 'jpg'}`, noFace[index % 2]!);
		// Hostile files that still get a report (cut, bombs, other formats); the largest left out for time.
		const hostile = (await hostileCases()).filter((item) => item.bytes.length < 2_000_000);
		for (let index = 0; index < 60; index++) await save(`photos/hostile-${index}.jpg`, hostile[index % hostile.length]!.bytes);
		// Paths that cannot be checked: removed after the add, a folder, a named pipe.
		for (let index = 0; index < 20; index++) {
			await writeFile(path.join(run, `photos/gone-${index}.jpg`), noFace[0]!);
			await mkdir(path.join(run, `photos/folder-${index}.jpg`));
			execFileSync('mkfifo', [path.join(run, `photos/pipe-${index}.jpg`)]);
			uncheckable.push(`photos/gone-${index}.jpg`, `photos/folder-${index}.jpg`, `photos/pipe-${index}.jpg`);
		}
		const all = [...checkable, ...uncheckable];
		expect(all).toHaveLength(300);
		await writeFile(path.join(run, 'list.txt'), `${all.join('\n')}\n`);

		const target = ['--redis', redis.url, '--queue', 'fleet'];
		const added = await photoRequirements(['queue', 'add', ...target, '--files-from', 'list.txt', '--json'], {cwd: run});
		expect(added.code, added.stderr).toBe(0);
		expect(JSON.parse(added.stdout)).toMatchObject({queue: 'fleet', seen: 300, added: 300, skipped: 0});
		for (let index = 0; index < 20; index++) await rm(path.join(run, `photos/gone-${index}.jpg`));

		const worker = () => start(['queue', 'work', ...target, '--concurrency', '1', '--results', results, '--lock-timeout', '5', '--until-empty']);
		const workers = [worker(), worker(), worker()];
		const queue = await openPhotoQueue({redis: redis.url, queue: 'fleet'});
		try {
			// Mid-run: once 40 photos have reports, the first worker dies without a word.
			const deadline = Date.now() + 180_000;
			while ((await queue.status()).completed < 40) {
				if (Date.now() > deadline) throw new Error(`no progress: ${(await workers[0]!.done.then((run) => run.stderr)).slice(0, 2000)}`);
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
			workers[0]!.child.kill('SIGKILL');
			const killed = await workers[0]!.done;
			expect(killed.signal).toBe('SIGKILL');
			workers.push(worker());
			const finished = await Promise.all(workers.slice(1).map((running) => running.done));
			for (const exit of finished) expect(exit.code, exit.stderr).toBe(0);

			const status = await queue.status();
			expect(status).toMatchObject({waiting: 0, active: 0, delayed: 0, completed: checkable.length, failed: uncheckable.length, etaSeconds: 0});

			// Every checkable photo: exactly one report, its source the path as given, with provenance.
			const output = await photoRequirements(['queue', 'results', ...target, '--ndjson']);
			expect(output.code, output.stderr).toBe(0);
			const reports = output.stdout
				.trim()
				.split('\n')
				.map((line) => photoReportSchema.parse(JSON.parse(line)));
			expect(reports.map((report) => report.source).sort()).toEqual([...checkable].sort());
			for (const report of reports) {
				expect(report.provenance).toMatchObject({library: 'photo-requirements', libraryVersion: LIBRARY_VERSION, profile: 'ca-pr-card'});
				expect(report.provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
			}
			// The two portrait-0.jpg files are two reports.
			expect(reports.filter((report) => report.source?.endsWith('/portrait-0.jpg')).map((report) => report.source)).toHaveLength(2);
			// The killed worker's shard is read too, and any photo checked twice counts once.
			const lines = (await Promise.all((await readdir(results)).map((name) => readFile(path.join(results, name), 'utf8')))).join('').trim().split('\n');
			expect(lines.length).toBeGreaterThanOrEqual(reports.length);

			// The ones that cannot be checked are failed, each with its reason.
			const failedRun = await photoRequirements(['queue', 'failed', ...target, '--json']);
			const failures = JSON.parse(failedRun.stdout) as Array<{source: string; reason: string; attempts: number}>;
			expect(failures.map((failure) => failure.source).sort()).toEqual([...uncheckable].sort());
			for (const failure of failures) {
				const expected = failure.source.includes('gone-') ? /no such file/ : failure.source.includes('folder-') ? /a folder, not a file/ : /not a regular file/;
				expect(failure.reason, failure.source).toMatch(expected);
				expect(failure.attempts).toBe(2);
			}

			// Run again after the "crash": nothing is added, nothing is checked twice.
			const again = await photoRequirements(['queue', 'add', ...target, '--files-from', 'list.txt', '--json'], {cwd: run});
			expect(JSON.parse(again.stdout)).toMatchObject({seen: 300, added: 0, changed: 0, skipped: 300});
			expect((await queue.status()).waiting).toBe(0);
			// A photo replaced since its check is checked again, once.
			await writeFile(path.join(run, checkable[0]!), noFace[0]!);
			const changed = await photoRequirements(['queue', 'add', ...target, '--files-from', 'list.txt', '--json'], {cwd: run});
			expect(JSON.parse(changed.stdout)).toMatchObject({seen: 300, added: 1, changed: 1, skipped: 299});
		} finally {
			for (const running of workers) running.child.kill('SIGKILL');
			await queue.close();
		}
	}, 420_000);

	test('a photo that times out twice is failed with that reason; SIGTERM stops a worker with exit 0', async () => {
		const photo = path.join(folder, 'slow.jpg');
		await writeFile(photo, await demoPortrait(715));
		const target = ['--redis', redis.url, '--queue', 'timeouts'];
		expect((await photoRequirements(['queue', 'add', ...target, photo])).code).toBe(0);
		const results = path.join(folder, 'timeout-results');
		const exit = await photoRequirements(['queue', 'work', ...target, '--concurrency', '1', '--timeout', '0.001', '--results', results, '--until-empty']);
		expect(exit.code, exit.stderr).toBe(0);
		expect(exit.stderr).toMatch(/attempt 1 failed, to be retried: .*slow\.jpg: validating this photo took longer than 1 ms/);
		const failed = await photoRequirements(['queue', 'failed', ...target, '--ndjson']);
		expect(JSON.parse(failed.stdout)).toMatchObject({source: photo, attempts: 2, reason: expect.stringMatching(/took longer than 1 ms/)});

		// `retry` puts it back; a worker stopped by SIGTERM with nothing to do exits 0.
		expect((await photoRequirements(['queue', 'retry', ...target])).stdout).toMatch(/1 failed photo moved back to waiting/);
		expect(JSON.parse((await photoRequirements(['queue', 'status', ...target, '--json'])).stdout)).toMatchObject({waiting: 1, failed: 0});
		const worker = start(['queue', 'work', ...target, '--concurrency', '1', '--results', results]);
		const queue = await openPhotoQueue({redis: redis.url, queue: 'timeouts'});
		try {
			while ((await queue.status()).completed < 1) await new Promise((resolve) => setTimeout(resolve, 200));
		} finally {
			await queue.close();
		}
		worker.child.kill('SIGTERM');
		const stopped = await worker.done;
		expect(stopped.code, stopped.stderr).toBe(0);
		expect(stopped.stderr).toMatch(/SIGTERM: finishing the photos in flight/);
		expect(stopped.stderr).toMatch(/stopped: 1 photo checked, 0 failed/);
	}, 180_000);

	test('add streams a list from standard input, status prints the documented fields, clear deletes the queue', async () => {
		const target = ['--redis', redis.url, '--queue', 'list'];
		const paths = Array.from({length: 5000}, (_, index) => `/nowhere/${index}.jpg`);
		const added = await photoRequirements(['queue', 'add', ...target, '--files-from', '-'], {input: `${paths.join('\r\n')}\n\n`});
		expect(added.code, added.stderr).toBe(0);
		expect(added.stdout).toMatch(/^Added 5,000 photos to the queue "list"; 0 already queued or done; in [\d.]+ s\.\n$/);
		const status = JSON.parse((await photoRequirements(['queue', 'status', ...target, '--json'])).stdout) as Record<string, unknown>;
		for (const field of ['waiting', 'active', 'completed', 'failed', 'delayed', 'photosPerSecond', 'etaSeconds']) expect(status).toHaveProperty(field);
		expect(status).toMatchObject({waiting: 5000, active: 0, completed: 0, failed: 0, delayed: 0, photosPerSecond: 0, etaSeconds: null});
		expect((await photoRequirements(['queue', 'status', ...target])).stdout).toMatch(/waiting 5,000 {2}active 0/);

		const noList = await photoRequirements(['queue', 'add', ...target, '--files-from', path.join(folder, 'no-such-list.txt')]);
		expect(noList.code).toBe(2);
		expect(noList.stderr).toMatch(/--files-from: cannot read ".*no-such-list\.txt": no such file/);

		expect((await photoRequirements(['queue', 'clear', ...target])).code).toBe(2);
		expect((await photoRequirements(['queue', 'clear', ...target, '--yes'])).code).toBe(0);
		expect(await redis.client.keys('bull:list:*')).toEqual([]);
	}, 60_000);

	test('a queue keeps the profile of its first add', async () => {
		const target = ['--redis', redis.url, '--queue', 'profiled'];
		expect((await photoRequirements(['queue', 'add', ...target, '--files-from', '-'], {input: '/nowhere/a.jpg\n'})).code).toBe(0);
		const other = await photoRequirements(['queue', 'add', ...target, '--profile', 'ca-pr-card', '--files-from', '-'], {input: '/nowhere/b.jpg\n'});
		expect(other.code).toBe(0);
		await redis.client.hset('bull:profiled:pr:settings', 'profile', 'another-profile');
		const refused = await photoRequirements(['queue', 'add', ...target, '--files-from', '-'], {input: '/nowhere/c.jpg\n'});
		expect(refused.code).toBe(3);
		expect(refused.stderr).toMatch(/the queue "profiled" checks its photos against the "another-profile" profile, not "ca-pr-card"/);
	});

	test('results keep the one line a photo summary points to, when a photo was checked twice', async () => {
		const queue = await openPhotoQueue({redis: redis.url, queue: 'twice'});
		try {
			const keys = queueKeys({toKey: (type: string) => `bull:twice:${type}`});
			const shard = await ResultShard.open(path.join(folder, 'twice'), 'worker-1');
			const report = (await photoRequirements([path.join(repoRoot, 'samples/portrait.jpg'), '--json', '--checks', 'file-format'])).stdout;
			const [parsed] = JSON.parse(report) as object[];
			const id = photoJobId('/photos/x.jpg');
			const first = await shard.append(JSON.stringify({job: id, ...parsed, source: 'x.jpg (first)'}));
			const second = await shard.append(JSON.stringify({job: id, ...parsed, source: 'x.jpg'}));
			await shard.close();
			expect(second.offset).toBe(first.offset + first.length + 1);
			await redis.client.hset(keys.shards, '7', shard.file);
			await redis.client.hset(keys.results, id, JSON.stringify({v: 'accept', r: [], s: 7, o: second.offset, n: second.length, m: '1-2'}));
			const sources: Array<string | undefined> = [];
			for await (const kept of queue.results()) sources.push(kept.source);
			expect(sources).toEqual(['x.jpg']);
			const offsets: number[] = [];
			for await (const line of readShardLines(shard.file)) offsets.push(line.offset);
			expect(offsets).toEqual([first.offset, second.offset]);
		} finally {
			await queue.close();
		}
	});
});

describe('queue commands without a Redis', () => {
	test("'photo-requirements/queue' resolves through the exports map to the built entry, with its types", async () => {
		const entry = await import('photo-requirements/queue');
		expect(typeof entry.openPhotoQueue).toBe('function');
		expect(typeof entry.startQueueWorker).toBe('function');
		expect(existsSync(path.join(repoRoot, 'dist/queue/index.d.ts'))).toBe(true);
	});

	test('lines are split where the bytes are, across chunks, with their offsets; a last line without newline only when asked', async () => {
		async function* chunks() {
			yield Buffer.from('a.jpg\r\nd');
			yield Buffer.from('ossier/é').subarray(0, 8); // cuts é between its two bytes
			yield Buffer.concat([Buffer.from('é').subarray(1), Buffer.from('.jpg\n\nlast')]);
		}
		const lines = [];
		for await (const line of splitLines(chunks())) lines.push(line);
		expect(lines).toEqual([
			{offset: 0, text: 'a.jpg\r'},
			{offset: 7, text: 'dossier/é.jpg'},
			{offset: 22, text: ''},
		]);
		const all = [];
		for await (const line of splitLines(chunks(), {partialLast: true})) all.push(line.text);
		expect(all.at(-1)).toBe('last');
	});

	test('an unreachable Redis is exit 3 with its address; usage errors are exit 2', async () => {
		const port = await freePort();
		const down = await photoRequirements(['queue', 'status', '--redis', `redis://user:secret@127.0.0.1:${port}`]);
		expect(down.code).toBe(3);
		expect(down.stderr).toMatch(new RegExp(`cannot reach Redis at redis://user:\\*\\*\\*@127\\.0\\.0\\.1:${port}`));
		expect(down.stderr).not.toMatch(/secret/);
		const usage = [
			[['queue', 'frobnicate'], /unknown command "frobnicate"/],
			[['queue', 'add'], /no photo given/],
			[['queue', 'work', '--concurrency', '0'], /--concurrency must be a whole number/],
			[['queue', 'work', '--lock-timeout', 'soon'], /--lock-timeout must be a number of seconds/],
			[['queue', 'status', '--redis', 'http://example.com'], /must be a redis:\/\/ or rediss:\/\/ URL/],
			[['queue', 'results', '--json', '--ndjson'], /cannot be used together/],
			[['queue', 'add', '--profile', 'nope', 'x.jpg'], /--profile must be one of/],
		] as const;
		for (const [args, message] of usage) {
			const result = await photoRequirements(args);
			expect(result.code, args.join(' ')).toBe(2);
			expect(result.stderr, args.join(' ')).toMatch(message);
		}
		const help = await photoRequirements(['queue', '--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toMatch(/Exit status:[\s\S]*3 {2}Redis cannot be reached/);
	});
});
