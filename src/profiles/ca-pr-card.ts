import {CHECK_IDS} from '../checks/registry.js';
import {RETURN_REASONS} from '../reasons.js';
import type {Profile} from './schema.js';

/**
 * Canada, Permanent Resident card: the photo uploaded in the PR Portal.
 * Every threshold names its source; docs/checks.md explains each.
 */
export const caPrCard = {
	id: 'ca-pr-card',
	title: 'Canada Permanent Resident card (PR Portal upload)',
	// Bump on any change of a threshold or of what a check measures: reports carry it (provenance).
	version: '2.0.0',
	references: [
		{
			title: 'Permanent resident photos (IRCC, canada.ca)',
			url: 'https://www.canada.ca/en/immigration-refugees-citizenship/services/new-immigrants/pr-card/apply-renew-replace/photo.html',
			checked: '2026-12-02',
			note: "The figures are DESIGN.md's reading of this page and of the PR Portal's upload rules; the page's text is not in this project's stored pages, so the pixel limits, 4 MB and 12 months could not be re-read there on 2026-12-02 (the one stored excerpt: \"Photos must be original and not altered in any way or taken from an existing photograph\").",
		},
	],
	// The PR Portal's own words when it returns a photo.
	reasons: {...RETURN_REASONS},
	// The portal offers its own crop tool: a crop that fixes the framing is a suggestion for it.
	suggestCrop: true,
	// Where each group's thresholds come from, and when they were last compared with IRCC's text.
	sources: {
		fileFormat: {
			source: "IRCC, PR card photo specifications (digital photo for the PR Portal): the portal's upload takes JPEG and PNG files (DESIGN.md)",
			checked: '2026-12-02',
		},
		fileSize: {
			source:
				'IRCC, PR card photo specifications (digital photo for the PR Portal): "no larger than 4 MB", read both ways (above 4 × 1024² bytes fails, above 4,000,000 warns)',
			checked: '2026-12-01',
		},
		dimensions: {
			source: 'IRCC, PR card photo specifications (digital photo for the PR Portal): "between 715 × 1000 and 2000 × 2800 pixels"',
			checked: '2026-12-01',
		},
		aspectRatio: {
			source:
				'IRCC, PR card photo specifications (digital photo for the PR Portal): the printed photo is 50 mm × 70 mm and both pixel limits are 5:7; the 1 % tolerance is half a millimetre of the print',
			checked: '2026-12-01',
		},
		backgroundWhite: {
			source:
				'IRCC, PR card photo specifications (digital photo for the PR Portal): "plain white background with a clear difference between your face and the background"; lightness, chroma, texture, shading and shadow limits calibrated by npm run eval on the shared photos and the variants',
			checked: '2026-12-01',
		},
		exposure: {
			source:
				'IRCC, PR card photo specifications (digital photo for the PR Portal): uniform lighting, not too dark; limits calibrated by npm run eval (darker and over-exposed variants against the bases and the shared photos)',
			checked: '2026-12-01',
		},
		glare: {
			source:
				'IRCC, PR card photo specifications (digital photo for the PR Portal): "not show shadows, glare or flash reflections"; spot-area limits calibrated by npm run eval (glare variants against the bases and the shared photos)',
			checked: '2026-12-01',
		},
		lightingUniform: {
			source:
				'IRCC, PR card photo specifications (digital photo for the PR Portal): "uniform lighting and not show shadows"; limits calibrated by npm run eval (face-shadow variants against studio and home photos)',
			checked: '2026-12-01',
		},
		sharpness: {
			source:
				'IRCC, PR card photo specifications (digital photo for the PR Portal): "clear, sharp and in focus"; blur limits calibrated by npm run eval (blurred variants against the bases and the shared photos)',
			checked: '2026-12-01',
		},
		faceVisible: {
			source:
				'IRCC, PR card photo specifications (digital photo for the PR Portal): "eyes open and clearly visible"; provisional limits from the shared photos and the eyes-covered variants (npm run eval)',
			checked: '2026-12-01',
		},
		eyesOpen: {
			source:
				"Soukupová & Čech (2016): the eye aspect ratio; the lowest of the 124 shared photos (eyes open) on the face mesh's lids is 0.186 (london-neutral/033_03), so a closed eye is taken from 3/4 of that",
			checked: '2026-12-01',
		},
		neutralExpression: {
			source:
				'IRCC, PR card photo specifications (digital photo for the PR Portal): "neutral facial expression (eyes open and clearly visible, mouth closed, no smiling)"; calibrated by scripts/expression-calibration.ts on the shared photos, cross-validated by person',
			checked: '2026-12-01',
		},
		faceCount: {
			source: "IRCC: the applicant alone in the photo; the full-frame detector's score calibrated by npm run eval on the shared photos and the group variants",
			checked: '2026-12-01',
		},
		faceCentred: {
			source: "ISO/IEC 19794-5 and ICAO 9303: the face's midline within ±5 % of the width, the eye line 30–50 % of the height from the top",
			checked: '2026-12-01',
		},
		headSize: {
			source:
				"IRCC, PR card photo specifications (digital photo for the PR Portal): 31–36 mm from chin to crown on the 70 mm photo; the margin is the face engine's head-height error on the shared photos (npm run eval)",
			checked: '2026-12-01',
		},
		headPose: {
			source: "ISO/IEC 29794-5 practice (OFIQ, ICAO): ±8° roll, ±5° yaw, widened to the landmark estimate's spread on the shared frontal photos",
			checked: '2026-12-01',
		},
		glasses: {
			source:
				'IRCC, PR card photo specifications (digital photo for the PR Portal): "eyes open and clearly visible", "without glare", glasses allowed without tinted lenses; limits calibrated by npm run eval (the clear, tinted and lens-glare glasses variants against the shared photos)',
			checked: '2026-12-01',
		},
		naturalColour: {
			source: "OFIQ's natural cheek colour (CIELAB a* 5–25, b* 5–35) to warn; far outside it (the swapped-channel variants) to fail",
			checked: '2026-12-01',
		},
		recent: {source: 'IRCC, PR card photo specifications (digital photo for the PR Portal): "taken within the last 12 months"', checked: '2026-12-01'},
		unaltered: {
			source:
				'IRCC, PR card photo specifications (digital photo for the PR Portal): "not altered in any way"; cut-out, ELA and double-compression limits calibrated by npm run eval on the shared photos, the whitened bases and the cut-out variants',
			checked: '2026-12-01',
		},
		originalPhoto: {
			source:
				'IRCC, PR card photo specifications: "an original photo that is not … taken from an existing photo"; IRCC Operational Bulletin 540-B (8 April 2016) lists "taken from an existing photo" among the most common errors of returned PR photos; pattern limits calibrated by npm run eval (the photographed-print and photographed-screen variants against the shared photos and every other variant)',
			checked: '2026-12-01',
		},
		decode: {
			source: "Robustness limits of this validator, not IRCC's: 8 × the portal's 4 MB read, 50 megapixels, 100 scans and 5 s of decoding",
			checked: '2026-12-01',
		},
	},
	// Every check of the catalogue, in its order.
	checks: [...CHECK_IDS],
	// The PR Portal takes JPEG and PNG files.
	fileFormat: {formats: 'jpeg png'},
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
	backgroundWhite: {
		// IRCC: "plain white background". The shared studio backdrops (light grey, RGB 180–200 by their
		// README) measure L* 75.7–89.2, Ontario's pink ≤ 84.6; a white backdrop is 95–100. 91 ≈ sRGB 229 grey.
		minLightness: 91,
		warnLightness: 94,
		// Neutral backdrops: London ≤ 1.8, whitened bases ≤ 0.3; Ontario (pink/mauve) 6.2–12.5, pale blue 14.1.
		maxChroma: 5,
		warnChroma: 3,
		// Mean Sobel gradient (OFIQ's background uniformity) of real plain backdrops: London ≤ 0.80,
		// composites ≤ 1.07; a room (the lisa set) 1.3–1.6.
		maxTexture: 1.2,
		warnTexture: 0.9,
		// London backdrops fall off 2–12 L* from the face's level to the top; a white, evenly lit one 0.
		maxShading: 10,
		warnShading: 6,
		// Darkest tenth beside the head below the median: London ≤ 6.3, composites ≤ 10.6, bases 0;
		// shadowed-background variants 30–84.
		maxShadow: 15,
		warnShadow: 10,
		// IRCC: "a clear difference between the face and the background". Lowest on a real photo 13.7 ΔE.
		minFaceContrast: 8,
		// A plain backdrop covers 8.3 % of the photo at least (Ontario's large heads on pink), the
		// variants 14.8 %; the busy backdrops of photos from elsewhere (flags, curtains, lettering) 0.1
		// and 2.5 %: below 5 % no backdrop was found, and a backdrop that cannot be found is not plain.
		minShare: 0.05,
		// The band around the head that is backdrop, on its least covered side: plain backdrops read
		// 0.13 at least (an off-centre variant, its hair filling the band; whitened bases ≥ 0.34). A
		// room with a window beside one head (issue 13) leaves a side near 0.
		minSurround: 0.1,
	},
	exposure: {
		// Darker variants (−2.5 stops): face L* 6.5–31 with the brightest 1 % at luma 117; correctly
		// exposed faces (bases, shared photos): L* ≥ 23.6 (dark skin) beside highlights ≥ 154.
		minFaceLightness: 15,
		warnFaceLightness: 20,
		darkFaceLightness: 35,
		minHighlight: 150,
		// Bases and shared photos: face L* ≤ 68.8 and ≤ 0.4 % clipped (OFIQ's luma ≥ 247); glare
		// variants clip 1.8–2.9 %; over-exposed variants: median L* 78–100 (73/75 fail, 2 warn).
		// Washed out means detail lost, not light skin (issue 13: studio portraits on white read L* 80–81
		// with 0 % clipped, a reviewer sees detail): from L* 80 the face fails only with 1 % or more of it
		// clipped (the bases and shared photos clip ≤ 0.4 %), and from L* 83 whatever is clipped (the
		// over-exposed variants that clip under 0.5 % read L* 84–87).
		maxFaceLightness: 80,
		brightClippedShare: 0.01,
		maxDetailedFaceLightness: 83,
		warnMaxFaceLightness: 75,
		maxClippedShare: 0.1,
		warnClippedShare: 0.05,
	},
	glare: {
		// Largest clipped white spot, in squared eye distances: glare variants 0.027–0.058; bases and
		// shared photos 0 (npm run eval).
		maxSpotArea: 0.02,
		warnSpotArea: 0.012,
	},
	lightingUniform: {
		// One half of the face 60 % darker (face-shadow variants): 1.7–3.5 stops; studio photos and
		// bases ≤ 0.9 (side-lit Ontario), the home lisa set ≤ 1.1.
		maxHalfStops: 1.5,
		warnHalfStops: 1,
	},
	sharpness: {
		// Crété-Roffet blur at a 160 px face: blurred variants (σ 3.5 at 1000 × 1400) 0.57–0.68;
		// bases ≤ 0.48, shared photos ≤ 0.46, face-shadow variants ≤ 0.53.
		maxBlur: 0.54,
		warnBlur: 0.5,
	},
	glasses: {
		// Clipped white in a lens's ellipse (0.84 × 0.52 eye distances about the iris, eye included):
		// the shared photos' catchlights reach 0.00064 of the eye distance squared, clear glasses 0.00069;
		// a flash's reflection on a lens 0.0157–0.0182 (the lens-glare variants).
		maxLensGlare: 0.005,
		warnLensGlare: 0.002,
		// The eye's luminance spread over the cheeks' mean: 0.145 at the lowest on the shared photos,
		// 0.16 behind clear glasses; behind 55 % brown lenses 0.07–0.15 (median 0.11).
		minEyeContrast: 0.14,
		// The skin under a lens against the cheeks: at most 1.75 stops darker on the shared photos (eye
		// sockets and brows' shade), 1.19 behind clear glasses; behind tinted lenses 0.92–2.17 (median 1.91).
		maxLensStops: 1.85,
	},
	naturalColour: {
		// Greyscale variants 0; the dimmest colour photo (a darker variant) 3.6.
		minColourSpread: 2,
		// OFIQ's natural cheek range is a* 5–25, b* 5–35 (warn outside); shared photos a* 6.4–34,
		// b* 3.8–21; swapped red and blue give b* −17 to −38 (fail far outside).
		failA: [-5, 45],
		failB: [-5, 50],
		naturalA: [5, 25],
		naturalB: [5, 35],
	},
	faceCount: {
		// BlazeFace's second candidates: none at all above its 0.3 floor on the 124 shared photos and the
		// single-person variants; 0.90–0.95 for the faces of the three-, four- and eight-people variants
		// (npm run eval). 0.5 sits far from both.
		minScore: 0.5,
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
		// IRCC: the printed photo is 70 mm high.
		photoHeightMm: 70,
	},
	headPose: {
		// ISO practice (OFIQ, ICAO) allows ±8° of roll; roll is measured from the eye line, the most
		// precise angle (shared frontal photos: −4.1°…+4.9°, the line through the iris centres).
		maxRollDeg: 8,
		warnRollDeg: 5,
		// ISO practice is ±5° of yaw. The face mesh's depth reads −8.2°…+6.8° on the 124 shared photos
		// (frontal studio sets: standard deviation 2.0°): warn beyond 7°, fail beyond 10°, just past
		// that spread.
		maxYawDeg: 10,
		warnYawDeg: 7,
		// The pitch estimate spreads −15°…+9° on the same photos (face proportions differ between
		// people): it can only warn, and only well beyond that.
		warnPitchDeg: 20,
	},
	eyesOpen: {
		// The eye aspect ratio of Soukupová & Čech (2016) on the face mesh's lids (points 33, 160, 158,
		// 133, 153, 144 and their mirror): the 124 shared photos, all with open eyes, read 0.186–0.325
		// (5th percentile 0.215). No closed-eye photo is in the data: a closed eye is taken from 3/4 of
		// the lowest open one, a half-closed one from 0.17, below all but that lowest.
		minAspect: 0.14,
		warnAspect: 0.17,
	},
	neutralExpression: {
		// scripts/expression-calibration.ts on the shared photos (45 London smiling, 79 neutral) and 1,800
		// neutral variants: P(happy) from face-api's expression net (on a crop framed on the landmarks)
		// above 0.07, or the mesh's smile measure (mouth corners raised and drawn back) above 0.65, or a
		// mouth wider than the eye distance catches 91.1 % of the smiles and fails none of the neutral
		// photos and 0.6 % of the variants; 10 × 5-fold cross-validation by person: 87.6 % / 2.2 % / 3.3 %.
		// The four smiles missed have closed lips and P(happy) ≤ 0.007. (0.05 and 0.6 caught the same
		// smiles and failed 25 variants, 17 of them one person's: eval/fairness.ts.)
		maxSmileProbability: 0.07,
		maxSmile: 0.65,
		maxMouthWidth: 1,
		// "Mouth closed": the closed mouths of the data (the 79 neutral photos and their 1,800 variants)
		// open their lips at most 13.7 % and 15.0 % of the mouth's width (inner lips, mesh 13/14; both
		// one person, london 025): fail above 16 %. 12 of the 45 smiling photos are above it.
		maxMouthOpen: 0.16,
		// Warnings: where the two groups overlap.
		warnSmileProbability: 0.01,
		warnSmile: 0.4,
		warnMouthWidth: 0.95,
		warnMouthOpen: 0.13,
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
		// Cut-out signature (eval harness, 124 shared photos, 75 whitened bases, 75 `cut-out` variants): the
		// backdrop's pure-white share is ≤ 0.008 on every real photo and ≥ 0.946 on every whitened one.
		cutoutWhiteShare: 0.9,
		// Share of silhouette points leaving that white by a one-pixel step (≥ 40 % of the drop): bases
		// (feathered mask) median 0.005, p90 0.071, max 0.249 (where the framing runs past the source
		// photo's own border); cut-outs min 0.125, median 0.605; real edges on grey backdrops ≤ 0.277.
		// Weak just under the lowest cut-out; strong (fail) above every base and every real edge.
		cutoutHardWeak: 0.12,
		cutoutHardStrong: 0.4,
		// ELA face/edge disagreement: real photos up to 5.22 (London), bases ≤ 1.82, cut-outs ≤ 1.50,
		// composites ≤ 1.35. It separates nothing here, so it counts only beyond every photo measured.
		elaInconsistency: 6,
		// 8 × 8 blockiness: one save at q95 gives ≤ 1.14, q98 ≤ 1.04, q100 ≤ 1.0 (composites re-saved);
		// q75 then q95–100 gives 1.48–1.62. The London and Ontario files (gd-jpeg q100) measure 1.14–2.0.
		doubleCompressionBlockiness: 1.25,
		doubleCompressionMinQuality: 95,
	},
	originalPhoto: {
		// A scan of a print is a photo taken from an existing photo (IRCC); a document that accepts
		// scans of a photographer's print can set 'warn' or 'pass'.
		scanner: 'fail',
		// The face's strongest spectral peak over the spectrum around it (npm run eval, 3,199 items): the
		// 124 shared photos 2–10.7 (median 3), the bases and the 24 other kinds of variant 2–11.1 (a face
		// read on fewer than 4 tiles, as in the eight-people photos, is not measured: one tile's noise
		// reached 28); photographed prints 420–4,730 (median 1,782), photographed screens 94–2,936
		// (median 769). Failing from 50 leaves the weakest screen 1.9× above the limit; warning from
		// 30 stays 2.7× above every photo that is not a reproduction.
		maxScreenPeak: 50,
		warnScreenPeak: 30,
	},
	decode: {
		// Robustness limits, not IRCC's: 8× the portal's 4 MB so an over-size photo still gets a
		// full report, and 50 megapixels (a 2000 × 2800 photo is 5.6; the largest phone sensors
		// give 50 at full resolution) so a pixel bomb is refused before it is decoded.
		maxInputBytes: 32 * 1024 * 1024,
		maxPixels: 50_000_000,
		// libjpeg(-turbo)'s progressive mode writes 10 scans for a colour photo, mozjpeg 8 (measured on
		// 2000 × 2800 photos, test/support/hostile.ts); a baseline JPEG has 1. 100 is ten times that and
		// costs at most ~0.1 s more; libjpeg-turbo's LJT-01-003 note shows each extra scan is a pass over
		// every block, so 250,000 of them take minutes. (DALI's decoder caps at 500 by default.)
		maxScans: 100,
		// A 2000 × 2800 photo decodes in about 25 ms; a decode still running after 5 s is stopped.
		decodeTimeoutSeconds: 5,
	},
} as const satisfies Profile;
