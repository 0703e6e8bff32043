import {z} from 'zod';
import {RETURN_REASON_CODES} from '../reasons.js';

export const statusSchema = z.enum(['pass', 'warn', 'fail', 'skip']);
export const verdictSchema = z.enum(['accept', 'review', 'return']);
export const returnReasonSchema = z.enum(RETURN_REASON_CODES);

const point = z.tuple([z.number(), z.number()]);

export const checkResultSchema = z.object({
	id: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, 'a kebab-case check id'),
	status: statusSchema,
	reason: returnReasonSchema,
	requirement: z.string().min(1),
	message: z.string().min(1),
	measured: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
	limits: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
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

/** Pictures for an annotated report (`options.annotate`): coordinates elsewhere stay in image pixels. */
export const annotationsSchema = z.object({
	/** The photo as decoded (EXIF rotation applied), longest side at most 480 px. */
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
