/**
 * Prints the distributions of the image measures (background, exposure, glare, lighting, focus,
 * skin colour) over the shared photos and the generated variants, to choose thresholds from:
 *   npx tsx scripts/image-measures.ts [--kinds a,b] [--limit N] [--rows]
 * Variants are read from the generator's folder (npx tsx fixtures/variants/cli.ts makes them).
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {photosDir} from '../fixtures/shared-photos.js';
import {defaultVariantsDir} from '../fixtures/variants/index.js';
import {PhotoFacts} from '../src/analysis/facts.js';
import {chroma, luminanceOf} from '../src/analysis/pixels/colour.js';
import {quantile} from '../src/analysis/stats.js';
import {nodePlatform} from '../src/platform/node/index.js';
import {caPrCard} from '../src/profiles/index.js';

const {values} = parseArgs({options: {kinds: {type: 'string'}, limit: {type: 'string'}, rows: {type: 'boolean', default: false}}});
const kinds = values.kinds?.split(',');
const limit = values.limit ? Number(values.limit) : Infinity;

interface Item {
	file: string;
	group: string;
}
const items: Item[] = [];
const manifest = JSON.parse(readFileSync(path.join(photosDir, 'manifest.json'), 'utf8')) as Array<{file: string; set: string}>;
const perGroup = new Map<string, number>();
const add = (item: Item): void => {
	const n = perGroup.get(item.group) ?? 0;
	if (n >= limit) return;
	perGroup.set(item.group, n + 1);
	items.push(item);
};
if (!kinds || kinds.includes('photo')) for (const entry of manifest) add({file: path.join(photosDir, entry.file), group: `photo:${entry.set}`});
const index = path.join(defaultVariantsDir(), 'variants.json');
if (existsSync(index)) {
	const variants = JSON.parse(readFileSync(index, 'utf8')) as Array<{file: string; kind: string}>;
	for (const v of variants) if ((!kinds || kinds.includes(v.kind)) && existsSync(v.file)) add({file: v.file, group: v.kind});
}

type Row = Record<string, number>;
const rows = new Map<string, Row[]>();
for (const [n, item] of items.entries()) {
	process.stderr.write(`\r${n + 1}/${items.length}`);
	const facts = new PhotoFacts({platform: nodePlatform, input: item.file, limits: caPrCard.decode});
	const row: Row = {};
	const background = await facts.peek('background');
	if (background) {
		Object.assign(row, {
			bgL: background.colour.L,
			bgChroma: background.chroma,
			bgDarkL: background.darkL,
			bgTexture: background.texture,
			bgLeftRight: Math.abs(background.leftRight),
			bgTopBottom: Math.abs(background.topBottom),
			bgShadow: background.shadow ?? Number.NaN,
			bgShare: background.share,
			faceContrast: background.faceContrast ?? Number.NaN,
		});
	}
	const region = await facts.peek('faceRegion');
	if (region) {
		const {tone} = region;
		Object.assign(row, {
			faceL: tone.medianL,
			faceLowL: tone.lowL,
			faceHighL: tone.highL,
			faceBright: tone.brightShare,
			faceDark: tone.darkShare,
			halves: Math.abs(tone.leftL - tone.rightL),
			halfStops: Math.abs(Math.log2(luminanceOf(tone.leftL) / luminanceOf(tone.rightL))),
			cheekA: region.cheeks.a,
			cheekB: region.cheeks.b,
			cheekChroma: chroma(region.cheeks),
		});
	}
	const reduced = await facts.peek('reduced');
	if (reduced) {
		const total = reduced.width * reduced.height;
		let seen = 0;
		let p99 = 255;
		for (let v = 0; v < 256; v++) {
			seen += reduced.histogram[v]!;
			if (seen >= total * 0.99) {
				p99 = v;
				break;
			}
		}
		Object.assign(row, {lumaP99: p99, spread: reduced.meanSpread});
	}
	const glare = await facts.peek('glare');
	if (glare) Object.assign(row, {glareLargest: glare.largest, glareTotal: glare.total, hotShare: glare.hotShare});
	const focus = await facts.peek('focus');
	if (focus) Object.assign(row, {blur: focus.blur, faceWidth: focus.faceWidth});
	if (values.rows)
		console.log(
			item.group,
			path.basename(path.dirname(item.file)),
			path.basename(item.file),
			JSON.stringify(row, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v)),
		);
	rows.set(item.group, [...(rows.get(item.group) ?? []), row]);
}
process.stderr.write('\n');

const measures = [...new Set([...rows.values()].flatMap((list) => list.flatMap((row) => Object.keys(row))))];
for (const measure of measures) {
	console.log(`\n${measure}   (min p02 p10 p50 p90 p98 max)`);
	for (const [group, list] of rows) {
		const v = list.map((row) => row[measure]).filter((x): x is number => x !== undefined && !Number.isNaN(x));
		if (v.length === 0) continue;
		const q = [0, 0.02, 0.1, 0.5, 0.9, 0.98, 1].map((p) =>
			quantile(v, p)
				.toFixed(measure.startsWith('glare') || measure === 'hotShare' || (measure.startsWith('face') && measure.length > 8) ? 4 : 2)
				.padStart(9),
		);
		console.log(`  ${group.padEnd(24)} n=${String(v.length).padStart(3)} ${q.join('')}`);
	}
}
