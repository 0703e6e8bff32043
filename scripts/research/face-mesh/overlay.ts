/**
 * Draws a recipe's points on photos for a visual check (lisa has no hand-placed points):
 * iris centres (red), iris edges (yellow), face-api eye centres (blue), mesh chin 152 (red),
 * mesh mouth 61/291/13/14 (green), crown (magenta), hand-placed points where given (cyan crosses).
 *
 *   npx tsx scratch/overlay.ts --recipe "NAME" [--set lisa] [--file london-smiling/001_08.jpg]
 * Writes scratch/out/overlay/<file>.png.
 */
import {mkdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import sharp from 'sharp';
import {photosDir} from '../../../fixtures/shared-photos.js';

const {values} = parseArgs({options: {recipe: {type: 'string'}, set: {type: 'string'}, file: {type: 'string', multiple: true}, crop: {type: 'boolean'}}});
type Pt = [number, number];
const data = JSON.parse(readFileSync(path.join(import.meta.dirname, 'out/results.json'), 'utf8'));
const recipe = values.recipe ?? 'blaze×1.5 rot:blaze refine×1.5';
const outDir = path.join(import.meta.dirname, 'out/overlay');
mkdirSync(outDir, {recursive: true});
for (const p of data.photos as any[]) {
	if (values.set && p.set !== values.set) continue;
	if (values.file && !values.file.includes(p.file)) continue;
	const r = p.recipes[recipe];
	if (!r) continue;
	const dot = (q: Pt, colour: string, radius = 3) => `<circle cx="${q[0]}" cy="${q[1]}" r="${radius}" fill="${colour}"/>`;
	const cross = (q: Pt, colour: string) =>
		`<path d="M${q[0] - 8} ${q[1]}h16M${q[0]} ${q[1] - 8}v16" stroke="${colour}" stroke-width="2"/>`;
	const shapes = [
		...Object.values(r.points as Record<string, Pt>).map((q) => dot(q, 'white', 1.5)),
		dot(r.iris.rightEdges, 'yellow', 2),
		dot(r.iris.leftEdges, 'yellow', 2),
		dot(r.iris.right, 'red'),
		dot(r.iris.left, 'red'),
		...(p.faceapi ? [dot(p.faceapi.rightEye, 'blue'), dot(p.faceapi.leftEye, 'blue'), dot(p.faceapi.chin, 'blue')] : []),
		dot(r.points['152'], 'red', 4),
		dot(r.crown.point, 'magenta', 5),
		...['61', '291', '13', '14'].map((i) => dot(r.points[i], 'lime', 3)),
		...(p.landmarks ? Object.values(p.landmarks as Record<string, Pt>).map((q) => cross(q, 'cyan')) : []),
	];
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${p.width}" height="${p.height}">${shapes.join('')}</svg>`;
	const file = path.join(outDir, `${p.file.replaceAll('/', '_')}.png`);
	let img = sharp(path.join(photosDir, p.file)).rotate().composite([{input: Buffer.from(svg)}]);
	if (values.crop) {
		const eyes = [r.iris.right, r.iris.left] as Pt[];
		const ipd = Math.hypot(eyes[1][0] - eyes[0][0], eyes[1][1] - eyes[0][1]);
		const cx = (eyes[0][0] + eyes[1][0]) / 2;
		const cy = (eyes[0][1] + eyes[1][1]) / 2;
		const left = Math.max(0, Math.round(cx - ipd));
		const top = Math.max(0, Math.round(cy - ipd * 0.5));
		const width = Math.min(p.width - left, Math.round(2 * ipd));
		const height = Math.min(p.height - top, Math.round(ipd * 2));
		img = sharp(await img.png().toBuffer()).extract({left, top, width, height});
	}
	await img.png().toFile(file);
	console.log(file);
}
