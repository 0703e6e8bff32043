/**
 * What `npm ci --omit=dev` installs (npm run bench:install): the size on disk of every package the
 * lockfile does not mark as dev-only, measured in this node_modules, largest first.
 */
import {readdir, readFile, stat} from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as {packages: Record<string, {dev?: boolean; optional?: boolean}>};

async function sizeOf(target: string): Promise<number> {
	const info = await stat(target).catch(() => undefined);
	if (!info) return 0;
	if (!info.isDirectory()) return info.size;
	let total = 0;
	for (const entry of await readdir(target)) {
		// Nested node_modules are packages of their own, counted by their own lockfile entry.
		if (entry === 'node_modules') continue;
		total += await sizeOf(path.join(target, entry));
	}
	return total;
}

const production = Object.entries(lock.packages).filter(([name, entry]) => name.startsWith('node_modules/') && !entry.dev);
const sizes = await Promise.all(production.map(async ([name]) => [name.slice('node_modules/'.length), await sizeOf(path.join(root, name))] as const));
const installed = sizes.filter(([, bytes]) => bytes > 0);
const total = installed.reduce((sum, [, bytes]) => sum + bytes, 0);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(`npm ci --omit=dev installs ${installed.length} packages, ${mb(total)} (this platform's optional binaries only)`);
for (const [name, bytes] of [...installed].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${name.padEnd(40)} ${mb(bytes).padStart(9)}`);
