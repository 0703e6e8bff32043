/**
 * Measures the face engine against the hand-placed landmarks of the shared photos:
 *   npx tsx scripts/face-accuracy.ts [--limit N] [--set NAME] [--verbose]
 * Per set: faces found (and the photos with none or several), head-height-ratio error against
 * (chin.y − crown.y) / height, eye-centre error as a share of the inter-pupil distance, crown
 * methods, pose ranges, and time per photo. Photos folder: $PHOTOS_DIR or ../shared/photos.
 */
import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {parseArgs} from 'node:util';
import sharp from 'sharp';
import {photosDir} from '../fixtures/shared-photos.js';
import {analyseFaces, type FaceFacts, loadFaceEngine} from '../src/analysis/face/index.js';
import type {RgbImage} from '../src/input/image.js';
import {nodePlatform} from '../src/platform/node/index.js';

interface Entry {
	file: string;
	set: string;
	faces: number;
	expression?: string;
	landmarks?: {pupilA: [number, number]; pupilB: [number, number]; chin: [number, number]; crown: [number, number]};
}

interface SetStats {
	photos: number;
	withOneFace: number;
	noFace: string[];
	manyFaces: string[];
	headErr: number[];
	eyeErr: number[];
	crown: Record<string, number>;
	detector: Record<string, number>;
	ms: number[];
	roll: number[];
	yaw: number[];
	pitch: number[];
	stages: Record<string, number[]>;
}

async function decode(file: string): Promise<RgbImage> {
	const {data, info} = await sharp(file).rotate().removeAlpha().toColourspace('srgb').raw().toBuffer({resolveWithObject: true});
	return {data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height, channels: 3};
}

function record(stats: SetStats, entry: Entry, image: RgbImage, facts: FaceFacts, ms: number, verbose: boolean): void {
	stats.photos++;
	stats.ms.push(ms);
	for (const [stage, t] of Object.entries(facts.timings)) {
		stats.stages[stage] ??= [];
		stats.stages[stage].push(t);
	}
	stats.detector[facts.detector] = (stats.detector[facts.detector] ?? 0) + 1;
	if (facts.faces.length === 0) stats.noFace.push(entry.file);
	else if (facts.faces.length > 1) stats.manyFaces.push(`${entry.file} (${facts.faces.length})`);
	else stats.withOneFace++;
	const main = facts.main;
	if (!main) return;
	stats.crown[main.crownMethod] = (stats.crown[main.crownMethod] ?? 0) + 1;
	stats.roll.push(main.rollDeg);
	stats.yaw.push(main.yawDeg);
	stats.pitch.push(main.pitchDeg);
	const lm = entry.landmarks;
	if (!lm) return;
	const truth = (lm.chin[1] - lm.crown[1]) / image.height;
	const headErr = main.headHeightRatio - truth;
	stats.headErr.push(headErr);
	// pupilA has the smaller x: the subject's right eye, our rightEye.
	const ipd = Math.hypot(lm.pupilB[0] - lm.pupilA[0], lm.pupilB[1] - lm.pupilA[1]);
	const eyeErr =
		(Math.hypot(main.rightEye[0] - lm.pupilA[0], main.rightEye[1] - lm.pupilA[1]) +
			Math.hypot(main.leftEye[0] - lm.pupilB[0], main.leftEye[1] - lm.pupilB[1])) /
		2 /
		ipd;
	stats.eyeErr.push(eyeErr);
	if (verbose) {
		console.log(
			`${entry.file.padEnd(28)} head ${main.headHeightRatio.toFixed(3)} (truth ${truth.toFixed(3)}, err ${headErr >= 0 ? '+' : ''}${headErr.toFixed(3)}) crown ${main.crownMethod} y=${main.crown[1].toFixed(0)} (truth ${lm.crown[1]}) eye ${(eyeErr * 100).toFixed(1)}% roll ${main.rollDeg.toFixed(1)} yaw ${main.yawDeg.toFixed(1)} pitch ${main.pitchDeg.toFixed(1)} ${ms.toFixed(0)} ms`,
		);
	}
}

const mean = (a: number[]): number => a.reduce((s, v) => s + v, 0) / a.length;
const quantile = (a: number[], q: number): number => {
	const s = [...a].sort((x, y) => x - y);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};
const range = (a: number[], digits = 1): string =>
	a.length ? `${quantile(a, 0).toFixed(digits)}…${quantile(a, 1).toFixed(digits)} (median ${quantile(a, 0.5).toFixed(digits)})` : 'n/a';

function report(name: string, s: SetStats): void {
	console.log(`\n== ${name}: ${s.photos} photos`);
	console.log(`  faces: exactly one in ${s.withOneFace}/${s.photos}; detector ${JSON.stringify(s.detector)}`);
	if (s.noFace.length) console.log(`  no face: ${s.noFace.join(', ')}`);
	if (s.manyFaces.length) console.log(`  more than one face: ${s.manyFaces.join(', ')}`);
	if (s.headErr.length) {
		const abs = s.headErr.map(Math.abs);
		console.log(
			`  headHeightRatio error (n=${abs.length}): MAE ${mean(abs).toFixed(4)}, max ${Math.max(...abs).toFixed(4)}, bias ${mean(s.headErr) >= 0 ? '+' : ''}${mean(s.headErr).toFixed(4)}`,
		);
		console.log(`  eye-centre error / inter-pupil distance: mean ${(mean(s.eyeErr) * 100).toFixed(2)} %, max ${(Math.max(...s.eyeErr) * 100).toFixed(2)} %`);
	}
	console.log(`  crown method: ${JSON.stringify(s.crown)}`);
	console.log(`  roll ${range(s.roll)}°, yaw ${range(s.yaw)}°, pitch ${range(s.pitch)}°`);
	const stages = Object.entries(s.stages)
		.map(([k, v]) => `${k} ${quantile(v, 0.5).toFixed(0)}`)
		.join(', ');
	console.log(`  time per photo: median ${quantile(s.ms, 0.5).toFixed(0)} ms, p95 ${quantile(s.ms, 0.95).toFixed(0)} ms (stage medians: ${stages})`);
}

async function main(): Promise<void> {
	const {values} = parseArgs({options: {limit: {type: 'string'}, set: {type: 'string'}, verbose: {type: 'boolean', short: 'v'}}});
	const manifestPath = path.join(photosDir, 'manifest.json');
	if (!existsSync(manifestPath)) {
		console.log(`face-accuracy: skipped: no photos at ${photosDir} (set PHOTOS_DIR to the folder holding manifest.json)`);
		return;
	}
	let entries = JSON.parse(await readFile(manifestPath, 'utf8')) as Entry[];
	if (values.set) entries = entries.filter((e) => e.set === values.set);
	if (values.limit) entries = entries.slice(0, Number(values.limit));
	const info = await loadFaceEngine(nodePlatform.models);
	console.log(`engine: backend ${info.backend}, tfjs ${info.tfVersion}, loaded in ${info.loadMs} ms; ${entries.length} photos from ${photosDir}`);

	const bySet = new Map<string, SetStats>();
	const all: SetStats = newStats();
	for (const entry of entries) {
		const image = await decode(path.join(photosDir, entry.file));
		const t0 = performance.now();
		const facts = await analyseFaces(image, nodePlatform.models);
		const ms = performance.now() - t0;
		if (!bySet.has(entry.set)) bySet.set(entry.set, newStats());
		record(bySet.get(entry.set) as SetStats, entry, image, facts, ms, values.verbose === true);
		record(all, entry, image, facts, ms, false);
	}
	for (const [name, stats] of bySet) report(name, stats);
	report('all', all);
}

function newStats(): SetStats {
	return {
		photos: 0,
		withOneFace: 0,
		noFace: [],
		manyFaces: [],
		headErr: [],
		eyeErr: [],
		crown: {},
		detector: {},
		ms: [],
		roll: [],
		yaw: [],
		pitch: [],
		stages: {},
	};
}

await main();
