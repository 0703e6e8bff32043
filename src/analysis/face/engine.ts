import {createRequire} from 'node:module';
import path from 'node:path';
import type * as FaceApi from '@vladmandic/face-api';
import {detectAllFaces, loadBlazeFace} from './blazeface.js';
import {installFastConcat} from './fast-concat.js';
import {MODEL_NAMES, type ModelName} from './model-files.js';
import {loadWeightMap, verifyModels} from './models.js';
import {modelsDir} from './paths.js';

/** What loadFaceEngine() reports: which TensorFlow backend runs the models, and load cost. */
export interface FaceEngineInfo {
	backend: string;
	tfVersion: string;
	models: string[];
	modelsDir: string;
	loadMs: number;
}

/** The loaded engine, for the modules of this folder only. */
export interface FaceEngine {
	readonly faceapi: typeof FaceApi;
	readonly tf: typeof FaceApi.tf;
	/** MediaPipe BlazeFace (full range), for every face in the frame. */
	readonly blazeface: Awaited<ReturnType<typeof loadBlazeFace>>;
	readonly info: FaceEngineInfo;
}

const require = createRequire(import.meta.url);

/**
 * face-api's node-wasm build on @tensorflow/tfjs with the wasm backend, on every machine: no
 * optional native backend that would change statuses by whether it happened to install.
 */
function loadFaceApi(): typeof FaceApi {
	const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as typeof FaceApi;
	const wasm = require('@tensorflow/tfjs-backend-wasm') as {setWasmPaths: (prefix: string) => void};
	// A directory path (with trailing separator) makes emscripten read the .wasm from disk:
	// never the CDN that the browser build would default to.
	const wasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
	wasm.setWasmPaths(wasmDir + path.sep);
	return faceapi;
}

async function init(): Promise<FaceEngine> {
	const started = performance.now();
	const dir = modelsDir();
	await verifyModels(dir);
	const faceapi = loadFaceApi();
	const tf = faceapi.tf as typeof FaceApi.tf & {setBackend(name: string): Promise<boolean>; ready(): Promise<void>; getBackend(): string};
	const wanted = 'wasm';
	await withoutProcessHandlers(async () => {
		if (!(await tf.setBackend(wanted))) throw new Error(`photo-requirements: the TensorFlow.js "${wanted}" backend failed to initialise`);
		await tf.ready();
	});
	installFastConcat(tf as unknown as Parameters<typeof installFastConcat>[0]);
	const nets: Record<ModelName, FaceApi.NeuralNetwork<unknown>> = {
		tiny_face_detector_model: faceapi.nets.tinyFaceDetector,
		ssd_mobilenetv1_model: faceapi.nets.ssdMobilenetv1,
		face_landmark_68_model: faceapi.nets.faceLandmark68Net,
		face_expression_model: faceapi.nets.faceExpressionNet,
	};
	for (const name of MODEL_NAMES) {
		if (!nets[name].isLoaded) nets[name].loadFromWeightMap(await loadWeightMap(tf, name, dir));
	}
	const blazeface = await loadBlazeFace(tf, dir);
	await warmUp(faceapi, blazeface);
	const info: FaceEngineInfo = {
		backend: tf.getBackend(),
		tfVersion: String((tf.version as Record<string, unknown>)['tfjs-core'] ?? ''),
		models: [...MODEL_NAMES, 'blazeface'],
		modelsDir: dir,
		loadMs: Math.round(performance.now() - started),
	};
	loadedEngine = {faceapi, tf, blazeface, info};
	return loadedEngine;
}

/**
 * The wasm backend's emscripten glue installs process-wide 'uncaughtException' and
 * 'unhandledRejection' handlers that rethrow (and print its whole minified source line). A library
 * must not change how its host process handles errors: remove whatever the init added.
 */
async function withoutProcessHandlers(fn: () => Promise<void>): Promise<void> {
	const exceptions = new Set(process.listeners('uncaughtException'));
	const rejections = new Set(process.listeners('unhandledRejection'));
	try {
		await fn();
	} finally {
		for (const l of process.listeners('uncaughtException')) if (!exceptions.has(l)) process.removeListener('uncaughtException', l);
		for (const l of process.listeners('unhandledRejection')) if (!rejections.has(l)) process.removeListener('unhandledRejection', l);
	}
}

/**
 * One pass of each net on blank input: the wasm backend compiles and allocates on first use
 * (~0.5 s), which belongs to loading, not to the first photo's timings.
 */
async function warmUp(faceapi: typeof FaceApi, blazeface: Awaited<ReturnType<typeof loadBlazeFace>>): Promise<void> {
	const tf = faceapi.tf;
	await detectAllFaces(tf, blazeface, {data: new Uint8Array(64 * 64 * 3), width: 64, height: 64, channels: 3});
	const frame = tf.zeros([224, 224, 3]) as FaceApi.tf.Tensor3D;
	const crop = tf.zeros([112, 112, 3]) as FaceApi.tf.Tensor3D;
	try {
		await faceapi.nets.tinyFaceDetector.locateFaces(frame, new faceapi.TinyFaceDetectorOptions({inputSize: 224}));
		await faceapi.nets.faceLandmark68Net.detectLandmarks(crop);
		await faceapi.nets.faceExpressionNet.predictExpressions(crop);
	} finally {
		frame.dispose();
		crop.dispose();
	}
}

let shared: Promise<FaceEngine> | undefined;
let loadedEngine: FaceEngine | undefined;

/** The engine, loaded once per process: concurrent first callers share the one promise. */
export function getFaceEngine(): Promise<FaceEngine> {
	if (!shared) {
		shared = init();
		// A failed load (missing model file) is not cached, so a fixed install can retry.
		shared.catch(() => {
			shared = undefined;
		});
	}
	return shared;
}

/** Loads the backend and models (idempotent) and says what was loaded. */
export async function loadFaceEngine(): Promise<FaceEngineInfo> {
	return (await getFaceEngine()).info;
}

/** tf.memory() of the engine's backend, for leak tests; zeros before the engine is loaded. */
export function faceEngineMemory(): {numTensors: number; numBytes: number} {
	const engine = loadedEngine;
	if (!engine) return {numTensors: 0, numBytes: 0};
	const memory = (engine.tf as unknown as {memory(): {numTensors: number; numBytes: number}}).memory();
	return {numTensors: memory.numTensors, numBytes: memory.numBytes};
}
