import type {Profile} from './schema.js';

/**
 * Canada, Permanent Resident card: the photo uploaded in the PR Portal.
 * Every threshold names its source; docs/checks.md explains each.
 */
export const caPrCard = {
	id: 'ca-pr-card',
	title: 'Canada Permanent Resident card (PR Portal upload)',
	checks: ['file-format', 'file-size', 'dimensions', 'aspect-ratio', 'unaltered', 'recent'],
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
