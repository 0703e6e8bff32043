/** The check catalogue of DESIGN.md, in report order. Ids are the contract: add, never rename. */
export const CHECK_IDS = [
	'file-format',
	'file-size',
	'dimensions',
	'aspect-ratio',
	'background-white',
	'exposure',
	'glare',
	'lighting-uniform',
	'sharpness',
	'face-count',
	'face-visible',
	'eyes-open',
	'neutral-expression',
	'face-centred',
	'head-size',
	'head-pose',
	'natural-colour',
	'unaltered',
	'recent',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];
