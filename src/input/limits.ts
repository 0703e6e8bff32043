import {z} from 'zod';

/** Robustness limits on what is read and decoded (profile group `decode`): not IRCC's, the validator's own. */
export const decodeLimitsSchema = z
	.object({
		/** Files above this are sized but not read (bounded memory on hostile input). */
		maxInputBytes: z.number().int().positive(),
		/** Images declaring more pixels than this are not decoded (pixel bombs). */
		maxPixels: z.number().int().positive(),
		/** JPEGs stored in more scans than this are not decoded (scan bombs: each scan is a pass over every block). */
		maxScans: z.number().int().positive(),
		/** A decode still running after this many seconds is cancelled (libvips' own timeout). */
		decodeTimeoutSeconds: z.number().int().positive(),
	})
	.strict();

export type DecodeLimits = z.infer<typeof decodeLimitsSchema>;
