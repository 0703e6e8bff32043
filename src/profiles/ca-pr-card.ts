import type {Profile} from './schema.js';

/**
 * Canada, Permanent Resident card: the photo uploaded in the PR Portal.
 * Every threshold names its source; docs/checks.md explains each.
 */
export const caPrCard = {
	id: 'ca-pr-card',
	title: 'Canada Permanent Resident card (PR Portal upload)',
	checks: [
		'file-format',
		'file-size',
		'dimensions',
		'aspect-ratio',
		'face-count',
		'face-visible',
		'eyes-open',
		'neutral-expression',
		'face-centred',
		'head-size',
		'head-pose',
		'unaltered',
		'recent',
	],
	fileSize: {
		// IRCC: "no larger than 4 MB". 4 MB read as 4 × 1024² bytes: above it the file is over 4 MB
		// whichever way the portal counts, so it fails.
		maxBytes: 4 * 1024 * 1024,
		// 4 MB read as 4 × 10⁶ bytes (SI): between the two readings the portal may or may not
		// refuse the file, so it warns.
		warnAboveBytes: 4_000_000,
	},
	// IRCC: "between 715 × 1000 and 2000 × 2800 pixels", as the photo is displayed.
	dimensions: {minWidth: 715, maxWidth: 2000, minHeight: 1000, maxHeight: 2800},
	aspectRatio: {
		// IRCC's printed size is 50 mm × 70 mm, and both pixel limits are 5:7.
		width: 5,
		height: 7,
		// 1 %: half a millimetre on the 50 mm side of the print; covers 715 × 1000 (0.1 % off) and
		// any whole-pixel rounding of 5:7 at sizes in range (at most 0.1 %).
		tolerance: 0.01,
	},
	faceCentred: {
		// ISO/IEC 19794-5 and ICAO 9303 frontal-image guidance: the face's vertical midline within
		// ±5 % of the width from the image centre.
		maxOffset: 0.05,
		// The London studio photos, centred by their photographer, are at most 3.0 % off.
		warnOffset: 0.035,
		// ICAO 9303: the eye line 50–70 % of the height above the bottom edge (30–50 % from the top).
		eyeLineMin: 0.3,
		eyeLineMax: 0.5,
	},
	headSize: {
		// IRCC: chin to crown 31–36 mm of the 70 mm photo.
		minRatio: 31 / 70,
		maxRatio: 36 / 70,
		// The face engine's head-height error on the shared photos: mean 0.014, worst 0.044 of the
		// height (npm run eval). Warn within 2 % of a limit, fail beyond.
		margin: 0.02,
	},
	headPose: {
		// ISO practice (OFIQ, ICAO) allows ±8° of roll; roll is measured from the eye line, the most
		// precise angle (shared frontal photos: −4.2°…+4.6°).
		maxRollDeg: 8,
		warnRollDeg: 5,
		// ISO practice is ±5° of yaw, but the landmark estimate reads −11°…+9° on the shared frontal
		// studio photos: fail only beyond that spread.
		maxYawDeg: 12,
		warnYawDeg: 8,
		// The pitch estimate spreads ±15° on the same frontal photos (face proportions differ between
		// people): it can only warn, and only well beyond that.
		warnPitchDeg: 20,
	},
	eyesOpen: {
		// Soukupová & Čech (2016) take an eye aspect ratio below 0.2 as a blink; the lowest of the 124
		// shared photos, all with open eyes, is 0.245.
		minAspect: 0.18,
		warnAspect: 0.21,
	},
	neutralExpression: {
		// Calibrated on the shared London photos (45 smiling, 79 neutral across sets): a smile
		// probability above 0.2 or a mouth wider than 0.86 × the eye distance catches 87 % of the
		// smiling photos and 0 % of the neutral ones (5-fold cross-validation by person: 87 % / 2.5 %).
		maxSmileProbability: 0.2,
		maxMouthWidth: 0.86,
		// No neutral photo opens its lips beyond 16 % of the mouth's width; a spoken or open mouth is
		// well above 25 %.
		maxMouthOpen: 0.25,
		// Warnings: where the two groups overlap.
		warnSmileProbability: 0.05,
		warnMouthWidth: 0.84,
		warnMouthOpen: 0.12,
		warnTeeth: 0.5,
	},
	faceVisible: {
		// Provisional, from the shared photos (lowest contrast 0.14, lowest brightness 0.33, all
		// visible); calibrated on the eyes-covered variants in npm run eval.
		minEyeContrast: 0.08,
		minEyeBrightness: 0.2,
		minFaceScore: 0.5,
	},
	recent: {
		// IRCC: "taken within the last 12 months".
		maxAgeMonths: 12,
		// A camera clock a few minutes fast is not a photo from the future.
		futureToleranceMinutes: 60,
	},
	unaltered: {
		// IRCC: "not altered in any way"; a file that names an editor went through one. Studios that
		// tether through Lightroom or Capture One can override this to 'warn'.
		namedEditor: 'fail',
		// No camera data or a generic library is consistent with an honest pipeline: a person looks.
		weakEvidence: 'warn',
	},
	decode: {
		// Robustness limits, not IRCC's: 8× the portal's 4 MB so an over-size photo still gets a
		// full report, and 50 megapixels (a 2000 × 2800 photo is 5.6; the largest phone sensors
		// give 50 at full resolution) so a pixel bomb is refused before it is decoded.
		maxInputBytes: 32 * 1024 * 1024,
		maxPixels: 50_000_000,
	},
} as const satisfies Profile;
