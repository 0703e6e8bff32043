/**
 * The browser build: dist/browser/index.js and dist/browser/worker.js as self-contained ES modules
 * (a page loads them without a bundler), and the TensorFlow.js wasm files beside them. The models
 * stay in the package's models/ folder, found at ../../models/ from the modules. Runs after tsc
 * (npm run build), whose dist/browser/*.d.ts give the types.
 *
 *   node scripts/build-browser.mjs
 */
import {copyFile, mkdir, readdir, readFile, rm} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist/browser');
const require = createRequire(import.meta.url);
await mkdir(out, {recursive: true});
// Chunks of an earlier build have other hashes: remove them, or they would ship too.
for (const file of await readdir(out)) if (file.startsWith('chunk-')) await rm(path.join(out, file));

const result = await esbuild.build({
	entryPoints: {index: path.join(root, 'src/browser/index.ts'), worker: path.join(root, 'src/browser/worker.ts')},
	outdir: out,
	bundle: true,
	// One chunk shared by the page's module and the worker (the engine is fetched once).
	splitting: true,
	chunkNames: 'chunk-[hash]',
	format: 'esm',
	platform: 'browser',
	target: ['chrome110', 'firefox115', 'safari16.4'],
	minify: true,
	sourcemap: false,
	legalComments: 'linked',
	// The wasm backend's emscripten glue names Node modules on a path a browser never takes.
	external: ['fs', 'path', 'worker_threads', 'perf_hooks', 'os', 'crypto'],
	define: {'process.env.NODE_ENV': '"production"'},
	logLevel: 'warning',
	metafile: true,
});

// tsc's unbundled index.js and worker.js were replaced: their source maps no longer apply.
for (const file of ['index.js.map', 'worker.js.map', 'check.js', 'check.js.map', 'options.js', 'options.js.map']) await rm(path.join(out, file), {force: true});

const wasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
	await copyFile(path.join(wasmDir, file), path.join(out, file));
}
for (const file of Object.keys(result.metafile.outputs).filter((name) => name.endsWith('.js'))) {
	const bytes = await readFile(path.join(root, file));
	console.log(`${path.relative(root, file)}: ${(bytes.length / 1e3).toFixed(0)} kB, ${(gzipSync(bytes).length / 1e3).toFixed(0)} kB gzipped`);
}
