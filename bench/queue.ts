/**
 * npm run bench:queue: the queue against validatePhotos on the same photos (the queue's overhead
 * as a ratio), Redis' memory per photo waiting and per photo done (extrapolated to a million and
 * ten million), the shards' bytes per report, and `queue add --files-from` on a list of a million
 * generated paths (time, and the command's resident memory as the list goes by).
 *
 * Starts its own redis-server on a free port. Options: --photos N (default 60, 2000 × 2800 JPEGs),
 * --paths N (default 1,000,000), --memory-sample N (default 100,000).
 */
import {spawn} from 'node:child_process';
import {createWriteStream, existsSync} from 'node:fs';
import {mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {availableParallelism, tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {validatePhotos} from '../src/index.js';
import {openPhotoQueue} from '../src/queue/index.js';
import {photoJobId, queueKeys} from '../src/queue/records.js';
import {hasRedis, noRedisMessage, type RedisServer, startRedis} from '../test/support/redis.js';
import {benchmarkJpeg} from './photo.js';

const {values} = parseArgs({
	options: {photos: {type: 'string', default: '60'}, paths: {type: 'string', default: '1000000'}, 'memory-sample': {type: 'string', default: '100000'}},
});
const photoCount = Number(values.photos);
const pathCount = Number(values.paths);
const memorySample = Number(values['memory-sample']);
const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

export async function benchQueue(): Promise<void> {
	if (!hasRedis) {
		console.log(`queue: skipped (${noRedisMessage})`);
		return;
	}
	if (!existsSync(cli)) throw new Error(`bench:queue runs the built CLI (${cli}): run npm run build first`);
	const redis = await startRedis();
	const folder = await mkdtemp(path.join(tmpdir(), 'photo-requirements-bench-queue-'));
	try {
		console.log(`\nqueue (BullMQ on redis-server, ${availableParallelism()} cores): ${photoCount} photos, 2000 × 2800 JPEG`);
		const photos = await writePhotos(folder, photoCount);
		await throughput(redis, folder, photos);
		await redisMemory(redis);
		await addMillion(redis, folder);
	} finally {
		await redis.stop();
		await rm(folder, {recursive: true, force: true});
	}
}

async function writePhotos(folder: string, count: number): Promise<string[]> {
	const photo = await benchmarkJpeg();
	await mkdir(path.join(folder, 'photos'));
	const paths = Array.from({length: count}, (_, index) => path.join(folder, 'photos', `applicant-${String(index).padStart(6, '0')}.jpg`));
	for (const file of paths) await writeFile(file, photo);
	return paths;
}

/** Photos a second: steady (from the `warm`-th photo finished to the last, engines loaded) and over the whole run. */
function rates(finishedAt: readonly number[], started: number, warm: number): {steady: number; overall: number} {
	const sorted = [...finishedAt].sort((a, b) => a - b);
	const from = sorted[Math.min(warm, sorted.length - 1) - 1] ?? started;
	const last = sorted.at(-1)!;
	return {steady: (sorted.length - warm) / ((last - from) / 1000), overall: sorted.length / ((last - started) / 1000)};
}

async function throughput(redis: RedisServer, folder: string, photos: readonly string[]): Promise<void> {
	const rows: Array<{label: string; steady: number; overall: number}> = [];
	for (const concurrency of [1, 2]) {
		const finished: number[] = [];
		const started = performance.now();
		await validatePhotos(photos, {concurrency, onProgress: () => finished.push(performance.now())});
		rows.push({label: `validatePhotos, concurrency ${concurrency}`, ...rates(finished, started, concurrency)});
	}
	for (const [processes, threads] of [
		[1, 1],
		[1, 2],
		[2, 1],
	] as const) {
		const name = `bench-${processes}x${threads}`;
		const queue = await openPhotoQueue({redis: redis.url, queue: name});
		await queue.add(photos);
		const results = path.join(folder, `results-${name}`);
		const finished: number[] = [];
		const started = performance.now();
		const workers = Array.from({length: processes}, () =>
			runCli(['queue', 'work', '--redis', redis.url, '--queue', name, '--concurrency', String(threads), '--results', results, '--until-empty']),
		);
		// The summaries in Redis say when each photo finished, to the poll's 20 ms.
		const keys = keysOf(queue.name);
		const poll = setInterval(() => {
			redis.client.hlen(keys.results).then((done) => {
				while (finished.length < done) finished.push(performance.now());
			});
		}, 20);
		await Promise.all(workers);
		clearInterval(poll);
		while (finished.length < photos.length) finished.push(performance.now());
		rows.push({
			label: `queue, ${processes} worker process${processes > 1 ? 'es' : ''} × ${threads} thread${threads > 1 ? 's' : ''}`,
			...rates(finished, started, processes * threads),
		});
		if (processes === 2) await shardFigures(results, photos.length);
		await queue.clear();
		await queue.close();
	}
	const base = (threads: number) => rows[threads - 1]!;
	console.log("  photos a second (steady: after each thread's first photo; overall: from the start, process start and engine load included)");
	for (const row of rows) {
		const threads = /× 2|concurrency 2|2 worker/.test(row.label) ? 2 : 1;
		const ratio = row.label.startsWith('queue') ? `  = ${(row.steady / base(threads).steady).toFixed(2)} × validatePhotos at ${threads}` : '';
		console.log(`  ${row.label.padEnd(42)} steady ${row.steady.toFixed(2).padStart(6)}   overall ${row.overall.toFixed(2).padStart(6)}${ratio}`);
	}
}

async function shardFigures(results: string, photos: number): Promise<void> {
	let bytes = 0;
	for (const name of await readdir(results)) bytes += (await stat(path.join(results, name))).size;
	console.log(`  shards: ${(bytes / photos).toFixed(0)} bytes a report (${(((bytes / photos) * 1e6) / 1e9).toFixed(2)} GB a million photos on disk)`);
}

async function usedMemory(redis: RedisServer): Promise<number> {
	const info = await redis.client.info('memory');
	return Number(/used_memory:(\d+)/.exec(info)?.[1]);
}

/** Redis' bytes per photo: `memorySample` photos added (waiting), then each given a summary as a worker leaves it. */
async function redisMemory(redis: RedisServer): Promise<void> {
	const queue = await openPhotoQueue({redis: redis.url, queue: 'bench-memory'});
	const paths = Array.from(
		{length: memorySample},
		(_, index) => `/archive/photos/2025/${String(index % 365).padStart(3, '0')}/applicant-${String(index).padStart(9, '0')}.jpg`,
	);
	const empty = await usedMemory(redis);
	await queue.add(paths);
	const waiting = await usedMemory(redis);
	const keys = keysOf(queue.name);
	// The jobs as a worker leaves them: removed, one summary each (a return with two reasons, the
	// shard and the line's place: a typical record).
	await redis.client.del(`bull:bench-memory:wait`);
	for (let start = 0; start < paths.length; start += 1000) {
		const pipeline = redis.client.pipeline();
		for (const file of paths.slice(start, start + 1000)) {
			const id = photoJobId(file);
			pipeline.del(`bull:bench-memory:${id}`);
			pipeline.hset(
				keys.results,
				id,
				JSON.stringify({v: 'return', r: ['TOO_DARK', 'BACKGROUND_NOT_WHITE'], s: 12, o: 48_000_000_000, n: 9000, m: '812345-1748000000000'}),
			);
		}
		await pipeline.exec();
	}
	const done = await usedMemory(redis);
	const perWaiting = (waiting - empty) / memorySample;
	const perDone = (done - empty) / memorySample;
	console.log(
		`  Redis memory (${memorySample.toLocaleString('en-US')} photos): ${perWaiting.toFixed(0)} bytes a photo waiting, ${perDone.toFixed(0)} bytes a photo done`,
	);
	console.log(
		`    a million photos: ${((perWaiting * 1e6) / 1e9).toFixed(2)} GB all waiting, ${((perDone * 1e6) / 1e9).toFixed(2)} GB all done; ten million: ${((perWaiting * 1e7) / 1e9).toFixed(1)} GB waiting, ${((perDone * 1e7) / 1e9).toFixed(1)} GB done`,
	);
	await queue.clear();
	await queue.close();
}

/** `queue add --files-from` on a generated list: the time, and the command's resident memory along the way. */
async function addMillion(redis: RedisServer, folder: string): Promise<void> {
	const list = path.join(folder, 'paths.txt');
	await new Promise<void>((resolve, reject) => {
		const out = createWriteStream(list);
		out.on('error', reject);
		let index = 0;
		const more = () => {
			let ok = true;
			while (index < pathCount && ok) {
				ok = out.write(`/archive/photos/${String(index % 1000).padStart(3, '0')}/applicant-${String(index).padStart(9, '0')}.jpg\n`);
				index++;
			}
			if (index < pathCount) out.once('drain', more);
			else out.end(resolve);
		};
		more();
	});
	const listBytes = (await stat(list)).size;
	const samples: Array<{seconds: number; rssMb: number}> = [];
	const started = performance.now();
	const child = spawn(process.execPath, [cli, 'queue', 'add', '--redis', redis.url, '--queue', 'bench-million', '--files-from', list, '--json'], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let stdout = '';
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
	});
	const sampler = setInterval(() => {
		readFile(`/proc/${child.pid}/status`, 'utf8')
			.then((status) => {
				const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
				if (kb) samples.push({seconds: (performance.now() - started) / 1000, rssMb: kb / 1024});
			})
			.catch(() => undefined);
	}, 250);
	const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
	clearInterval(sampler);
	const seconds = (performance.now() - started) / 1000;
	if (code !== 0) throw new Error(`queue add exited with ${code}`);
	const summary = JSON.parse(stdout) as {added: number};
	const at = (fraction: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * fraction))]?.rssMb ?? Number.NaN;
	const peak = Math.max(...samples.map((sample) => sample.rssMb));
	console.log(
		`  queue add --files-from: ${pathCount.toLocaleString('en-US')} paths (${(listBytes / 1e6).toFixed(0)} MB list), ${summary.added.toLocaleString('en-US')} added in ${seconds.toFixed(1)} s (${Math.round(pathCount / seconds).toLocaleString('en-US')} a second)`,
	);
	console.log(
		`    resident memory of the command at 10 %, 25 %, 50 %, 75 % and 100 % of its run: ${[0.1, 0.25, 0.5, 0.75, 0.99].map((fraction) => at(fraction).toFixed(0)).join(', ')} MB (peak ${peak.toFixed(0)} MB)`,
	);
	console.log(`    Redis memory with them all waiting: ${((await usedMemory(redis)) / 1e9).toFixed(2)} GB`);
}

/** The library's keys of a queue under BullMQ's default prefix. */
function keysOf(name: string) {
	return queueKeys({toKey: (type: string) => `bull:${name}:${type}`});
}

function runCli(args: readonly string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cli, ...args], {stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr}`))));
	});
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await benchQueue();
