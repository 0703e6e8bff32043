import type {MainFace} from './analysis/face/index.js';
import {type FactName, FactUnavailable, type FactValues, PhotoFacts} from './analysis/facts.js';
import {round} from './analysis/stats.js';
import {type Check, checks as implementedChecks} from './checks/index.js';
import type {PhotoInput} from './input/read.js';
import {describe, parseOptions, type ValidateOptions, validateOptionsSchema} from './options.js';
import {applyOverrides, defaultProfileId, type Profile, profiles} from './profiles/index.js';
import {collectAnnotations} from './report/annotations.js';
import {buildReport} from './report/build.js';
import type {CheckResult, FaceSummary, PhotoReport} from './report/schema.js';

/**
 * Check one photo against a profile. Never throws for a bad photo (the report says what is wrong);
 * throws a TypeError for a wrong argument.
 */
export async function validatePhoto(input: PhotoInput, options?: ValidateOptions): Promise<PhotoReport> {
	assertInput(input, 'validatePhoto()');
	const parsed = parseOptions(validateOptionsSchema, options, 'validatePhoto()');
	const profile = selectChecks(resolveProfile(parsed.profile, parsed.overrides, 'validatePhoto()'), parsed.checks, 'validatePhoto()');
	return runPipeline(input, profile, {name: parsed.name, now: parsed.now, annotate: parsed.annotate});
}

/** The part of the pipeline after argument checks, shared by the single and batch APIs. */
export interface PipelineContext {
	name?: string | undefined;
	now?: Date | undefined;
	annotate?: boolean | undefined;
}

export async function runPipeline(input: PhotoInput, profile: Profile, context: PipelineContext = {}): Promise<PhotoReport> {
	const started = performance.now();
	const {name, now} = context;
	const facts = new PhotoFacts({
		input,
		...(name === undefined ? {} : {name}),
		...(now === undefined ? {} : {now}),
		limits: profile.decode,
	});

	const results = await Promise.all(profile.checks.map((id) => runCheck(implementedChecks[id]!, facts, profile)));
	const [header, size, file] = await Promise.all([facts.peek('header'), facts.peek('size'), facts.peek('file')]);
	// Only what the checks already computed: the report never runs the face engine by itself.
	const faces = facts.has('faces') ? await facts.peek('faces') : undefined;
	const source = file?.name ?? name ?? (typeof input === 'string' ? input : undefined);
	const annotations = context.annotate ? await collectAnnotations(facts) : undefined;

	return buildReport({
		checks: results,
		...(header && size !== undefined ? {image: {format: header.format, width: header.width, height: header.height, bytes: size}} : {}),
		...(faces?.main ? {face: faceSummary(faces.main, (await facts.peek('image'))?.scale ?? 1)} : {}),
		...(faces ? {engine: {backend: faces.backend, detector: faces.detector}} : {}),
		profile: profile.id,
		...(source === undefined ? {} : {source}),
		timings: {
			...facts.timings,
			...Object.fromEntries(Object.entries(faces?.timings ?? {}).map(([stage, ms]) => [`face.${stage}`, ms])),
			total: round(performance.now() - started),
		},
		...(annotations ? {annotations} : {}),
	});
}

async function runCheck(check: Check, facts: PhotoFacts, profile: Profile): Promise<CheckResult> {
	const base = {reason: check.reason, requirement: check.requirement};
	try {
		const entries = await Promise.all(check.needs.map(async (name) => [name, await facts.get(name)] as const));
		const values = Object.fromEntries(entries) as Pick<FactValues, FactName>;
		const {status, message, measured, limits, reason} = check.run(values, profile);
		// An outcome may name its own reason (exposure: too dark is TOO_DARK, washed out is not).
		return {
			id: check.id,
			status,
			reason: reason ?? check.reason,
			requirement: check.requirement,
			message: withAdvice(check, status, message),
			...(measured ? {measured} : {}),
			...(limits ? {limits} : {}),
		};
	} catch (error) {
		if (error instanceof FactUnavailable) {
			return error.fact && check.failsWithout?.includes(error.fact)
				? {id: check.id, status: 'fail', ...base, message: withAdvice(check, 'fail', error.message)}
				: {id: check.id, status: 'skip', ...base, message: `Not assessed: ${lowerFirst(error.message)}`};
		}
		// A bug, not a bad photo: the batch goes on, and the photo is flagged for a person to look at.
		const detail = error instanceof Error ? error.message : String(error);
		return {id: check.id, status: 'warn', ...base, message: `Not assessed: an internal error stopped this check (${detail}); please report it with the photo.`};
	}
}

/** A shipped profile by id, or a given one, with overrides applied; TypeError when unknown. */
export function resolveProfile(profile: string | Profile | undefined, overrides: Parameters<typeof applyOverrides>[1], caller: string): Profile {
	let base: Profile;
	if (profile === undefined || typeof profile === 'string') {
		const id = profile ?? defaultProfileId;
		const found = profiles[id];
		if (!found) {
			throw new TypeError(
				`${caller}: options.profile must be one of ${Object.keys(profiles)
					.map((key) => `"${key}"`)
					.join(', ')}; got ${describe(profile)}.`,
			);
		}
		base = found;
	} else {
		base = profile;
	}
	const missing = base.checks.filter((id) => !implementedChecks[id]);
	if (missing.length > 0) {
		throw new TypeError(`${caller}: options.profile lists checks this version does not implement: ${missing.join(', ')}.`);
	}
	try {
		return applyOverrides(base, overrides);
	} catch (error) {
		const issue = (error as {issues?: Array<{path: PropertyKey[]; message: string}>}).issues?.[0];
		if (!issue) throw error;
		throw new TypeError(`${caller}: options.overrides.${issue.path.map(String).join('.')}: ${issue.message}.`);
	}
}

/** The profile restricted to `checks` (kept in the profile's order); TypeError for a check it does not have. */
export function selectChecks(profile: Profile, checks: readonly string[] | undefined, caller: string): Profile {
	if (!checks) return profile;
	const unknown = checks.filter((id) => !(profile.checks as readonly string[]).includes(id));
	if (unknown.length > 0) {
		throw new TypeError(
			`${caller}: options.checks must name checks of the "${profile.id}" profile (${profile.checks.join(', ')}); got ${unknown.map((id) => `"${id}"`).join(', ')}.`,
		);
	}
	return {...profile, checks: profile.checks.filter((id) => checks.includes(id))};
}

export function assertInput(input: unknown, caller: string, label = 'input'): asserts input is PhotoInput {
	if (typeof input === 'string') {
		if (input.length === 0) throw new TypeError(`${caller}: ${label} must be a file path, a Buffer or a Uint8Array; got an empty string.`);
		return;
	}
	if (input instanceof Uint8Array) return;
	throw new TypeError(`${caller}: ${label} must be a file path (string), a Buffer or a Uint8Array; got ${describe(input)}.`);
}

/** The main face for the report, in the photo's pixels (the analysis image may be `scale` times smaller). */
function faceSummary(face: MainFace, scale: number): FaceSummary {
	const point = ([x, y]: readonly [number, number]): [number, number] => [round(x * scale), round(y * scale)];
	const {box} = face;
	return {
		box: {x: round(box.x * scale), y: round(box.y * scale), width: round(box.width * scale), height: round(box.height * scale)},
		leftEye: point(face.leftEye),
		rightEye: point(face.rightEye),
		chin: point(face.chin),
		crown: point(face.crown),
		headHeightRatio: round(face.headHeightRatio, 4),
		centreX: round(face.centreX, 4),
		rollDeg: round(face.rollDeg),
		yawDeg: round(face.yawDeg),
		pitchDeg: round(face.pitchDeg),
	};
}

/** A failed or warned check tells the person what to do next. */
function withAdvice(check: Check, status: CheckResult['status'], message: string): string {
	return check.advice && (status === 'fail' || status === 'warn') ? `${message} ${check.advice}` : message;
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}
