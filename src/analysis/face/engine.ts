import type {GraphModel} from '@tensorflow/tfjs-converter';
import type {ModelSource} from '../../platform/types.js';
import {detectAllFaces} from './blazeface.js';
import {EXPRESSION_INPUT, type ExpressionNet, loadExpressionNet, predictExpressions} from './expression.js';
import {loadGraph} from './graph-model.js';
import {meshFace} from './mesh.js';
import {MODEL_NAMES, WEIGHTS_MODEL_NAMES} from './model-files.js';
import type {Tf} from './tf.js';

/** What loadFaceEngine() reports: which TensorFlow.js backend runs the models, and load cost. */
export interface FaceEngineInfo {
	backend: string;
	tfVersion: string;
	models: string[];
	/** Where the models were read from: the package's models/ folder, or the URL a browser loaded them from. */
	modelsDir: string;
	loadMs: number;
}

/** The loaded engine, for the modules of this folder only. */
export interface FaceEngine {
	readonly tf: Tf;
	/** MediaPipe BlazeFace (full range): every face in the frame. */
	readonly blazeface: GraphModel;
	/** MediaPipe face mesh and iris: the main face's landmarks. */
	readonly mesh: GraphModel;
	readonly iris: GraphModel;
	/** face-api's expression net: P(happy) for the smile rule. */
	readonly expression: ExpressionNet;
	readonly info: FaceEngineInfo;
}

/**
 * tfjs-core with the wasm backend alone, on every machine: the same kernels, hence the same
 * statuses, wherever the package installs (no optional native backend that would switch in
 * silently). The wasm backend runs one thread: one photo per worker thread is the parallelism.
 */
async function loadTf(models: ModelSource): Promise<Tf> {
	const tf = await import('@tensorflow/tfjs-core');
	const wasm = await import('@tensorflow/tfjs-backend-wasm');
	// Always set: tfjs would otherwise fetch its .wasm from a CDN.
	wasm.setWasmPaths(models.wasmPrefix());
	const wanted = 'wasm';
	await withoutProcessHandlers(async () => {
		if (!(await tf.setBackend(wanted))) throw new Error(`photo-requirements: the TensorFlow.js "${wanted}" backend failed to initialise`);
		await tf.ready();
	});
	return tf;
}

async function init(models: ModelSource): Promise<FaceEngine> {
	const started = performance.now();
	await models.verify();
	const tf = await loadTf(models);
	const converter = await import('@tensorflow/tfjs-converter');
	const [blazeface, mesh, iris] = await Promise.all(MODEL_NAMES.map((name) => loadGraph(tf, converter, models, name)));
	const expression = await loadExpressionNet(tf, models);
	const engine = {tf, blazeface: blazeface!, mesh: mesh!, iris: iris!, expression};
	await warmUp(engine);
	const info: FaceEngineInfo = {
		backend: tf.getBackend(),
		tfVersion: tf.version_core,
		models: [...MODEL_NAMES, ...WEIGHTS_MODEL_NAMES],
		modelsDir: models.location,
		loadMs: Math.round(performance.now() - started),
	};
	loadedEngine = {...engine, info};
	return loadedEngine;
}

/**
 * The wasm backend's emscripten glue installs process-wide 'uncaughtException' and
 * 'unhandledRejection' handlers that rethrow (and print its whole minified source line). A library
 * must not change how its host process handles errors: remove whatever the init added.
 */
async function withoutProcessHandlers(fn: () => Promise<void>): Promise<void> {
	// A browser has no process (and the glue adds nothing there).
	const host = (globalThis as {process?: NodeJS.Process}).process;
	if (!host?.listeners) return fn();
	const exceptions = new Set(host.listeners('uncaughtException'));
	const rejections = new Set(host.listeners('unhandledRejection'));
	try {
		await fn();
	} finally {
		for (const l of host.listeners('uncaughtException')) if (!exceptions.has(l)) host.removeListener('uncaughtException', l);
		for (const l of host.listeners('unhandledRejection')) if (!rejections.has(l)) host.removeListener('unhandledRejection', l);
	}
}

/**
 * One pass of each net on blank input: the wasm backend compiles and allocates on first use
 * (~0.5 s), which belongs to loading, not to the first photo's timings.
 */
async function warmUp(engine: Omit<FaceEngine, 'info'>): Promise<void> {
	const blank = {data: new Uint8Array(64 * 64 * 3), width: 64, height: 64, channels: 3 as const};
	await detectAllFaces(engine.tf, engine.blazeface, blank);
	await meshFace(engine.tf, engine, blank, {box: {x: 8, y: 8, width: 48, height: 48}, score: 1});
	await predictExpressions(engine.tf, engine.expression, new Float32Array(EXPRESSION_INPUT * EXPRESSION_INPUT * 3));
}

let shared: Promise<FaceEngine> | undefined;
let loadedEngine: FaceEngine | undefined;

/**
 * The engine, loaded once per process (or per browser worker) from `models`: concurrent first
 * callers share the one promise, and later callers get the engine already loaded.
 */
export function getFaceEngine(models: ModelSource): Promise<FaceEngine> {
	if (!shared) {
		shared = init(models);
		// A failed load (missing model file) is not cached, so a fixed install can retry.
		shared.catch(() => {
			shared = undefined;
		});
	}
	return shared;
}

/** Loads the backend and models (idempotent) and says what was loaded. */
export async function loadFaceEngine(models: ModelSource): Promise<FaceEngineInfo> {
	return (await getFaceEngine(models)).info;
}

/** tf.memory() of the engine's backend, for leak tests; zeros before the engine is loaded. */
export function faceEngineMemory(): {numTensors: number; numBytes: number} {
	const engine = loadedEngine;
	if (!engine) return {numTensors: 0, numBytes: 0};
	const memory = engine.tf.memory();
	return {numTensors: memory.numTensors, numBytes: memory.numBytes};
}
