/**
 * The reasons the PR Portal gives when it returns a photo, in the portal's own order and words.
 * The order matters: `PhotoReport.reasons` lists failed reasons in this order.
 */
export const RETURN_REASONS = {
	TOO_DARK: "It's too dark.",
	BACKGROUND_NOT_WHITE: 'The background is not white.',
	FEATURES_NOT_VISIBLE: 'Your facial features are not visible.',
	GLARE: 'There is a glare on the photo.',
	DIMENSIONS_OUT_OF_RANGE: 'The measurements are not between 715 × 1000 and 2000 × 2800 pixels.',
	FILE_TOO_LARGE: 'The file size is above 4 MB.',
	OTHER_REQUIREMENT: 'It does not meet the photo requirements.',
} as const;

export type ReturnReason = keyof typeof RETURN_REASONS;

export const RETURN_REASON_CODES = Object.keys(RETURN_REASONS) as [ReturnReason, ...ReturnReason[]];
