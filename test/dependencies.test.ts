import {readFileSync} from 'node:fs';
import semver from 'semver';
import {describe, expect, test} from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
	packages: Record<string, {version?: string; resolved?: string; optional?: boolean; dev?: boolean; engines?: {node?: string}}>;
};
const engines = manifest.engines as {node: string};

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

	test('every package a consumer installs runs on the Node that engines names (no EBADENGINE on Node 20.19)', () => {
		// fastify 5 takes light-my-request ^6, whose 6.8 takes cookie 2 (Node >= 22): a direct
		// light-my-request ~6.6.0 (cookie ^1, Node >= 18) is what a consumer's npm dedupes fastify's to.
		const lowest = semver.minVersion(engines.node)!.version;
		expect(lowest).toBe('20.19.0');
		const refused = Object.entries(lock.packages)
			.filter(([name, entry]) => name !== '' && !entry.dev && typeof entry.engines?.node === 'string')
			.filter(([, entry]) => !semver.satisfies(lowest, entry.engines!.node!))
			.map(([name, entry]) => `${name}@${entry.version} wants node ${entry.engines!.node}`);
		expect(refused).toEqual([]);
		expect(lock.packages['node_modules/cookie']?.version).toMatch(/^1\./);
	});
});
