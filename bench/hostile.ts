/**
 * What hostile inputs cost (npm run bench:hostile): every case of the hostile table in a fresh
 * process (CPU and wall time of one validatePhoto, peak RSS, report size), then a CLI batch of 20
 * good photos with 5 scan bombs mixed in (verdicts, and how long the process lives after its last report).
 */
import {spawn} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {hostileCases, jpegScanBomb} from '../test/support/hostile.js';
import {benchmarkJpeg} from './photo.js';

const root = path.resolve(import.meta.dirname, '..');

function run(command: string, args: string[]): Promise<{lines: Array<{at: number; text: string}>; exitAt: number; code: number | null}> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {cwd: root, stdio: ['ignore', 'pipe', 'inherit']});
		const lines: Array<{at: number; text: string}> = [];
		let buffer = '';
		child.stdout.on('data', (chunk: Buffer) => {
			buffer += chunk.toString();
			for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
				lines.push({at: performance.now(), text: buffer.slice(0, newline)});
				buffer = buffer.slice(newline + 1);
			}
		});
		child.on('error', reject);
		child.on('exit', (code) => resolve({lines, exitAt: performance.now(), code}));
	});
}

const cases = await hostileCases();
console.log(`hostile inputs, one fresh process each (${cases.length} cases)`);
console.log(
	'case'.padEnd(48),
	'MB'.padStart(6),
	'cpu ms'.padStart(8),
	'wall ms'.padStart(8),
	'RSS MB'.padStart(7),
	'+RSS MB'.padStart(8),
	'report kB'.padStart(10),
	' file-format',
);
let worst = {cpuMs: 0, rssPeakMb: 0, reportBytes: 0};
for (let index = 0; index < cases.length; index++) {
	const {lines} = await run(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/hostile-one.ts', String(index)]);
	const result = JSON.parse(lines.at(-1)!.text) as {
		name: string;
		bytes: number;
		cpuMs: number;
		wallMs: number;
		rssPeakMb: number;
		rssAddedMb: number;
		reportBytes: number;
		fileFormat: string;
	};
	worst = {
		cpuMs: Math.max(worst.cpuMs, result.cpuMs),
		rssPeakMb: Math.max(worst.rssPeakMb, result.rssAddedMb),
		reportBytes: Math.max(worst.reportBytes, result.reportBytes),
	};
	console.log(
		result.name.slice(0, 48).padEnd(48),
		(result.bytes / 1e6).toFixed(1).padStart(6),
		String(result.cpuMs).padStart(8),
		String(result.wallMs).padStart(8),
		String(result.rssPeakMb).padStart(7),
		String(result.rssAddedMb).padStart(8),
		(result.reportBytes / 1024).toFixed(1).padStart(10),
		` ${result.fileFormat}`,
	);
}
console.log(`worst: ${worst.cpuMs} ms CPU, ${worst.rssPeakMb} MB of RSS added by one validatePhoto, ${(worst.reportBytes / 1024).toFixed(1)} kB of report`);

const folder = await mkdtemp(path.join(tmpdir(), 'bench-hostile-'));
try {
	const good = await benchmarkJpeg();
	const poison = await jpegScanBomb(250_000);
	for (let index = 0; index < 25; index++) await writeFile(path.join(folder, `${String(index).padStart(2, '0')}.jpg`), index % 5 === 2 ? poison : good);
	const started = performance.now();
	const {lines, exitAt, code} = await run(process.execPath, ['dist/cli/main.js', '--ndjson', '--timeout', '10', folder]);
	const reports = lines.map((line) => JSON.parse(line.text) as {verdict: string; checks: Array<{id: string; message: string}>});
	const poisoned = reports.filter((report) => /scans/.test(report.checks[0]!.message)).length;
	const verdicts: Record<string, number> = {};
	for (const report of reports) verdicts[report.verdict] = (verdicts[report.verdict] ?? 0) + 1;
	console.log(
		`\nCLI batch of 20 good photos (2000 × 2800) and 5 scan bombs, --timeout 10: ${reports.length} reports in ${((lines.at(-1)!.at - started) / 1000).toFixed(1)} s, exit ${code}`,
	);
	console.log(
		`verdicts ${JSON.stringify(verdicts)}; ${poisoned} reports name the scans; the process exited ${Math.round(exitAt - lines.at(-1)!.at)} ms after its last report`,
	);
} finally {
	await rm(folder, {recursive: true, force: true});
}
