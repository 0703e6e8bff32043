// `npm pack` and `npm publish` run this around the packing (prepack: --strip, postpack: --restore),
// so the package.json in the tarball has no `scripts`: none is for a consumer, and `prepare` (the
// build and the sample photo, with tsx and the other dev dependencies) is this repository's own
// setup for `npm ci` and git installs. npm runs no `prepare` of a registry tarball, but a package
// manager or a folder install that did would fail on a machine without the dev dependencies.
// The manifest is read from and written to the current folder (the package's, under npm).
import {existsSync, readFileSync, renameSync, writeFileSync} from 'node:fs';

const manifest = 'package.json';
const saved = '.package.json.before-pack';
const [mode] = process.argv.slice(2);

if (mode === '--strip') {
	if (existsSync(saved)) {
		console.error(`pack-manifest: ${saved} is there: a pack was interrupted; run node scripts/pack-manifest.mjs --restore first`);
		process.exit(1);
	}
	const text = readFileSync(manifest, 'utf8');
	writeFileSync(saved, text);
	const {scripts: _scripts, ...published} = JSON.parse(text);
	writeFileSync(manifest, `${JSON.stringify(published, null, '\t')}\n`);
} else if (mode === '--restore') {
	if (existsSync(saved)) renameSync(saved, manifest);
} else {
	console.error('Usage: node scripts/pack-manifest.mjs --strip | --restore');
	process.exit(2);
}
