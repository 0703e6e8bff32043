/**
 * npm run bench: latency of validatePhoto on a 2000 × 2800 JPEG against the bare sharp decode of
 * the same file (measured alternately, in one run, so machine noise hits both alike), batch
 * throughput at concurrency 1 and 2, the share of each stage, and peak RSS.
 *
 * Options: --runs N (default 40), --batch N (photos per batch run, default 40).
 */
import {parseArgs} from 'node:util';
import {validatePhoto, validatePhotos, type PhotoReport} from '../src/index.js';
import {bareDecode, benchmarkJpeg} from './photo.js';
import {median, ms, quantile} from './stats.js';

const {values} = parseArgs({options: {runs: {type: 'string', default: '40'}, batch: {type: 'string', default: '40'}}});
const runs = Number(values.runs);
const batchSize = Number(values.batch);

const photo = await benchmarkJpeg();
console.log(`photo-requirements benchmark: ${process.version}, ${(await import('node:os')).cpus().length} cores`);
console.log(`photo: 2000 × 2800 JPEG, ${(photo.length / 1e6).toFixed(2)} MB\n`);

// Warm up: first calls load libraries (and, once there is one, the face engine).
for (let index = 0; index < 3; index++) {
	await bareDecode(photo);
	await validatePhoto(photo);
}

const decodeTimes: number[] = [];
const validateTimes: number[] = [];
const stageTimes = new Map<string, number[]>();
for (let index = 0; index < runs; index++) {
	let started = performance.now();
	await bareDecode(photo);
	decodeTimes.push(performance.now() - started);

	started = performance.now();
	const report: PhotoReport = await validatePhoto(photo);
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
console.log(`  ratio of medians             ${(validateMedian / decodeMedian).toFixed(2)}× the bare decode\n`);

console.log('stages (median ms; a stage includes the stages it waits on)');
for (const [stage, times] of stageTimes) {
	const value = median(times);
	console.log(`  ${stage.padEnd(12)} ${ms(value).padStart(10)}   ${((value / validateMedian) * 100).toFixed(0).padStart(3)} % of validatePhoto`);
}

console.log(`\nbatch throughput (${batchSize} photos)`);
const throughput: Record<number, number> = {};
for (const concurrency of [1, 2]) {
	const started = performance.now();
	await validatePhotos(Array.from({length: batchSize}, () => photo), {concurrency});
	const seconds = (performance.now() - started) / 1000;
	throughput[concurrency] = batchSize / seconds;
	console.log(`  concurrency ${concurrency}: ${throughput[concurrency]!.toFixed(2)} photos/s`);
}
console.log(`  ratio 2 / 1: ${(throughput[2]! / throughput[1]!).toFixed(2)}×`);

console.log(`\npeak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
