import {concatBytes} from '../../input/text.js';
import type {ModelSource} from '../types.js';

interface ModelsManifest {
	files: Array<{file: string; bytes: number}>;
}

/**
 * The models and the wasm backend's files, fetched from URLs (by default next to the module:
 * `models/` of the package and the wasm files beside dist/browser/index.js). Never a CDN. Each
 * file's size is checked against models/manifest.json.
 */
export function urlModelSource(modelsUrl: URL | string, wasmUrl: URL | string): ModelSource {
	const base = new URL(modelsUrl);
	let manifest: Promise<ModelsManifest> | undefined;
	const load = () => {
		manifest ??= fetchOk(new URL('manifest.json', base)).then((response) => response.json() as Promise<ModelsManifest>);
		return manifest;
	};
	const read = async (file: string): Promise<ArrayBuffer> => {
		const [listed, response] = await Promise.all([load(), fetchOk(new URL(file, base))]);
		const bytes = await response.arrayBuffer();
		const expected = listed.files.find((entry) => entry.file === file)?.bytes;
		if (expected !== undefined && bytes.byteLength !== expected) {
			throw new Error(`photo-requirements: face model file ${new URL(file, base).href} is ${bytes.byteLength} bytes, expected ${expected}`);
		}
		return bytes;
	};
	return {
		location: base.href,
		verify: async () => {
			await load();
		},
		text: async (file) => new TextDecoder().decode(await read(file)),
		async bytes(files) {
			const joined = concatBytes((await Promise.all(files.map(read))).map((part) => new Uint8Array(part)));
			return joined.buffer as ArrayBuffer;
		},
		wasmPrefix: () => new URL(wasmUrl).href.replace(/\/?$/, '/'),
	};
}

async function fetchOk(url: URL): Promise<Response> {
	let response: Response;
	try {
		response = await fetch(url);
	} catch (error) {
		throw new Error(
			`photo-requirements: cannot fetch ${url.href} (${(error as Error).message}); set the modelsUrl option to where the package's models/ folder is served`,
			{cause: error},
		);
	}
	if (!response.ok)
		throw new Error(`photo-requirements: ${url.href} answered ${response.status}; set the modelsUrl option to where the package's models/ folder is served`);
	return response;
}
