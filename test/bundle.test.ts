import {existsSync} from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import {describe, expect, test} from 'vitest';
import {repoRoot} from './support/photos.js';

/** A portal's own bundle, as a bundler builds it for a browser: `photo-requirements` through the package's exports map. */
async function bundle(source: string): Promise<{text: string; errors: esbuild.Message[]}> {
	const result = await esbuild.build({
		stdin: {contents: source, resolveDir: repoRoot, loader: 'js'},
		bundle: true,
		write: false,
		format: 'esm',
		platform: 'browser',
		logLevel: 'silent',
		// Its chunks load themselves at run time; the bundler only has to resolve the entry.
		external: ['./chunk-*'],
	});
	return {text: result.outputFiles.map((file) => file.text).join('\n'), errors: result.errors};
}

describe('a browser bundle of photo-requirements', () => {
	test.skipIf(!existsSync(path.join(repoRoot, 'dist/browser/index.js')))(
		"'photo-requirements' and 'photo-requirements/browser' resolve to the browser build: no Node built-in, no sharp, the thresholds importable",
		async () => {
			for (const specifier of ['photo-requirements', 'photo-requirements/browser']) {
				const {text, errors} = await bundle(`import {validatePhoto, caPrCard} from '${specifier}'; console.log(validatePhoto, caPrCard.fileSize.maxBytes);`);
				expect(errors, specifier).toEqual([]);
				expect(text, specifier).not.toMatch(/from\s*["']node:|require\(["']sharp["']\)|["']piscina["']/);
				expect(text, specifier).toContain('worker.js');
			}
		},
	);
});
