/**
 * npm run bench: latency of validatePhoto on a 2000 × 2800 JPEG against the bare sharp decode of
 * the same file (measured alternately, in one run, so machine noise hits both alike), batch
 * throughput at concurrency 1 and 2 and as two processes of one worker each, the share of each
 * stage, the floors under the face stage and the worker's RSS (bench/floors.ts), peak RSS, and the
 * HTTP service's requests per second and latency at 1, 4 and 16 clients (bench/server.ts).
 *
 * Options: --runs N (default 40), --batch N (photos per batch run, default 40), --soak N (validations
 * for the memory trend, default 300; the figure is --soak 1000).
 */
import {spawn, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PerformanceObserver} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {faceEngineMemory} from '../src/analysis/face/index.js';
import {type PhotoReport, validatePhoto} from '../src/index.js';
import {bareDecode, benchmarkJpeg} from './photo.js';
import {benchServer} from './server.js';
import {median, ms, quantile} from './stats.js';

const {values} = parseArgs({
	options: {runs: {type: 'string', default: '40'}, batch: {type: 'string', default: '40'}, soak: {type: 'string', default: '300'}},
});
const runs = Number(values.runs);
const batchSize = Number(values.batch);
const soak = Number(values.soak);

const photo = await benchmarkJpeg();
console.log(`photo-requirements benchmark: ${process.version}, ${(await import('node:os')).cpus().length} cores`);
console.log(`photo: 2000 × 2800 JPEG, ${(photo.length / 1e6).toFixed(2)} MB\n`);

// Warm up: first calls load libraries (and, once there is one, the face engine).
for (let index = 0; index < 3; index++) {
	await bareDecode(photo);
	await validatePhoto(photo);
}

// Garbage collection during the validations only (the decodes run between them, so a few of their
// collections land here too: an upper bound).
let gcMs = 0;
let measuringGc = false;
const gcObserver = new PerformanceObserver((list) => {
	if (measuringGc) for (const entry of list.getEntries()) gcMs += entry.duration;
});
gcObserver.observe({entryTypes: ['gc']});

const decodeTimes: number[] = [];
const validateTimes: number[] = [];
const stageTimes = new Map<string, number[]>();
for (let index = 0; index < runs; index++) {
	let started = performance.now();
	await bareDecode(photo);
	decodeTimes.push(performance.now() - started);

	started = performance.now();
	measuringGc = true;
	const report: PhotoReport = await validatePhoto(photo);
	measuringGc = false;
	validateTimes.push(performance.now() - started);
	for (const [stage, time] of Object.entries(report.timings ?? {})) {
		stageTimes.set(stage, [...(stageTimes.get(stage) ?? []), time]);
	}
}

const decodeMedian = median(decodeTimes);
const validateMedian = median(validateTimes);
console.log(`latency over ${runs} alternating runs`);
console.log(`  sharp decode to raw pixels   median ${ms(decodeMedian)}   p95 ${ms(quantile(decodeTimes, 0.95))}`);
console.log(`  validatePhoto                median ${ms(validateMedian)}   p95 ${ms(quantile(validateTimes, 0.95))}`);
console.log(`  ratio of medians             ${(validateMedian / decodeMedian).toFixed(2)}× the bare decode`);
await new Promise((resolve) => setTimeout(resolve, 50)); // let the observer deliver the last entries
gcObserver.disconnect();
console.log(`  garbage collection           ${ms(gcMs / runs)} per validatePhoto (mean)\n`);

console.log('stages (median ms; a stage includes the stages it waits on)');
for (const [stage, times] of stageTimes) {
	const value = median(times);
	console.log(`  ${stage.padEnd(18)} ${ms(value).padStart(10)}   ${((value / validateMedian) * 100).toFixed(0).padStart(3)} % of validatePhoto`);
}

// Throughput on one core against two: each batch runs in a child process, the one-core run pinned
// with taskset (a one-worker run on two cores would still use the second for decoding and GC).
console.log(`\nbatch throughput (${batchSize} photos; steady: after each worker's first photo, which loads its face engine)`);
const pin = spawnSync('taskset', ['--version']).status === 0;
/** The command that runs `script` (a bench/ file), on core `core` alone when given and taskset exists. */
const command = (script: string, args: string[], core?: number): [string, string[]] => {
	const node = ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args];
	return core !== undefined && pin ? ['taskset', ['-c', String(core), process.execPath, ...node]] : [process.execPath, node];
};
/** Runs `script` in a child process; resolves with its last line, which is JSON. Two can run at once. */
const child = <T>(script: string, args: string[], core?: number): Promise<T> =>
	new Promise((resolve, reject) => {
		const run = spawn(...command(script, args, core), {stdio: ['ignore', 'pipe', 'inherit']});
		let stdout = '';
		run.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
		});
		run.on('error', reject).on('close', () => {
			try {
				resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as T);
			} catch (error) {
				reject(error);
			}
		});
	});
type BatchRun = {steady: number; overall: number; cpuSeconds: number; peakRssMb: number; rssBeforeMb: number};
const batchArgs = (concurrency: number, workers = 'threads') => ['--concurrency', String(concurrency), '--photos', String(batchSize), '--workers', workers];
const oneCore = await child<BatchRun>('batch.ts', batchArgs(1), 0);
const twoCores = await child<BatchRun>('batch.ts', batchArgs(2));
console.log(
	`  1 worker on ${pin ? 'one core (taskset -c 0)' : 'all cores (taskset not found)'}: ${oneCore.steady.toFixed(2)} photos/s steady, ${oneCore.overall.toFixed(2)} overall, ${oneCore.cpuSeconds.toFixed(1)} CPU-s, peak RSS ${oneCore.peakRssMb.toFixed(0)} MB, of which the worker ${(oneCore.peakRssMb - oneCore.rssBeforeMb).toFixed(0)} MB (peak minus the process before it started)`,
);
console.log(
	`  2 workers on two cores: ${twoCores.steady.toFixed(2)} photos/s steady, ${twoCores.overall.toFixed(2)} overall, ${twoCores.cpuSeconds.toFixed(1)} CPU-s`,
);
console.log(`  ratio two cores / one (steady): ${(twoCores.steady / oneCore.steady).toFixed(2)}×`);
// The same work as two processes of one worker, one on each core: whether what two threads of one
// process lose against two cores is lost to the process (its allocator, libvips, V8's shared
// threads) or to the machine.
const apart = await Promise.all([child<BatchRun>('batch.ts', batchArgs(1), 0), child<BatchRun>('batch.ts', batchArgs(1), 1)]);
const apartSteady = apart[0].steady + apart[1].steady;
console.log(
	`  2 processes of 1 worker${pin ? ', on cores 0 and 1' : ''}: ${apartSteady.toFixed(2)} photos/s steady together (${apart.map((run) => run.steady.toFixed(2)).join(' + ')}), ${(apartSteady / oneCore.steady).toFixed(2)}× one worker, ${(apart[0].cpuSeconds + apart[1].cpuSeconds).toFixed(1)} CPU-s`,
);
const processes = await child<BatchRun>('batch.ts', batchArgs(2, 'processes'));
console.log(
	`  2 worker processes (workers: 'processes'): ${processes.steady.toFixed(2)} photos/s steady, ${processes.overall.toFixed(2)} overall, ${(processes.steady / oneCore.steady).toFixed(2)}× one worker`,
);
const machine = await child<{ratio?: number}>('cpu-probe.ts', []);
console.log(`  this machine's own ceiling (pure JS arithmetic on two threads / one): ${machine.ratio?.toFixed(2) ?? '?'}×`);

// The floors of two targets, in pinned child processes: the networks alone on wasm, and a process
// that only decodes (the worker's RSS cannot go under the decoder's own).
const nets = await child<Record<string, number>>('floors.ts', ['--part', 'nets'], 0);
const decodeOnly = await child<Record<string, number>>('floors.ts', ['--part', 'decode'], 0);
console.log(`\nfloors on this stack (${pin ? 'one core' : 'all cores: taskset not found'})`);
console.log(
	`  face networks alone, execute + read-back (median): BlazeFace 256 ${ms(nets.blazeface!)}, mesh 192 ${ms(nets.mesh!)} (runs twice), iris 2 × 64 ${ms(nets.iris!)}, expression 112 ${ms(nets.expression!)}: ${ms(nets.perPhoto!)} a photo; wasm heap ${nets.wasmHeapMb!.toFixed(0)} MB`,
);
console.log(
	`  a process that only decodes the photo (sharp, 1/2 scale, 40 times): peak RSS ${decodeOnly.peakRssMb!.toFixed(0)} MB, ${(decodeOnly.peakRssMb! - decodeOnly.rssBeforeMb!).toFixed(0)} MB above the process before it (the worker's figure above is measured the same way)`,
);

console.log('\nCLI cold start, one photo (node dist/cli/main.js; needs npm run build)');
const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (existsSync(cli)) {
	const file = path.join(tmpdir(), 'photo-requirements-bench.jpg');
	await writeFile(file, photo);
	const cold: number[] = [];
	for (let index = 0; index < 5; index++) {
		const started = performance.now();
		spawnSync(process.execPath, [cli, file], {stdio: 'ignore'});
		cold.push(performance.now() - started);
	}
	console.log(`  median ${ms(median(cold))} of 5 runs (min ${ms(Math.min(...cold))})`);
} else {
	console.log('  skipped: dist/cli/main.js is not built');
}

console.log(`\nmemory over ${soak} validations in this process (RSS, and the face engine's live tensors)`);
const rssStart = process.memoryUsage().rss;
const tensorsStart = faceEngineMemory().numTensors;
for (let index = 1; index <= soak; index++) {
	await validatePhoto(photo);
	if (index % Math.max(1, Math.floor(soak / 10)) === 0) {
		console.log(`  after ${String(index).padStart(5)}: RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, tensors ${faceEngineMemory().numTensors}`);
	}
}
const rssEnd = process.memoryUsage().rss;
console.log(`  RSS change ${((rssEnd - rssStart) / 1e6).toFixed(0)} MB over ${soak} validations; tensors ${tensorsStart} → ${faceEngineMemory().numTensors}`);

console.log(`\npeak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

console.log('');
await benchServer(photo);

console.log('\ninstall (npm run bench:install)');
const install = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('install-size.ts', import.meta.url))], {encoding: 'utf8'});
console.log(`  ${install.stdout.trim().split('\n')[0] ?? '?'}`);
