import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
	packages: Record<string, {resolved?: string; optional?: boolean}>;
};

describe('the install', () => {
	test('no optional dependency: the same statuses on every machine, whatever installed', () => {
		expect(manifest.optionalDependencies).toBeUndefined();
	});

	test('every package comes from the npm registry', () => {
		const elsewhere = Object.entries(lock.packages).filter(
			([name, entry]) => name !== '' && entry.resolved !== undefined && !entry.resolved.startsWith('https://registry.npmjs.org/'),
		);
		expect(elsewhere.map(([name]) => name)).toEqual([]);
	});
});
