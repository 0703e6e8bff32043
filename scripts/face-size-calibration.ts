/**
 * How small a face the eye and mouth measures hold up on (the source of MIN_MEASURABLE_IPD_PX in
 * src/analysis/pixels/face-features.ts):
 *   npx tsx scripts/face-size-calibration.ts [--limit N]
 * Every shared photo is shrunk until the distance between its pupils is 12 … 64 px, and each measure
 * at that size is compared with the same photo at full size: the eye aspect ratio, the lips' gap,
 * the smile measure and P(happy), and whether eyes-open and neutral-expression would change status.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import sharp from 'sharp';
import {hasPhotos, photosDir} from '../fixtures/shared-photos.js';
import {analyseFaces} from '../src/analysis/face/index.js';
import {measureFaceFeatures} from '../src/analysis/pixels/face-features.js';
import type {RgbImage} from '../src/input/image.js';
import {nodePlatform} from '../src/platform/node/index.js';
import {caPrCard} from '../src/profiles/index.js';

const {values} = parseArgs({options: {limit: {type: 'string'}}});
if (!hasPhotos) {
	console.log(`the shared photos are absent (looked in ${photosDir}); nothing to calibrate`);
	process.exit(0);
}
const manifest = (JSON.parse(readFileSync(path.join(photosDir, 'manifest.json'), 'utf8')) as Array<{file: string}>).slice(0, Number(values.limit ?? Infinity));
const SIZES = [6, 8, 10, 12, 16, 20, 24, 28, 32, 40, 48, 64];

interface Measures {
	ear: number;
	open: number;
	smile: number;
	happy: number;
	eyesFail: boolean;
	smiling: boolean;
}

const {eyesOpen, neutralExpression} = caPrCard;
function measures(image: RgbImage, face: NonNullable<Awaited<ReturnType<typeof analyseFaces>>['main']>): Measures {
	const f = measureFaceFeatures(face, image);
	const ear = Math.min(f.eyeAspect.right, f.eyeAspect.left);
	const happy = face.expressions.happy ?? 0;
	return {
		ear,
		open: f.mouthOpen,
		smile: f.smile,
		happy,
		eyesFail: ear < eyesOpen.minAspect,
		smiling: happy > neutralExpression.maxSmileProbability || f.smile > neutralExpression.maxSmile || f.mouthWidth > neutralExpression.maxMouthWidth,
	};
}

async function decode(file: string, scale = 1): Promise<RgbImage> {
	const meta = await sharp(file).metadata();
	const width = Math.max(8, Math.round((meta.width ?? 0) * scale));
	const {data, info} = await sharp(file).resize(width).removeAlpha().raw().toBuffer({resolveWithObject: true});
	return {data: new Uint8Array(data), width: info.width, height: info.height, channels: 3};
}

const rows = new Map<
	number,
	{n: number; lost: number; ear: number[]; open: number[]; smile: number[]; happy: number[]; eyesFlips: number; smileFlips: number}
>();
for (const entry of manifest) {
	const file = path.join(photosDir, entry.file);
	const image = await decode(file);
	const full = (await analyseFaces(image, nodePlatform.models)).main;
	if (!full) continue;
	const reference = measures(image, full);
	const ipd = Math.hypot(full.leftEye[0] - full.rightEye[0], full.leftEye[1] - full.rightEye[1]);
	for (const size of SIZES) {
		const small = await decode(file, size / ipd);
		const row = rows.get(size) ?? {n: 0, lost: 0, ear: [], open: [], smile: [], happy: [], eyesFlips: 0, smileFlips: 0};
		rows.set(size, row);
		row.n++;
		const face = (await analyseFaces(small, nodePlatform.models)).main;
		if (!face) {
			row.lost++;
			continue;
		}
		const m = measures(small, face);
		row.ear.push(Math.abs(m.ear - reference.ear));
		row.open.push(Math.abs(m.open - reference.open));
		row.smile.push(Math.abs(m.smile - reference.smile));
		row.happy.push(Math.abs(m.happy - reference.happy));
		if (m.eyesFail !== reference.eyesFail) row.eyesFlips++;
		if (m.smiling !== reference.smiling) row.smileFlips++;
	}
}
const p90 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]! : Number.NaN);
console.log('IPD px  photos  no face  |Δ eye aspect| p90  |Δ lips gap| p90  |Δ smile| p90  |Δ P(happy)| p90  eyes-open flips  smile flips');
for (const [size, row] of [...rows].sort((a, b) => a[0] - b[0])) {
	console.log(
		`${String(size).padStart(6)}  ${String(row.n).padStart(6)}  ${String(row.lost).padStart(7)}  ${p90(row.ear).toFixed(3).padStart(19)}  ${p90(row.open).toFixed(3).padStart(15)}  ${p90(row.smile).toFixed(3).padStart(12)}  ${p90(row.happy).toFixed(3).padStart(15)}  ${String(row.eyesFlips).padStart(15)}  ${String(row.smileFlips).padStart(11)}`,
	);
}
