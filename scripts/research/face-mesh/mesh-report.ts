/**
 * Accuracy of the mesh + iris recipes against the hand-placed points (scratch/out/results.json from
 * mesh-collect.ts), beside face-api's 68 points measured in the same run.
 *
 *   npx tsx scratch/mesh-report.ts [--top N] [--recipe "NAME"] [--in FILE]
 *
 * Eye error: each eye's distance to its hand-placed pupil / the hand inter-pupil distance, both
 * eyes pooled (as eval/score.ts's geometryError and eval/print.ts's "eye err / IPD mean/max").
 * Chin: |Δy| / image height. Head height: |(chin.y − crown.y)/h − truth|, crown from the library's
 * findCrown fed the iris eyes, mesh chin 152, nose tip 1, brow top (as-is), and with the crown's
 * two constants refitted leave-one-out (crownRefit).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';

const {values} = parseArgs({options: {top: {type: 'string'}, recipe: {type: 'string', multiple: true}, in: {type: 'string'}}});
type Pt = [number, number];
interface Recipe {
	faceflag: number;
	points: Record<string, Pt>;
	iris: {right: Pt; left: Pt; rightEdges: Pt; leftEdges: Pt; rightContour: Pt; leftContour: Pt; rightRadius: number; leftRadius: number};
	meshEyes: {right: Pt; left: Pt};
	crown: {point: Pt; method: string; hairTop?: number};
	ms: Record<string, number>;
}
interface Photo {
	file: string;
	set: string;
	height: number;
	landmarks?: {pupilA: Pt; pupilB: Pt; chin: Pt; crown: Pt};
	faceapi?: {rightEye: Pt; leftEye: Pt; chin: Pt; crown: Pt; headHeightRatio: number};
	recipes: Record<string, Recipe>;
}
const data = JSON.parse(readFileSync(values.in ?? path.join(import.meta.dirname, 'out/results.json'), 'utf8')) as {configs: string[]; photos: Photo[]};
const photos = data.photos;
const measured = photos.filter((p) => p.landmarks);
const SETS = ['london-neutral', 'ontario', 'composite'];

const dist = (a: Pt, b: Pt) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
const max = (a: number[]) => Math.max(...a);
const pct = (v: number, d = 2) => `${(v * 100).toFixed(d)} %`;

function truthEyes(p: Photo): {imageLeft: Pt; imageRight: Pt; ipd: number} {
	const lm = p.landmarks!;
	const [imageLeft, imageRight] = lm.pupilA[0] <= lm.pupilB[0] ? [lm.pupilA, lm.pupilB] : [lm.pupilB, lm.pupilA];
	return {imageLeft, imageRight, ipd: dist(imageLeft, imageRight)};
}
/** Per-eye errors / IPD; `right` is the subject's right eye = image left. */
function eyeErrors(p: Photo, right: Pt, left: Pt): number[] {
	const t = truthEyes(p);
	return [dist(right, t.imageLeft) / t.ipd, dist(left, t.imageRight) / t.ipd];
}

type Eyes = 'iris' | 'irisEdges' | 'irisContour' | 'meshContour';
function eyesOf(r: Recipe, kind: Eyes): [Pt, Pt] {
	switch (kind) {
		case 'iris':
			return [r.iris.right, r.iris.left];
		case 'irisEdges':
			return [r.iris.rightEdges, r.iris.leftEdges];
		case 'irisContour':
			return [r.iris.rightContour, r.iris.leftContour];
		case 'meshContour':
			return [r.meshEyes.right, r.meshEyes.left];
	}
}

// ---- crown: the library's anthropometric model, constants refitted leave-one-out on the mesh's inputs
interface CrownInputs {
	/** Height of mesh point 10 (top of the face oval) above the eye line, in E. */
	forehead: number;
	eyeMid: Pt;
	up: Pt;
	E: number;
	drop: number;
	hairTop?: number;
	chin: Pt;
	kTrue: number;
	h: number;
	truth: number;
}
function crownInputs(p: Photo, r: Recipe): CrownInputs {
	const [re, le] = [r.iris.right, r.iris.left];
	const eyeMid: Pt = [(re[0] + le[0]) / 2, (re[1] + le[1]) / 2];
	const chin = r.points['152']!;
	const E = dist(eyeMid, chin);
	const up: Pt = [(eyeMid[0] - chin[0]) / E, (eyeMid[1] - chin[1]) / E];
	const nose = r.points['1']!;
	const drop = ((nose[0] - eyeMid[0]) * -up[0] + (nose[1] - eyeMid[1]) * -up[1]) / E;
	const lm = p.landmarks!;
	const top = r.points['10']!;
	const forehead = ((top[0] - eyeMid[0]) * up[0] + (top[1] - eyeMid[1]) * up[1]) / E;
	return {forehead, eyeMid, up, E, drop, ...(r.crown.hairTop !== undefined ? {hairTop: r.crown.hairTop} : {}), chin, kTrue: (lm.crown[1] - eyeMid[1]) / (up[1] * E), h: p.height, truth: (lm.chin[1] - lm.crown[1]) / p.height};
}
function crownY(c: CrownInputs, a: number, b: number, range: [number, number]): number {
	const k = a + b * Math.min(range[1], Math.max(range[0], c.drop));
	const y = c.eyeMid[1] + c.up[1] * k * c.E;
	// findCrown: the hair outline caps the estimate (MIN_HAIR_OVER_EYE_CHIN 0.6 already applied by the collector).
	return c.hairTop !== undefined && c.hairTop > y ? c.hairTop : y;
}
function fit(cs: CrownInputs[]): {a: number; b: number; range: [number, number]} {
	const xs = cs.map((c) => c.drop);
	const ys = cs.map((c) => c.kTrue);
	const mx = mean(xs);
	const my = mean(ys);
	const b = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
	return {a: my - b * mx, b, range: [Math.min(...xs), Math.max(...xs)]};
}

/** k = a + b·drop + c·forehead, least squares (normal equations). */
function fit2(cs: CrownInputs[]): [number, number, number] {
	const X = cs.map((c) => [1, c.drop, c.forehead]);
	const y = cs.map((c) => c.kTrue);
	const A = [0, 1, 2].map((i) => [0, 1, 2].map((j) => X.reduce((s, x) => s + x[i]! * x[j]!, 0)));
	const b = [0, 1, 2].map((i) => X.reduce((s, x, k) => s + x[i]! * y[k]!, 0));
	// Cramer's rule on 3 × 3.
	const det = (m: number[][]) =>
		m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) - m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) + m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
	const d = det(A);
	return [0, 1, 2].map((col) => det(A.map((row, i) => row.map((v, j) => (j === col ? b[i]! : v)))) / d) as [number, number, number];
}
function crownY2(c: CrownInputs, w: [number, number, number]): number {
	const k = w[0] + w[1] * c.drop + w[2] * c.forehead;
	const y = c.eyeMid[1] + c.up[1] * k * c.E;
	return c.hairTop !== undefined && c.hairTop > y ? c.hairTop : y;
}

interface Scores {
	headRefit2: number[];
	n: number;
	eye: number[];
	chin: number[];
	chinSigned: number[];
	chinFitted: number[];
	head: number[];
	headRefit: number[];
	faceflagMin: number;
}

function score(name: string, subset: Photo[], eyes: Eyes = 'iris'): Scores | undefined {
	const have = subset.filter((p) => p.recipes[name]);
	if (have.length === 0) return undefined;
	const s: Scores = {n: have.length, eye: [], chin: [], chinSigned: [], chinFitted: [], head: [], headRefit: [], headRefit2: [], faceflagMin: 1};
	// Leave-one-out fits use every measured photo other than the one scored (all sets), as crown.ts's fit did.
	const pool = measured.filter((p) => p.recipes[name]);
	const inputs = new Map(pool.map((p) => [p.file, crownInputs(p, p.recipes[name]!)]));
	const chinDrop = (c: CrownInputs, p: Photo) => (p.landmarks!.chin[1] - c.chin[1]) / (-c.up[1] * c.E);
	for (const p of have) {
		const r = p.recipes[name]!;
		s.faceflagMin = Math.min(s.faceflagMin, r.faceflag);
		s.eye.push(...eyeErrors(p, ...eyesOf(r, eyes)));
		const chin = r.points['152']!;
		const lm = p.landmarks!;
		s.chin.push(Math.abs(chin[1] - lm.chin[1]) / p.height);
		s.chinSigned.push((chin[1] - lm.chin[1]) / p.height);
		const c = inputs.get(p.file)!;
		const others = pool.filter((q) => q.file !== p.file).map((q) => ({q, c: inputs.get(q.file)!}));
		// Chin lowered along the face axis by the mean offset of the others (in eye-to-chin distances), like CHIN_DROP.
		const d = mean(others.map(({q, c: oc}) => chinDrop(oc, q)));
		const chinY = c.chin[1] - c.up[1] * d * c.E;
		s.chinFitted.push(Math.abs(chinY - lm.chin[1]) / p.height);
		s.head.push(Math.abs((chin[1] - r.crown.point[1]) / p.height - c.truth));
		const f = fit(others.map((o) => o.c));
		s.headRefit.push(Math.abs((chinY - crownY(c, f.a, f.b, f.range)) / p.height - c.truth));
		s.headRefit2.push(Math.abs((chinY - crownY2(c, fit2(others.map((o) => o.c)))) / p.height - c.truth));
	}
	return s;
}

function baseline(subset: Photo[]): {eye: number[]; chin: number[]; head: number[]} {
	const out = {eye: [] as number[], chin: [] as number[], head: [] as number[]};
	for (const p of subset) {
		if (!p.faceapi) continue;
		out.eye.push(...eyeErrors(p, p.faceapi.rightEye, p.faceapi.leftEye));
		out.chin.push(Math.abs(p.faceapi.chin[1] - p.landmarks!.chin[1]) / p.height);
		const lm = p.landmarks!;
		out.head.push(Math.abs(p.faceapi.headHeightRatio - (lm.chin[1] - lm.crown[1]) / p.height));
	}
	return out;
}

const mm = (a: number[], d = 2) => (a.length ? `${pct(mean(a), d)} / ${pct(max(a), d)}` : '—');
const b = baseline(measured);
console.log(`${photos.length} photos, ${measured.length} with hand-placed points; ${data.configs.length} recipes\n`);
console.log(`face-api 68 (today, same run): eye/IPD mean/max ${mm(b.eye)}, chin y ${mm(b.chin)}, head ratio ${mm(b.head)}`);
for (const set of SETS) {
	const bs = baseline(measured.filter((p) => p.set === set));
	console.log(`  ${set.padEnd(15)} eye/IPD ${mm(bs.eye)}, chin y ${mm(bs.chin)}, head ratio ${mm(bs.head)}`);
}

// ---- ranking of the recipes on the iris-centre eye error over all measured photos
const ranked = data.configs
	.map((name) => ({name, s: score(name, measured)}))
	.filter((r) => r.s && r.s.n === measured.length)
	.sort((x, y) => mean(x.s!.eye) - mean(y.s!.eye));
const top = Number(values.top ?? 100);
console.log(`\nrecipes by mean eye error (iris centre 71) over all ${measured.length} measured photos:`);
console.log('recipe'.padEnd(52), 'eye/IPD mean / max', '  chin y mean / max', '  chin fitted', '  head (as-is)', '  head (refit)', ' min faceflag');
for (const {name, s} of ranked.slice(0, top)) {
	console.log(
		name.padEnd(52),
		mm(s!.eye).padEnd(20),
		mm(s!.chin).padEnd(20),
		mm(s!.chinFitted).padEnd(16),
		mm(s!.head).padEnd(16),
		mm(s!.headRefit).padEnd(16),
		s!.faceflagMin.toFixed(3),
	);
}
const missing = data.configs.filter((name) => !ranked.some((r) => r.name === name));
if (missing.length) console.log(`(not run on every photo: ${missing.join('; ')})`);

// ---- detail per set for the chosen recipes
const chosen = values.recipe ?? ranked.slice(0, 3).map((r) => r.name);
for (const name of chosen) {
	console.log(`\n== ${name}`);
	for (const set of [...SETS, 'all']) {
		const subset = set === 'all' ? measured : measured.filter((p) => p.set === set);
		const s = score(name, subset);
		if (!s) continue;
		const alt = (['irisEdges', 'irisContour', 'meshContour'] as Eyes[]).map((k) => `${k} ${mm(score(name, subset, k)!.eye)}`).join('; ');
		console.log(
			`  ${set.padEnd(15)} n=${String(s.n).padEnd(3)} eye/IPD ${mm(s.eye)} | chin y ${mm(s.chin)} (bias ${pct(mean(s.chinSigned))}; fitted ${mm(s.chinFitted)}) | head ratio as-is ${mm(s.head)}, refit ${mm(s.headRefit)}, refit with forehead 10 ${mm(s.headRefit2)}`,
		);
		console.log(`  ${''.padEnd(15)} other eye centres: ${alt}`);
	}
	const all = measured.filter((p) => p.recipes[name]);
	const f = fit(all.map((p) => crownInputs(p, p.recipes[name]!)));
	console.log(`  crown fit on all: k = ${f.a.toFixed(3)} + ${f.b.toFixed(3)} · drop (drop ${f.range[0].toFixed(3)}…${f.range[1].toFixed(3)}); library: 0.344 + 2.02 · drop`);
	const w2 = fit2(all.map((p) => crownInputs(p, p.recipes[name]!)));
	console.log(`  crown fit with forehead: k = ${w2[0].toFixed(3)} + ${w2[1].toFixed(3)} · drop + ${w2[2].toFixed(3)} · forehead(10)/E`);
	const hairCapped = all.filter((p) => { const c = crownInputs(p, p.recipes[name]!); return c.hairTop !== undefined && c.hairTop > crownY(c, f.a, f.b, f.range); }).length;
	console.log(`  hair outline caps the refitted estimate on ${hairCapped}/${all.length} photos`);
	const worst = all
		.map((p) => ({p, e: max(eyeErrors(p, p.recipes[name]!.iris.right, p.recipes[name]!.iris.left))}))
		.sort((x, y) => y.e - x.e)
		.slice(0, 4);
	console.log(`  worst eyes: ${worst.map((w) => `${w.p.file} ${pct(w.e, 1)}`).join(', ')}`);
	// Photos without hand points (lisa, london-smiling): how far the iris eyes are from face-api's, / face-api's IPD.
	for (const set of ['lisa', 'london-smiling']) {
		const ps = photos.filter((p) => p.set === set && p.recipes[name] && p.faceapi);
		if (!ps.length) continue;
		const d = ps.flatMap((p) => {
			const r = p.recipes[name]!;
			const ipd = dist(p.faceapi!.rightEye, p.faceapi!.leftEye);
			return [dist(r.iris.right, p.faceapi!.rightEye) / ipd, dist(r.iris.left, p.faceapi!.leftEye) / ipd];
		});
		console.log(
			`  ${set}: no hand points; iris vs face-api eyes / face-api IPD mean ${pct(mean(d))}, max ${pct(max(d))}; faceflag min ${Math.min(...ps.map((p) => p.recipes[name]!.faceflag)).toFixed(3)}`,
		);
	}
}
