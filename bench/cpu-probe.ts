/**
 * How this machine scales: the same fixed JavaScript work on one worker thread, then on two at once.
 * A VM's two vCPUs may share a physical core, which caps any program's 2-thread speed-up.
 *   tsx bench/cpu-probe.ts  → prints the ratio (2 threads' throughput / 1 thread's)
 */
import {Worker} from 'node:worker_threads';

const work = `
	const {parentPort} = require('node:worker_threads');
	let x = 0;
	const started = performance.now();
	for (let i = 0; i < 6e7; i++) x = (x * 1664525 + 1013904223) % 4294967296;
	parentPort.postMessage(performance.now() - started + (x === -1 ? 1 : 0));
`;

function run(): Promise<number> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(work, {eval: true});
		worker.once('message', resolve);
		worker.once('error', reject);
	});
}

const one = await run();
const [a, b] = await Promise.all([run(), run()]);
const ratio = 2 / Math.max(a!, b!) / (1 / one);
console.log(JSON.stringify({oneThreadMs: one, twoThreadsMs: Math.max(a!, b!), ratio}));
