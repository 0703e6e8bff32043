import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const PACKAGE_NAME = 'photo-requirements';

/**
 * The package root: the nearest folder above this file whose package.json is ours. Walking up
 * (rather than a fixed '../..') works from src/ under tsx/vitest and from dist/ once compiled.
 */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
	let dir = path.dirname(from);
	for (;;) {
		const candidate = path.join(dir, 'package.json');
		if (existsSync(candidate)) {
			try {
				const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as {name?: unknown};
				if (pkg.name === PACKAGE_NAME) return dir;
			} catch {
				// An unreadable package.json is not ours; keep walking.
			}
		}
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`photo-requirements: cannot find the package root (package.json named "${PACKAGE_NAME}") above ${from}`);
		dir = parent;
	}
}

/** The folder holding the face-api weights shipped with the package. */
export function modelsDir(): string {
	return path.join(packageRoot(), 'models');
}
