/**
 * Smile separability from the face mesh's geometry, London neutral vs London smiling (45 people,
 * both photos each), from scratch/out/results.json (mesh-collect.ts).
 *
 *   npx tsx scratch/smile.ts [--recipe "NAME"] [--false 0.02]
 *
 * Measures (in the frame made level by the iris centres' eye line):
 *   width    mouth corners 61–291 / inter-pupil distance (iris centres)
 *   gap      inner lips 13–14 / mouth width
 *   lift     (lip centre y − mean y of 61/291) / mouth width, lip centre = midpoint of 13/14 (+ = corners higher)
 *   liftOuter  same with the outer-lip centre (0/17)
 *   innerWidth inner-lip corners 78–308 / IPD
 *   widthFace  61–291 / face width 234–454
 *   liftE    lift in eye-to-chin distances (the library's 68-point definition)
 * Rules: one measure above (or below) a threshold; either of two (OR, like the library's rule);
 * and a logistic combination thresholded on its score. Each family's thresholds are chosen on the
 * training folds only: most smiling photos caught with at most --false of the neutral training
 * photos failed. 10 × 5-fold cross-validation, folds by person (scripts/expression-calibration.ts's
 * shuffle). The face-api rule (P(happy), 68-point mouth width) is scored the same way.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';

const {values} = parseArgs({options: {recipe: {type: 'string'}, false: {type: 'string'}, in: {type: 'string'}, verbose: {type: 'boolean'}}});
const MAX_FALSE = Number(values.false ?? 0.02);
type Pt = [number, number];
interface Photo {
	file: string;
	set: string;
	faceapi?: {happy?: number; mouthWidth?: number; mouthOpen?: number; cornerLift?: number};
	recipes: Record<string, {points: Record<string, Pt>; z?: number[]; iris: {right: Pt; left: Pt}; faceflag: number}>;
}
const data = JSON.parse(readFileSync(values.in ?? path.join(import.meta.dirname, 'out/results.json'), 'utf8')) as {configs: string[]; photos: Photo[]};
const recipe = values.recipe ?? 'blaze×1.5 rot:blaze refine×1.5';
if (!data.configs.includes(recipe)) throw new Error(`no recipe ${recipe}; have: ${data.configs.join(' | ')}`);

const dist = (a: Pt, b: Pt) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;

type Features = Record<string, number>;
function meshFeatures(p: Photo): Features | undefined {
	const r = p.recipes[recipe];
	if (!r) return undefined;
	const {right, left} = r.iris;
	const angle = Math.atan2(left[1] - right[1], left[0] - right[0]);
	const c = Math.cos(angle);
	const s = Math.sin(angle);
	// Level frame: rotate by −angle about the right iris.
	const q = (i: number): Pt => {
		const pt = r.points[String(i)]!;
		const dx = pt[0] - right[0];
		const dy = pt[1] - right[1];
		return [dx * c + dy * s, -dx * s + dy * c];
	};
	const ipd = dist(right, left);
	const width = dist(q(61), q(291));
	const lipCentreY = (q(13)[1] + q(14)[1]) / 2;
	const outerCentreY = (q(0)[1] + q(17)[1]) / 2;
	const cornerY = (q(61)[1] + q(291)[1]) / 2;
	const eyeMidY = 0; // both irises are on y = 0 in the level frame
	const E = q(152)[1] - eyeMidY;
	const full = r.points['2'] !== undefined && r.z !== undefined;
	const extra: Features = {};
	if (full) {
		const z = r.z!;
		extra.eyeAspect = (dist(q(159), q(145)) / dist(q(33), q(133)) + dist(q(386), q(374)) / dist(q(362), q(263))) / 2;
		extra.upperLip = dist(q(0), q(13)) / width;
		extra.lowerLip = dist(q(14), q(17)) / width;
		extra.lipsHeight = dist(q(0), q(17)) / width;
		extra.cornerDrop = cornerY / E;
		extra.cornerNose = (cornerY - q(2)[1]) / E;
		extra.widthE = width / E;
		extra.cheekY = (q(50)[1] + q(280)[1]) / 2 / E;
		extra.nasolabial = (dist(q(61), q(98)) + dist(q(291), q(327))) / 2 / E;
		extra.cornerDepth = ((z[61]! + z[291]!) / 2 - (z[13]! + z[14]!) / 2) / ipd;
		extra.lowerFace = (q(152)[1] - cornerY) / E;
		extra.noseChin = (q(152)[1] - q(2)[1]) / E;
		// Sign-flipped copies, so that every measure grows with a smile (for the OR and logistic rules).
		extra.cornerRise = -extra.cornerDrop;
		extra.cheekRise = -extra.cheekY;
		extra.upperLipThin = -extra.upperLip;
		extra.lowerLipThin = -extra.lowerLip;
		extra.nasolabialShort = -extra.nasolabial;
		extra.cornerNoseRise = -extra.cornerNose;
		extra.squint = -extra.eyeAspect;
	}
	return {
		...extra,
		width: width / ipd,
		gap: dist(q(13), q(14)) / width,
		lift: (lipCentreY - cornerY) / width,
		liftOuter: (outerCentreY - cornerY) / width,
		innerWidth: dist(q(78), q(308)) / ipd,
		widthFace: width / dist(q(234), q(454)),
		liftE: (lipCentreY - cornerY) / E,
		gapIpd: dist(q(13), q(14)) / ipd,
	};
}
function faceapiFeatures(p: Photo): Features | undefined {
	const f = p.faceapi;
	if (!f || f.happy === undefined || f.mouthWidth === undefined) return undefined;
	return {happy: f.happy, mouthWidth68: f.mouthWidth, mouthOpen68: f.mouthOpen ?? 0, cornerLift68: f.cornerLift ?? 0};
}

interface Sample {
	file: string;
	set: string;
	person: string;
	smiling: boolean;
	f: Features;
}
const samples: Sample[] = [];
const others: Sample[] = [];
for (const p of data.photos) {
	const mf = meshFeatures(p);
	const ff = faceapiFeatures(p);
	if (!mf || !ff) {
		console.log(`  (no measures for ${p.file})`);
		continue;
	}
	const s = {file: p.file, set: p.set, person: path.basename(p.file).slice(0, 3), smiling: p.set === 'london-smiling', f: {...mf, ...ff}};
	if (p.set === 'london-neutral' || p.set === 'london-smiling') samples.push(s);
	else others.push(s);
}
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
console.log(`recipe ${recipe}: ${samples.filter((s) => s.smiling).length} smiling, ${samples.filter((s) => !s.smiling).length} neutral London photos; ${others.length} other neutral photos (ontario, composite, lisa) for an out-of-set false-fail count`);

// ---- distributions
const names = Object.keys(samples[0]!.f);
console.log('\nmeasure        neutral min…median…max         smiling min…median…max         AUC');
const q = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(p * (a.length - 1) + 0.5))]!;
for (const n of names) {
	const ne = samples.filter((s) => !s.smiling).map((s) => s.f[n]!);
	const sm = samples.filter((s) => s.smiling).map((s) => s.f[n]!);
	let auc = 0;
	for (const a of sm) for (const b of ne) auc += a > b ? 1 : a === b ? 0.5 : 0;
	auc /= sm.length * ne.length;
	const r = (a: number[]) => `${q(a, 0).toFixed(3)}…${q(a, 0.5).toFixed(3)}…${q(a, 1).toFixed(3)}`;
	console.log(`${n.padEnd(14)} ${r(ne).padEnd(30)} ${r(sm).padEnd(30)} ${auc.toFixed(3)}`);
}
// Paired: the same person's smiling minus neutral.
console.log('\npaired (smiling − neutral, same person): share of people where the measure rises');
for (const n of names) {
	let up = 0;
	let pairs = 0;
	for (const s of samples.filter((x) => x.smiling)) {
		const ne = samples.find((x) => !x.smiling && x.person === s.person);
		if (!ne) continue;
		pairs++;
		if (s.f[n]! > ne.f[n]!) up++;
	}
	console.log(`  ${n.padEnd(14)} ${up}/${pairs}`);
}

// ---- rules
interface Rule {
	describe(): string;
	fails(f: Features): boolean;
}
type Family = {name: string; choose(train: Sample[]): Rule};

/** Thresholds between consecutive distinct values (and beyond the extremes). */
function cuts(vals: number[]): number[] {
	const u = [...new Set(vals)].sort((a, b) => a - b);
	const out = [u[0]! - 1e-6];
	for (let i = 0; i + 1 < u.length; i++) out.push((u[i]! + u[i + 1]!) / 2);
	out.push(u[u.length - 1]! + 1e-6);
	return out;
}
const falseBudget = (train: Sample[]) => Math.floor(MAX_FALSE * train.filter((s) => !s.smiling).length + 1e-9);

/** One measure: fails above t (dir +1) or below t (dir −1); the least strict t within the false budget. */
function single(n: string, dir: 1 | -1): Family {
	return {
		name: `${n} ${dir > 0 ? '>' : '<'} t`,
		choose(train) {
			const budget = falseBudget(train);
			// Neutral values sorted from most smile-like: the threshold sits just past the (budget+1)-th.
			const ne = train.filter((s) => !s.smiling).map((s) => dir * s.f[n]!).sort((a, b) => b - a);
			const bound = ne[budget]!;
			// Midway to the next larger training value (any class) above the bound.
			const above = train.map((s) => dir * s.f[n]!).filter((v) => v > bound).sort((a, b) => a - b)[0];
			const t = above === undefined ? bound + 1e-6 : (bound + above) / 2;
			return {describe: () => `${n} ${dir > 0 ? '>' : '<'} ${(dir * t).toFixed(4)}`, fails: (f) => dir * f[n]! > t};
		},
	};
}

/** Either of two measures above its threshold (the library's rule shape). */
function either(a: string, b: string): Family {
	return {
		name: `${a} > t1 or ${b} > t2`,
		choose(train) {
			const budget = falseBudget(train);
			const ne = train.filter((s) => !s.smiling);
			const sm = train.filter((s) => s.smiling);
			let best: {t1: number; t2: number; caught: number; fp: number} | undefined;
			for (const t1 of cuts(train.map((s) => s.f[a]!))) {
				const fp1 = ne.filter((s) => s.f[a]! > t1);
				if (fp1.length > budget) continue;
				// t2: past the (budget − fp1 + 1)-th most smile-like neutral not already failed.
				const rest = ne.filter((s) => !(s.f[a]! > t1)).map((s) => s.f[b]!).sort((x, y) => y - x);
				const bound = rest[budget - fp1.length] ?? -Infinity;
				const above = train.map((s) => s.f[b]!).filter((v) => v > bound).sort((x, y) => x - y)[0];
				const t2 = above === undefined ? bound + 1e-6 : (bound + above) / 2;
				const caught = sm.filter((s) => s.f[a]! > t1 || s.f[b]! > t2).length;
				const fp = ne.filter((s) => s.f[a]! > t1 || s.f[b]! > t2).length;
				if (!best || caught > best.caught || (caught === best.caught && fp < best.fp)) best = {t1, t2, caught, fp};
			}
			const {t1, t2} = best!;
			return {describe: () => `${a} > ${t1.toFixed(4)} or ${b} > ${t2.toFixed(4)}`, fails: (f) => f[a]! > t1 || f[b]! > t2};
		},
	};
}

/** Logistic regression on standardised measures (L2 0.01), its score thresholded within the false budget. */
function logistic(ns: string[]): Family {
	return {
		name: `logistic(${ns.join(', ')})`,
		choose(train) {
			const mu = ns.map((n) => mean(train.map((s) => s.f[n]!)));
			const sd = ns.map((n, i) => Math.sqrt(mean(train.map((s) => (s.f[n]! - mu[i]!) ** 2))) || 1);
			const x = (f: Features) => ns.map((n, i) => (f[n]! - mu[i]!) / sd[i]!);
			const w = new Array(ns.length + 1).fill(0);
			const X = train.map((s) => [1, ...x(s.f)]);
			const y = train.map((s) => (s.smiling ? 1 : 0));
			// Newton's method.
			for (let it = 0; it < 50; it++) {
				const d = w.length;
				const g = new Array(d).fill(0);
				const H = Array.from({length: d}, () => new Array(d).fill(0));
				for (let k = 0; k < X.length; k++) {
					const z = X[k]!.reduce((s, v, j) => s + v * w[j]!, 0);
					const p = 1 / (1 + Math.exp(-z));
					for (let i = 0; i < d; i++) {
						g[i] += (p - y[k]!) * X[k]![i]!;
						for (let j = 0; j < d; j++) H[i]![j] += p * (1 - p) * X[k]![i]! * X[k]![j]!;
					}
				}
				for (let i = 1; i < d; i++) {
					g[i] += 0.01 * w[i]!;
					H[i]![i] += 0.01;
				}
				const step = solve(H, g);
				for (let i = 0; i < d; i++) w[i] -= step[i]!;
				if (Math.hypot(...step) < 1e-9) break;
			}
			const score = (f: Features) => x(f).reduce((s, v, j) => s + v * w[j + 1]!, w[0]!);
			const budget = falseBudget(train);
			const ne = train.filter((s) => !s.smiling).map((s) => score(s.f)).sort((a, b) => b - a);
			const bound = ne[budget]!;
			const above = train.map((s) => score(s.f)).filter((v) => v > bound).sort((a, b) => a - b)[0];
			const t = above === undefined ? bound + 1e-6 : (bound + above) / 2;
			// In raw units: Σ w_i (m_i − μ_i)/σ_i + w0 > t  ⇔  Σ (w_i/σ_i) m_i > t − w0 + Σ w_i μ_i/σ_i
			const coef = ns.map((_, i) => w[i + 1]! / sd[i]!);
			const rhs = t - w[0]! + ns.reduce((s, _, i) => s + (w[i + 1]! * mu[i]!) / sd[i]!, 0);
			return {describe: () => `${ns.map((n, i) => `${coef[i]!.toFixed(3)}·${n}`).join(' + ')} > ${rhs.toFixed(4)}`, fails: (f) => score(f) > t};
		},
	};
}
function solve(A: number[][], b: number[]): number[] {
	const n = b.length;
	const M = A.map((row, i) => [...row, b[i]!]);
	for (let c = 0; c < n; c++) {
		let p = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
		[M[c], M[p]] = [M[p]!, M[c]!];
		for (let r = 0; r < n; r++) {
			if (r === c) continue;
			const k = M[r]![c]! / M[c]![c]!;
			for (let j = c; j <= n; j++) M[r]![j] -= k * M[c]![j]!;
		}
	}
	return M.map((row, i) => row[n]! / row[i]!);
}

const meshNames = ['width', 'gap', 'lift', 'liftOuter', 'innerWidth', 'widthFace', 'liftE', 'gapIpd'];
const fullNames = ['eyeAspect', 'upperLip', 'lowerLip', 'lipsHeight', 'cornerDrop', 'cornerNose', 'widthE', 'cheekY', 'nasolabial', 'cornerDepth', 'lowerFace', 'noseChin'].filter(
	(n) => samples[0]!.f[n] !== undefined,
);
const families: Family[] = [
	...meshNames.map((n) => single(n, 1)),
	...meshNames.flatMap((a, i) => meshNames.slice(i + 1).flatMap((b) => [either(a, b)])),
	...fullNames.flatMap((n) => [single(n, 1), single(n, -1)]),
	...(fullNames.length
		? [
				either('widthFace', 'upperLip'),
				either('widthFace', 'cornerDepth'),
				logistic(['widthFace', 'upperLip']),
				logistic(['widthFace', 'cornerNose']),
				logistic(['widthFace', 'lift', 'upperLip']),
				logistic(['widthFace', 'lift', 'upperLip', 'cornerNose']),
				logistic(['widthFace', 'lift', 'upperLip', 'cornerNose', 'eyeAspect']),
				logistic(['widthFace', 'width', 'lift', 'gap', 'upperLip', 'lowerLip', 'cornerNose', 'eyeAspect', 'cornerDepth', 'nasolabial']),
				logistic(['widthE', 'cornerDrop', 'upperLip']),
				logistic(['widthFace', 'cornerDepth', 'upperLip']),
			]
		: []),
	...(fullNames.length ? pairsAndTriples() : []),
	logistic(['width', 'gap']),
	logistic(['width', 'lift']),
	logistic(['width', 'gap', 'lift']),
	logistic(['width', 'gap', 'lift', 'liftOuter']),
	logistic(['widthFace', 'gap', 'lift']),
	logistic(['width', 'widthFace', 'gap', 'lift', 'liftOuter', 'innerWidth']),
	// Today's evidence, scored the same way.
	single('happy', 1),
	single('mouthWidth68', 1),
	either('happy', 'mouthWidth68'),
	// Mixed: face-api's P(happy) with the mesh.
	either('happy', 'width'),
	logistic(['happy', 'width', 'gap', 'lift']),
];

/** Every OR pair and logistic pair of the smile-growing mesh measures, and logistic triples with cornerRise. */
function pairsAndTriples(): Family[] {
	const grow = ['cornerRise', 'widthFace', 'cornerDepth', 'width', 'widthE', 'lift', 'liftOuter', 'gap', 'upperLipThin', 'lowerLipThin', 'cheekRise', 'innerWidth', 'nasolabialShort', 'cornerNoseRise', 'squint'];
	const out: Family[] = [];
	for (let i = 0; i < grow.length; i++)
		for (let j = i + 1; j < grow.length; j++) {
			out.push(either(grow[i]!, grow[j]!));
			out.push(logistic([grow[i]!, grow[j]!]));
		}
	for (let i = 1; i < grow.length; i++) for (let j = i + 1; j < grow.length; j++) out.push(logistic(['cornerRise', grow[i]!, grow[j]!]));
	out.push(either('happy', 'cornerRise'), either('happy', 'widthFace'), logistic(['happy', 'cornerRise', 'widthFace']));
	return out;
}

function rates(set: Sample[], rule: Rule) {
	const sm = set.filter((s) => s.smiling);
	const ne = set.filter((s) => !s.smiling);
	return {caught: sm.filter((s) => rule.fails(s.f)).length, smiling: sm.length, fp: ne.filter((s) => rule.fails(s.f)).length, neutral: ne.length};
}

function crossValidate(family: Family) {
	const people = [...new Set(samples.map((s) => s.person))];
	let caught = 0;
	let smiling = 0;
	let fp = 0;
	let neutral = 0;
	for (let repeat = 0; repeat < 10; repeat++) {
		let seed = repeat + 1;
		const shuffled = [...people].sort(() => {
			seed = (seed * 16_807) % 2_147_483_647;
			return seed / 2_147_483_647 - 0.5;
		});
		for (let fold = 0; fold < 5; fold++) {
			const held = new Set(shuffled.filter((_, i) => i % 5 === fold));
			const rule = family.choose(samples.filter((s) => !held.has(s.person)));
			const r = rates(
				samples.filter((s) => held.has(s.person)),
				rule,
			);
			caught += r.caught;
			smiling += r.smiling;
			fp += r.fp;
			neutral += r.neutral;
		}
	}
	return {caught: caught / smiling, falseFail: fp / neutral};
}

console.log(`\nrules, thresholds chosen for at most ${pct(MAX_FALSE)} false fails on the training neutrals (with 36 training neutrals that is 0):`);
console.log('family'.padEnd(46), 'CV caught', ' CV false', ' | all-data rule, in-sample caught / false, other neutral photos failed');
const rows = families.map((family) => {
	const cv = crossValidate(family);
	const rule = family.choose(samples);
	const inS = rates(samples, rule);
	const ood = others.filter((s) => rule.fails(s.f));
	return {family, cv, rule, inS, ood};
});
rows.sort((a, b) => b.cv.caught - b.cv.falseFail - (a.cv.caught - a.cv.falseFail));
for (const {family, cv, rule, inS, ood} of rows) {
	console.log(
		`${family.name.padEnd(46)} ${pct(cv.caught).padStart(8)} ${pct(cv.falseFail).padStart(8)}  | ${rule.describe()}: ${inS.caught}/${inS.smiling}, ${inS.fp}/${inS.neutral}; others ${ood.length}/${others.length}${ood.length ? ` (${ood.map((s) => s.file).join(', ')})` : ''}`,
	);
}
if (values.verbose) {
	const best = rows[0]!;
	console.log(`\nmissed by ${best.rule.describe()}: ${samples.filter((s) => s.smiling && !best.rule.fails(s.f)).map((s) => s.file).join(', ')}`);
}
// The library's current rule (profile thresholds), in-sample on the same photos.
const current = {describe: () => 'P(happy) > 0.01 or mouthWidth68 > 0.86', fails: (f: Features) => f.happy! > 0.01 || f.mouthWidth68! > 0.86};
const cr = rates(samples, current);
console.log(`\ntoday's profile rule ${current.describe()}: caught ${cr.caught}/${cr.smiling}, false ${cr.fp}/${cr.neutral} (in-sample); others ${others.filter((s) => current.fails(s.f)).length}/${others.length}`);
