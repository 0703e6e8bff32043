/**
 * The HTTP service under load: requests per second and latency at 1, 4 and 16 concurrent clients,
 * and the event-loop delay of the server's thread meanwhile, for the long-lived validator (a pool
 * of workers) against the same server validating in its own thread (`workers: false`, what a
 * server calling validatePhoto per request gets). Part of npm run bench; alone: npm run bench:server.
 */
import type {AddressInfo} from 'node:net';
import {monitorEventLoopDelay} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {createValidator} from '../src/index.js';
import {createServer} from '../src/server/index.js';
import {benchmarkJpeg} from './photo.js';
import {median, ms, quantile} from './stats.js';

export interface ServerFigures {
	clients: number;
	requestsPerSecond: number;
	medianMs: number;
	p95Ms: number;
	/** The server thread's event-loop delay, 99th percentile and maximum. */
	loopP99Ms: number;
	loopMaxMs: number;
}

/** `requests` uploads of `photo` from `clients` clients in a loop against a fresh server; `workers` as createValidator's. */
export async function measureServer(photo: Buffer, clients: number, requests: number, workers: boolean): Promise<ServerFigures> {
	const validator = createValidator({workers, concurrency: 2, maxQueue: 1000});
	const app = await createServer({validator});
	await app.listen({port: 0, host: '127.0.0.1'});
	const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/v1/validate`;
	await validator.ready();
	const upload = async () => {
		const response = await fetch(url, {method: 'POST', body: photo as Uint8Array<ArrayBuffer>, headers: {'content-type': 'image/jpeg'}});
		await response.arrayBuffer();
		if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
	};
	// One upload per client first: every worker has seen a photo.
	await Promise.all(Array.from({length: clients}, upload));
	const latencies: number[] = [];
	let next = 0;
	const loop = monitorEventLoopDelay({resolution: 5});
	loop.enable();
	const started = performance.now();
	await Promise.all(
		Array.from({length: clients}, async () => {
			while (next++ < requests) {
				const sent = performance.now();
				await upload();
				latencies.push(performance.now() - sent);
			}
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	loop.disable();
	await app.close();
	await validator.close();
	return {
		clients,
		requestsPerSecond: requests / seconds,
		medianMs: median(latencies),
		p95Ms: quantile(latencies, 0.95),
		loopP99Ms: loop.percentile(99) / 1e6,
		loopMaxMs: loop.max / 1e6,
	};
}

/** Prints the table of npm run bench. */
export async function benchServer(photo: Buffer, requests = 48): Promise<void> {
	console.log(`HTTP service, POST /v1/validate of the 2000 × 2800 JPEG (${requests} requests per row, 2 workers; event loop: the server's thread)`);
	console.log('  validator              clients   req/s    median      p95        loop p99   loop max');
	for (const workers of [true, false]) {
		for (const clients of [1, 4, 16]) {
			const figures = await measureServer(photo, clients, requests, workers);
			console.log(
				`  ${(workers ? 'pool (createValidator)' : 'in-thread').padEnd(22)} ${String(clients).padStart(3)}   ${figures.requestsPerSecond.toFixed(1).padStart(5)}   ${ms(figures.medianMs).padStart(10)} ${ms(figures.p95Ms).padStart(10)}   ${ms(figures.loopP99Ms).padStart(9)} ${ms(figures.loopMaxMs).padStart(9)}`,
			);
		}
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchServer(await benchmarkJpeg());
