import {PhotoFacts} from '../analysis/facts.js';
import {checks} from '../checks/registry.js';
import {round} from '../format.js';
import {displayPath, type PhotoInput, pathOf} from '../input/read.js';
import {type AnnotateOption, DEFAULT_PICTURE_SIZE} from '../options.js';
import type {Platform} from '../platform/types.js';
import type {Profile} from '../profiles/schema.js';
import {buildReport} from '../report/build.js';
import type {PhotoReport} from '../report/schema.js';
import {suggestCrop} from '../report/suggested-crop.js';
import {collectAnnotations} from './annotations.js';
import {faceSummary} from './face-summary.js';
import {provenanceOf} from './provenance.js';
import {runCheck} from './run-check.js';

/** What a photo is checked with besides its bytes and the profile. */
export interface PhotoContext {
	/** Files, decoders and models where the photo is checked: `nodePlatform`, or the browser's. */
	platform: Platform;
	/** The file name, for the extension check, when the input is bytes. */
	name?: string | undefined;
	/** The moment a photo's age is measured against. */
	now?: Date | undefined;
	/** Add pictures of the result (`report.annotations`). */
	annotate?: AnnotateOption | undefined;
}

/** Check one photo against a profile already validated: every check of the profile, then the report. Never throws for a bad photo. */
export async function checkPhoto(input: PhotoInput, profile: Profile, context: PhotoContext): Promise<PhotoReport> {
	const started = performance.now();
	const {name, now, platform} = context;
	const facts = new PhotoFacts({
		input,
		platform,
		...(name === undefined ? {} : {name}),
		...(now === undefined ? {} : {now}),
		limits: profile.decode,
	});

	const runs = await Promise.all(profile.checks.map((id) => runCheck(checks[id], facts, profile)));
	const results = runs.map((run) => run.result);
	const fixes = new Map(runs.flatMap((run) => (run.fix ? [[run.result.id, run.fix] as const] : [])));
	const [header, size, sha256] = await Promise.all([facts.peek('header'), facts.peek('size'), facts.peek('sha256')]);
	// Only what the checks already computed: the report never runs the face engine by itself.
	const faces = facts.has('faces') ? await facts.peek('faces') : undefined;
	const named = pathOf(input);
	// The path as given (two x.jpg in two folders are told apart); a name given for bytes otherwise.
	const source = name ?? (named === undefined ? undefined : displayPath(named));
	const annotations = context.annotate
		? await collectAnnotations(facts, context.annotate === true ? DEFAULT_PICTURE_SIZE : context.annotate.pictureSize)
		: undefined;
	const face = faces?.main ? faceSummary(faces.main, (await facts.peek('image'))?.scale ?? 1) : undefined;
	const suggestedCrop = face && header ? suggestCrop(header, face, profile, results) : undefined;

	return buildReport(
		{
			checks: results,
			...(suggestedCrop ? {suggestedCrop} : {}),
			...(header && size !== undefined ? {image: {format: header.format, width: header.width, height: header.height, bytes: size}} : {}),
			...(face ? {face} : {}),
			...(faces ? {engine: {backend: faces.backend, detector: faces.detector}} : {}),
			profile: profile.id,
			provenance: provenanceOf(profile, sha256),
			...(source === undefined ? {} : {source}),
			timings: {
				...facts.timings,
				...Object.fromEntries(Object.entries(faces?.timings ?? {}).map(([stage, ms]) => [`face.${stage}`, ms])),
				total: round(performance.now() - started),
			},
			...(annotations ? {annotations} : {}),
		},
		fixes,
	);
}
