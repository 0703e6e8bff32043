/**
 * One batch run, for bench/main.ts to start in a child process (pinned to one core, or not):
 *   tsx bench/batch.ts --concurrency N --photos M [--workers threads|processes]
 * Prints one JSON line: steady photos/s (after each worker's first photo, which loads its face
 * engine), photos/s over the whole run, and the CPU time used.
 */
import {parseArgs} from 'node:util';
import {validatePhotos} from '../src/index.js';
import {benchmarkJpeg} from './photo.js';
import {median} from './stats.js';

const {values} = parseArgs({
	options: {concurrency: {type: 'string', default: '1'}, photos: {type: 'string', default: '40'}, workers: {type: 'string', default: 'threads'}},
});
if (values.workers !== 'threads' && values.workers !== 'processes') throw new TypeError(`--workers must be threads or processes, not ${values.workers}`);
const workers = values.workers;
const concurrency = Number(values.concurrency);
const photos = Number(values.photos);
const photo = await benchmarkJpeg();

// The process before any worker starts (Node, tsx, the library's modules, the photo): what the peak
// RSS minus this leaves is the workers' own share.
const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
const finished: number[] = [];
const cpuBefore = process.cpuUsage();
const started = performance.now();
const stages = new Map<string, number[]>();
await validatePhotos(
	Array.from({length: photos}, () => photo),
	{
		concurrency,
		workers,
		onProgress({report}) {
			finished.push(performance.now());
			for (const [stage, ms] of Object.entries(report.timings ?? {})) stages.set(stage, [...(stages.get(stage) ?? []), ms]);
		},
	},
);
const wall = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const steadyFrom = finished[concurrency - 1]!;
console.log(
	JSON.stringify({
		concurrency,
		photos,
		steady: (finished.length - concurrency) / ((finished.at(-1)! - steadyFrom) / 1000),
		overall: photos / wall,
		cpuSeconds: (cpu.user + cpu.system) / 1e6,
		wallSeconds: wall,
		// The whole process at its peak: the main thread and its workers.
		peakRssMb: process.resourceUsage().maxRSS / 1024,
		rssBeforeMb,
		// Median time of each fact in the workers (skipping each worker's first photo).
		stages: Object.fromEntries([...stages].map(([stage, times]) => [stage, median(times.slice(concurrency))])),
	}),
);
