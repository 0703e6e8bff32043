import {parseOptions} from '../options.js';
import {checkPhoto} from '../pipeline/check-photo.js';
import {browserPlatform} from '../platform/browser/index.js';
import type {Platform} from '../platform/types.js';
import {resolveProfile, selectChecks} from '../profiles/index.js';
import type {PhotoReport} from '../report/schema.js';
import {type BrowserValidateOptions, browserOptionsSchema} from './options.js';

export type {BrowserPhotoInput, BrowserValidateOptions} from './options.js';

let platform: {key: string; value: Platform} | undefined;

/** One platform (hence one engine load) per context, for the model and wasm URLs first given. */
function platformFor(modelsUrl: string | URL | undefined, wasmUrl: string | URL | undefined): Platform {
	const key = `${modelsUrl ?? ''} ${wasmUrl ?? ''}`;
	if (!platform || platform.key !== key) {
		platform = {key, value: browserPlatform({...(modelsUrl ? {modelsUrl} : {}), ...(wasmUrl ? {wasmUrl} : {})})};
	}
	return platform.value;
}

/** Checks the photo in this context (a worker, or the page with `worker: false`). */
export async function checkHere(bytes: Uint8Array, options: BrowserValidateOptions | undefined, caller: string): Promise<PhotoReport> {
	const parsed = parseOptions(browserOptionsSchema, options, caller);
	const profile = selectChecks(resolveProfile(parsed.profile, parsed.overrides, caller), parsed.checks, caller);
	return checkPhoto(bytes, profile, {platform: platformFor(parsed.modelsUrl, parsed.wasmUrl), name: parsed.name, now: parsed.now, annotate: parsed.annotate});
}
