import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {photosDir} from '../../../fixtures/shared-photos.js';
import {PhotoFacts} from '../../../src/analysis/facts.js';
import {nodePlatform} from '../../../src/platform/node/index.js';
import {caPrCard} from '../../../src/profiles/index.js';
const manifest = JSON.parse(readFileSync(path.join(photosDir, 'manifest.json'), 'utf8')) as Array<{file: string; set: string}>;
const out: unknown[] = [];
for (const entry of manifest) {
	const facts = new PhotoFacts({platform: nodePlatform, input: path.join(photosDir, entry.file), limits: caPrCard.decode});
	const [face, features] = await Promise.all([facts.peek('face'), facts.peek('faceFeatures')]);
	if (!face) continue;
	const person = `${entry.set.startsWith('london') ? 'london' : entry.set}/${path.basename(entry.file).slice(0, 3)}`;
	out.push({file: entry.file, set: entry.set, person, smiling: entry.set === 'london-smiling', happy: face.expressions.happy, expressions: face.expressions, mesh: face.mesh, z: face.meshDepth, irisR: face.irises.right, irisL: face.irises.left, features});
}
writeFileSync(process.argv[2] ?? 'scripts/research/smile-models/out/mesh.json', JSON.stringify(out));
console.log(out.length);
