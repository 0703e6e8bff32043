// `npm version` runs this: src/version.ts takes package.json's new version, so reports name the right one.
import {readFileSync, writeFileSync} from 'node:fs';

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const file = new URL('../src/version.ts', import.meta.url);
writeFileSync(file, readFileSync(file, 'utf8').replace(/LIBRARY_VERSION = '[^']*'/, `LIBRARY_VERSION = '${version}'`));
