/**
 * The browser build: the same checks and the same `PhotoReport` as in Node, with the browser's own
 * decoders, in a Web Worker so the page stays responsive. Nothing leaves the page: the models and
 * the wasm files are fetched from where the package is served, never from a CDN.
 *
 *   import {validatePhoto} from 'photo-requirements/browser';
 *   const report = await validatePhoto(fileInput.files[0]);
 *
 * @module photo-requirements/browser
 */
import {parseOptions} from '../options.js';
import type {PhotoReport} from '../report/schema.js';
import type {BrowserPhotoInput, BrowserValidateOptions} from './check.js';
import {browserOptionsSchema, bytesOf} from './options.js';

export {CHECK_IDS, type CheckId} from '../checks/registry.js';
export {caPrCard, findProfile, type Profile, profiles} from '../profiles/index.js';
export {RETURN_REASON_CODES, RETURN_REASONS, type ReturnReason} from '../reasons.js';
export {type CheckResult, type PhotoReport, photoReportSchema, type Status, type Verdict} from '../report/schema.js';
export {formatReport} from '../report/text.js';
export {LIBRARY_VERSION} from '../version.js';
export type {BrowserPhotoInput, BrowserValidateOptions};

interface Pending {
	resolve: (report: PhotoReport) => void;
	reject: (error: Error) => void;
}

let worker: {worker: Worker; pending: Map<number, Pending>} | undefined;
let nextId = 0;

function startWorker(): NonNullable<typeof worker> {
	const started = new Worker(new URL('./worker.js', import.meta.url), {type: 'module', name: 'photo-requirements'});
	const pending = new Map<number, Pending>();
	started.onmessage = (event: MessageEvent<{id: number; report?: PhotoReport; error?: {name: string; message: string}}>) => {
		const {id, report, error} = event.data;
		const entry = pending.get(id);
		pending.delete(id);
		if (!entry) return;
		if (report) entry.resolve(report);
		else entry.reject(Object.assign(error?.name === 'TypeError' ? new TypeError(error.message) : new Error(error?.message), {name: error?.name ?? 'Error'}));
	};
	started.onerror = (event) => {
		for (const entry of pending.values()) entry.reject(new Error(`photo-requirements: the worker failed: ${event.message}`));
		pending.clear();
		worker = undefined;
	};
	return {worker: started, pending};
}

/**
 * Check one photo (a File, a Blob, an ArrayBuffer or a Uint8Array) against a profile. Never throws
 * for a bad photo (the report says what is wrong); throws a TypeError for a wrong argument.
 */
export async function validatePhoto(input: BrowserPhotoInput, options?: BrowserValidateOptions): Promise<PhotoReport> {
	const parsed = parseOptions(browserOptionsSchema, options, 'validatePhoto()');
	const {bytes, name} = await bytesOf(input, 'validatePhoto()');
	const {worker: useWorker, ...rest} = parsed;
	const forwarded: BrowserValidateOptions = {
		...rest,
		...(rest.name === undefined && name ? {name} : {}),
		// URLs resolved here: the worker's own location is not the page's.
		...(rest.modelsUrl ? {modelsUrl: new URL(rest.modelsUrl, globalThis.location?.href).href} : {}),
		...(rest.wasmUrl ? {wasmUrl: new URL(rest.wasmUrl, globalThis.location?.href).href} : {}),
	};
	if (useWorker === false || typeof Worker === 'undefined') {
		// Loaded only here: a page that checks in the worker never downloads the engine twice.
		const {checkHere} = await import('./check.js');
		return checkHere(bytes, forwarded, 'validatePhoto()');
	}
	worker ??= startWorker();
	const {worker: running, pending} = worker;
	const id = nextId++;
	return new Promise<PhotoReport>((resolve, reject) => {
		pending.set(id, {resolve, reject});
		// The bytes are copied, not transferred: the caller's buffer stays usable.
		running.postMessage({id, bytes, options: forwarded});
	});
}

/** Stops the worker (and frees its engine); the next call starts a new one. */
export function terminate(): void {
	if (!worker) return;
	worker.worker.terminate();
	for (const entry of worker.pending.values()) entry.reject(new Error('photo-requirements: terminate() was called'));
	worker = undefined;
}
