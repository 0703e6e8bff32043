/**
 * One hostile input in a fresh process, for bench/hostile.ts: tsx bench/hostile-one.ts <index>
 * Prints one JSON line: CPU and wall time of validatePhoto, the peak RSS while it ran, the report's size.
 */
import {validatePhoto} from '../src/index.js';
import {hostileCases} from '../test/support/hostile.js';

const index = Number(process.argv[2]);
// Only the one case is kept: the others (tens of megabytes) are dropped before measuring.
const item = (await hostileCases())[index]!;
(globalThis as {gc?: () => void}).gc?.();
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const sampler = setInterval(() => {
	peak = Math.max(peak, process.memoryUsage().rss);
}, 2);
const cpu = process.cpuUsage();
const started = performance.now();
const report = await validatePhoto(item.bytes, item.fileName ? {name: item.fileName} : {});
const wallMs = performance.now() - started;
const used = process.cpuUsage(cpu);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(
	JSON.stringify({
		name: item.name,
		bytes: item.bytes.length,
		cpuMs: Math.round((used.user + used.system) / 1000),
		wallMs: Math.round(wallMs),
		rssBeforeMb: Math.round(rssBefore / 1e6),
		rssPeakMb: Math.round(peak / 1e6),
		rssAddedMb: Math.round((peak - rssBefore) / 1e6),
		reportBytes: Buffer.byteLength(JSON.stringify(report)),
		fileFormat: report.checks.find((check) => check.id === 'file-format')?.status,
	}),
);
