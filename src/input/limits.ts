import {z} from 'zod';

/** Robustness limits on what is read and decoded (profile group `decode`): not IRCC's, the validator's own. */
export const decodeLimitsSchema = z
	.object({
		/** Files above this are sized but not read (bounded memory on hostile input). */
		maxInputBytes: z.number().int().positive(),
		/** Images declaring more pixels than this are not decoded (pixel bombs). */
		maxPixels: z.number().int().positive(),
	})
	.strict();

export type DecodeLimits = z.infer<typeof decodeLimitsSchema>;
