import {z} from 'zod';
import {RETURN_REASON_CODES} from '../reasons.js';

export const statusSchema = z.enum(['pass', 'warn', 'fail', 'skip']);
export const verdictSchema = z.enum(['accept', 'review', 'return']);
export const returnReasonSchema = z.enum(RETURN_REASON_CODES);

const point = z.tuple([z.number(), z.number()]);

const checkId = z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, 'a kebab-case check id');

export const checkResultSchema = z.object({
	id: checkId,
	status: statusSchema,
	reason: returnReasonSchema,
	requirement: z.string().min(1),
	message: z.string().min(1),
	measured: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
	limits: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
	/**
	 * For a figure of `measured` that this outcome judged by other limits than its usual ones: the keys
	 * (in `limits`) of the limits it was judged by, e.g. `{faceLightness: {atLeast: 'darkFaceLightness'}}`
	 * for a dark face beside nothing bright. The HTML report writes these beside the figure.
	 */
	bounds: z.record(z.string(), z.object({atLeast: z.string().optional(), atMost: z.string().optional(), safeFrom: z.string().optional()}).strict()).optional(),
});

export const faceSummarySchema = z.object({
	box: z.object({x: z.number(), y: z.number(), width: z.number(), height: z.number()}),
	leftEye: point,
	rightEye: point,
	chin: point,
	crown: point,
	headHeightRatio: z.number(),
	centreX: z.number(),
	rollDeg: z.number(),
	yawDeg: z.number(),
	pitchDeg: z.number(),
});

const picture = z.object({
	width: z.number().int().positive(),
	height: z.number().int().positive(),
	/** A data: URL (image/jpeg or image/png). */
	dataUrl: z.string().startsWith('data:image/'),
});

/** What fixes a check, in the order to do it: a retake makes the other two moot. */
export const fixActionSchema = z.enum(['retake', 're-export', 'crop']);

/**
 * What a piece of advice asks: a fix for failed checks (`retake`, `re-export`, `crop`, in that
 * order), or, last, `check`: a person looks at the warned checks and applies their fixes only if
 * they find one not met. A warning never becomes an order, nor comes before a fix.
 */
export const adviceActionSchema = z.enum([...fixActionSchema.options, 'check']);

/** One thing to do: one entry per action, naming every check it answers. */
export const adviceSchema = z.object({
	action: adviceActionSchema,
	/** A sentence: "Retake the photo with both eyes open, looking at the camera; with a neutral expression: …", or "Check glare (to look at): …". */
	text: z.string().min(1),
	/** The ids of the checks this answers: failed ones for a fix (and the warned ones its crop fixes too), warned ones for `check`. */
	checks: z.array(checkId).min(1),
});

const pixel = z.number().int().nonnegative();

/**
 * A crop of this photo, in its pixels as displayed (EXIF rotation applied), that would fix the
 * checks named in `fixes` without breaking another: the profile's proportions, the head in the
 * middle of its band, the face centred, within the pixel limits. For the portal's own crop tool:
 * this library never writes an altered photo.
 */
export const suggestedCropSchema = z.object({
	x: pixel,
	y: pixel,
	width: pixel.positive(),
	height: pixel.positive(),
	/** When the crop is larger than the profile allows: the size to scale it down to afterwards. */
	resizeTo: z.object({width: pixel.positive(), height: pixel.positive()}).optional(),
	fixes: z.array(checkId).min(1),
});

/** Pictures for an annotated report (`options.annotate`): coordinates elsewhere stay in image pixels. */
export const annotationsSchema = z.object({
	/** The photo as decoded (EXIF rotation applied): longest side 480 px, or `options.annotate.pictureSize`, at most the analysed photo's. */
	thumbnail: picture.optional(),
	/** Greyscale PNG, the photo's aspect ratio: 255 where the background is, 0 elsewhere. */
	backgroundMask: picture.optional(),
	/** Glare found on the face, in image pixels. */
	glareSpots: z.array(z.object({x: z.number(), y: z.number(), radius: z.number().nonnegative()})).optional(),
});

/** Which rules judged which bytes: for audits of stored photos re-validated years later. */
export const provenanceSchema = z.object({
	library: z.literal('photo-requirements'),
	/** This package's version (package.json). */
	libraryVersion: z.string().min(1),
	profile: z.string().min(1),
	profileVersion: z.string().min(1),
	/** Lowercase hex SHA-256 of the file's bytes as read; absent when the file could not be read. */
	sha256: z
		.string()
		.regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256')
		.optional(),
});

/** The report contract (DESIGN.md): what `validatePhoto` returns, and what the CLI prints as JSON. */
export const photoReportSchema = z.object({
	verdict: verdictSchema,
	reasons: z.array(returnReasonSchema),
	/** What to do, in the order to do it (retake, then export again, then crop, then check the warnings); empty when nothing failed or warned. */
	advice: z.array(adviceSchema).default([]),
	/** Present when cropping this photo would fix its framing (see `suggestedCropSchema`). */
	suggestedCrop: suggestedCropSchema.optional(),
	checks: z.array(checkResultSchema),
	image: z
		.object({
			format: z.string(),
			width: z.number().int().nonnegative(),
			height: z.number().int().nonnegative(),
			bytes: z.number().int().nonnegative(),
		})
		.optional(),
	face: faceSummarySchema.optional(),
	/** The face engine that ran, when a check needed it. */
	engine: z.object({backend: z.string(), detector: z.string()}).optional(),
	profile: z.string(),
	provenance: provenanceSchema,
	/** The path as given, for a file named by its path (or `options.name`). */
	source: z.string().optional(),
	timings: z.record(z.string(), z.number()).optional(),
	/** Present only with `options.annotate`. */
	annotations: annotationsSchema.optional(),
});

export type Status = z.infer<typeof statusSchema>;
export type Verdict = z.infer<typeof verdictSchema>;
export type CheckResult = z.infer<typeof checkResultSchema>;
export type FaceSummary = z.infer<typeof faceSummarySchema>;
export type PhotoReport = z.infer<typeof photoReportSchema>;
export type Annotations = z.infer<typeof annotationsSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type FixAction = z.infer<typeof fixActionSchema>;
export type AdviceAction = z.infer<typeof adviceActionSchema>;
export type Advice = z.infer<typeof adviceSchema>;
export type SuggestedCrop = z.infer<typeof suggestedCropSchema>;
