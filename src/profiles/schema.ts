import {z} from 'zod';
import {CHECK_IDS} from '../checks/ids.js';

const positiveInt = z.number().int().positive();

/**
 * Each threshold group as a plain object shape; the full profile adds cross-field rules, and the
 * overrides schema makes every field optional.
 */
const groups = {
	fileSize: z
		.object({
			/** Above this many bytes the file fails (the portal's 4 MB, read the larger way). */
			maxBytes: positiveInt,
			/** Above this many bytes, up to `maxBytes`, the file warns (4 MB read the smaller way). */
			warnAboveBytes: positiveInt,
		})
		.strict(),
	dimensions: z.object({minWidth: positiveInt, maxWidth: positiveInt, minHeight: positiveInt, maxHeight: positiveInt}).strict(),
	aspectRatio: z
		.object({
			width: z.number().positive(),
			height: z.number().positive(),
			/** Relative deviation of width/height from width:height that still passes. */
			tolerance: z.number().min(0).max(1),
		})
		.strict(),
	backgroundWhite: z
		.object({
			/** Median CIELAB L* of the background below which it is not white (fail), or only just (warn). */
			minLightness: z.number().min(0).max(100),
			warnLightness: z.number().min(0).max(100),
			/** CIELAB chroma of the background's mean colour above which it is tinted (fail, warn). */
			maxChroma: z.number().min(0),
			warnChroma: z.number().min(0),
			/** Mean Sobel gradient of the background's luma (per working-copy pixel) above which it is textured or busy. */
			maxTexture: z.number().min(0),
			warnTexture: z.number().min(0),
			/** Difference in L* between the background's left and right halves, or its top and the band beside the face. */
			maxShading: z.number().min(0),
			warnShading: z.number().min(0),
			/** How much darker (L*) the darkest tenth beside the head is than the background's median: a cast shadow. */
			maxShadow: z.number().min(0),
			warnShadow: z.number().min(0),
			/** Least colour difference (CIE76 ΔE) between the cheeks and the background: a clear difference between face and background. */
			minFaceContrast: z.number().min(0),
			/** Least share of the photo found to be background for the colour to be judged (warn below). */
			minShare: z.number().min(0).max(1),
		})
		.strict(),
	exposure: z
		.object({
			/** Median L* of the face's skin below which the photo is too dark whatever else is in it (fail), or may be (warn). */
			minFaceLightness: z.number().min(0).max(100),
			warnFaceLightness: z.number().min(0).max(100),
			/**
			 * Dark skin is not under-exposure: below `darkFaceLightness` the photo is too dark only when
			 * nothing in it is bright either (the 99th percentile of its luma, 0–255, below `minHighlight`).
			 */
			darkFaceLightness: z.number().min(0).max(100),
			minHighlight: z.number().min(0).max(255),
			/** Median L* of the face's skin above which it is washed out (fail, warn). */
			maxFaceLightness: z.number().min(0).max(100),
			warnMaxFaceLightness: z.number().min(0).max(100),
			/** Share of the skin at L* ≥ 97 (OFIQ's over-exposure, luma ≥ 247) above which the face is washed out (fail, warn). */
			maxClippedShare: z.number().min(0).max(1),
			warnClippedShare: z.number().min(0).max(1),
		})
		.strict(),
	glare: z
		.object({
			/** Area of the largest clipped white spot on the face, in squared eye distances (fail, warn). */
			maxSpotArea: z.number().min(0),
			warnSpotArea: z.number().min(0),
		})
		.strict(),
	lightingUniform: z
		.object({
			/** How much less light one half of the face gets than the other, in stops (log2 of the ratio of their median luminance; fail, warn). */
			maxHalfStops: z.number().min(0),
			warnHalfStops: z.number().min(0),
		})
		.strict(),
	sharpness: z
		.object({
			/** Crété-Roffet blur (0 sharp – 1 featureless) of the face at a normalised size (fail, warn). */
			maxBlur: z.number().min(0).max(1),
			warnBlur: z.number().min(0).max(1),
		})
		.strict(),
	naturalColour: z
		.object({
			/** Mean max(R,G,B) − min(R,G,B) over the photo below which it is black-and-white (warn). */
			minColourSpread: z.number().min(0),
			/** CIELAB a* and b* of the cheeks: beyond the fail range the skin tone is unnatural; beyond the natural range it warns. */
			failA: z.tuple([z.number(), z.number()]),
			failB: z.tuple([z.number(), z.number()]),
			naturalA: z.tuple([z.number(), z.number()]),
			naturalB: z.tuple([z.number(), z.number()]),
		})
		.strict(),
	faceCentred: z
		.object({
			/** Fail when the face's midline is further than this (a share of the width) from the middle. */
			maxOffset: z.number().min(0).max(0.5),
			warnOffset: z.number().min(0).max(0.5),
			/** Warn when the eye line is outside this band (shares of the height, from the top). */
			eyeLineMin: z.number().min(0).max(1),
			eyeLineMax: z.number().min(0).max(1),
		})
		.strict(),
	headSize: z
		.object({
			/** Chin-to-crown height as a share of the photo's height. */
			minRatio: z.number().min(0).max(1),
			maxRatio: z.number().min(0).max(1),
			/** Measurement uncertainty: warn within it of a limit, fail beyond it. */
			margin: z.number().min(0).max(0.2),
		})
		.strict(),
	headPose: z
		.object({
			maxRollDeg: z.number().min(0).max(90),
			warnRollDeg: z.number().min(0).max(90),
			maxYawDeg: z.number().min(0).max(90),
			warnYawDeg: z.number().min(0).max(90),
			/** Pitch is estimated with a spread too wide to fail on: it only warns. */
			warnPitchDeg: z.number().min(0).max(90),
		})
		.strict(),
	eyesOpen: z
		.object({
			/** Eye aspect ratio below which an eye is closed (fail) or half closed (warn). */
			minAspect: z.number().min(0).max(1),
			warnAspect: z.number().min(0).max(1),
		})
		.strict(),
	neutralExpression: z
		.object({
			maxSmileProbability: z.number().min(0).max(1),
			warnSmileProbability: z.number().min(0).max(1),
			/** Mouth width / eye distance. */
			maxMouthWidth: z.number().positive(),
			warnMouthWidth: z.number().positive(),
			/** Inner-lip gap / mouth width. */
			maxMouthOpen: z.number().min(0).max(1),
			warnMouthOpen: z.number().min(0).max(1),
			/** Share of the inner mouth that is teeth. */
			warnTeeth: z.number().min(0).max(1),
		})
		.strict(),
	faceVisible: z
		.object({
			/** An eye region's luminance spread / the cheeks' luminance, below which it is covered. */
			minEyeContrast: z.number().min(0),
			/** An eye region's mean luminance / the cheeks', below which it is covered (dark glasses, a bar). */
			minEyeBrightness: z.number().min(0),
			/** The face detector's confidence below which part of the face may be hidden (warn). */
			minFaceScore: z.number().min(0).max(1),
		})
		.strict(),
	recent: z
		.object({
			/** A photo older than this many calendar months fails. */
			maxAgeMonths: z.number().int().positive(),
			/** A capture date later than now by more than this warns (clock skew below it is ignored). */
			futureToleranceMinutes: z.number().min(0),
		})
		.strict(),
	unaltered: z
		.object({
			/** What an editor named in the file means: studios that tether through Lightroom may choose 'warn'. */
			namedEditor: z.enum(['fail', 'warn']),
			/** What weak evidence alone means (no camera data, a library, an edit history without a named editor). */
			weakEvidence: z.enum(['warn', 'pass']),
			/** Cut-out signature: least share of the backdrop that is pure white (all channels ≥ 254). */
			cutoutWhiteShare: z.number().min(0).max(1),
			/** Share of silhouette points that step to that white in one pixel: weak evidence from the first, strong from the second. */
			cutoutHardWeak: z.number().min(0).max(1),
			cutoutHardStrong: z.number().min(0).max(1),
			/** ELA: the face's and the silhouette edge's error per unit of texture differ by this factor or more (weak evidence). */
			elaInconsistency: z.number().min(1),
			/** Double compression: 8 × 8 blockiness (grid steps over inside steps) at or above this… */
			doubleCompressionBlockiness: z.number().min(1),
			/** …in a file whose tables are at least this quality (weak evidence). */
			doubleCompressionMinQuality: z.number().int().min(1).max(100),
		})
		.strict(),
	decode: z
		.object({
			/** Files above this are sized but not read (bounded memory on hostile input). */
			maxInputBytes: positiveInt,
			/** Images declaring more pixels than this are not decoded (pixel bombs). */
			maxPixels: positiveInt,
		})
		.strict(),
};

export const profileSchema = z
	.object({
		id: z.string().regex(/^[a-z\d]+(?:-[a-z\d]+)*$/, 'a kebab-case profile id'),
		title: z.string().min(1),
		/** The checks this profile runs, in report order. */
		checks: z.array(z.enum(CHECK_IDS)).min(1),
		...groups,
	})
	.strict()
	.superRefine((profile, context) => {
		if (profile.fileSize.warnAboveBytes > profile.fileSize.maxBytes) {
			context.addIssue({code: 'custom', path: ['fileSize', 'warnAboveBytes'], message: 'must not exceed fileSize.maxBytes'});
		}
		const {minWidth, maxWidth, minHeight, maxHeight} = profile.dimensions;
		if (minWidth > maxWidth) context.addIssue({code: 'custom', path: ['dimensions', 'minWidth'], message: 'must not exceed dimensions.maxWidth'});
		if (minHeight > maxHeight) context.addIssue({code: 'custom', path: ['dimensions', 'minHeight'], message: 'must not exceed dimensions.maxHeight'});
	});

export type Profile = z.infer<typeof profileSchema>;

/** What `options.overrides` may change: any threshold, group by group; not the id or the check list. */
export const profileOverridesSchema = z
	.object({
		fileSize: groups.fileSize.partial(),
		dimensions: groups.dimensions.partial(),
		aspectRatio: groups.aspectRatio.partial(),
		backgroundWhite: groups.backgroundWhite.partial(),
		exposure: groups.exposure.partial(),
		glare: groups.glare.partial(),
		lightingUniform: groups.lightingUniform.partial(),
		sharpness: groups.sharpness.partial(),
		naturalColour: groups.naturalColour.partial(),
		faceCentred: groups.faceCentred.partial(),
		headSize: groups.headSize.partial(),
		headPose: groups.headPose.partial(),
		eyesOpen: groups.eyesOpen.partial(),
		neutralExpression: groups.neutralExpression.partial(),
		faceVisible: groups.faceVisible.partial(),
		recent: groups.recent.partial(),
		unaltered: groups.unaltered.partial(),
		decode: groups.decode.partial(),
	})
	.partial()
	.strict();

export type ProfileOverrides = z.infer<typeof profileOverridesSchema>;
