import {InputError} from '../../input/read.js';
import type {Platform} from '../types.js';
import {decodeRgb, readHeader} from './decode.js';
import {urlModelSource} from './models.js';
import {maskPng, thumbnailJpeg} from './pictures.js';

export interface BrowserPlatformOptions {
	/** Where the package's models/ folder is served (default: next to the module, `../../models/`). */
	modelsUrl?: URL | string;
	/** Where the TensorFlow.js wasm files are served (default: beside the module). */
	wasmUrl?: URL | string;
}

const noFiles = (): never => {
	throw new InputError('A browser has no file paths: give the photo as a File, a Blob, an ArrayBuffer or a Uint8Array.');
};

/** A browser (or a Web Worker): the browser's decoders and canvases, the models fetched from the package's own URLs. */
export function browserPlatform(options: BrowserPlatformOptions = {}): Platform {
	return {
		name: 'browser',
		readFile: async () => noFiles(),
		fileSize: async () => noFiles(),
		readHeader,
		decodeRgb,
		thumbnailJpeg,
		maskPng,
		models: urlModelSource(options.modelsUrl ?? new URL('../../models/', import.meta.url), options.wasmUrl ?? new URL('./', import.meta.url)),
	};
}
