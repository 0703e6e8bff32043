import {caPrCard} from './ca-pr-card.js';
import type {Profile} from './schema.js';
import {calibratedGroups, FACE_AND_IMAGE, WITHOUT_FILE_LIMITS} from './shared.js';

const {groups, sources} = calibratedGroups(...FACE_AND_IMAGE, 'unaltered', 'backgroundWhite');
const CHECKED = '2026-12-02';
const DIGITAL = 'talentsolutioncanada.com, "Photo requirements", citizenship certificate (a third party quoting IRCC; not verified on canada.ca)';
const SHEET = 'IRCC, "Citizenship Application PHOTOGRAPH Specifications" (a copy on Scribd)';

/**
 * Canada, citizenship (grant and proof of citizenship): photos by a commercial photographer, 50 ×
 * 70 mm, the head 31–36 mm, within 6 months, in colour, not changed in any way, so no crop is ever
 * suggested. No pixel or file-size rule was found for it: those checks are not in this profile.
 * IRCC's own page was not in this project's stored pages on 2026-12-02; each threshold says where
 * it was read.
 */
export const caCitizenship = {
	id: 'ca-citizenship',
	title: 'Canada citizenship (grant and proof of citizenship photos)',
	version: '1.0.0',
	references: [
		{
			title: 'Photo requirements: citizenship certificate (Talent Solution Canada)',
			url: 'https://talentsolutioncanada.com/photo-req/',
			checked: CHECKED,
			note: 'A third party: "Final frame size of the photo must be 50mm x 70mm.", "Scanned photos are not accepted.", "Photo must be taken within the last 6 months.", "Don\'t change the digital photos in any way." IRCC\'s page was not in the stored pages.',
		},
		{
			title: 'Citizenship Application PHOTOGRAPH Specifications (IRCC, a copy)',
			url: 'https://scribd.com/document/699899253/3139-photospecs-e',
			checked: CHECKED,
			note: 'IRCC\'s sheet: face "Min. … 31 mm", "Max. … 36 mm", neutral expression, mouth closed; this copy still shows the older 35 × 45 mm frame, which immigrationdirect.ca (2017) reports replaced by 50 × 70 mm.',
		},
	],
	// IRCC's sheet: "you will have to provide new photographs before your application can be processed".
	reasons: {
		TOO_DARK: 'The photo is under-lit, over-lit or washed out.',
		BACKGROUND_NOT_WHITE: 'The background is not plain white.',
		FEATURES_NOT_VISIBLE: 'The face is covered or the eyes are not clearly visible.',
		GLARE: 'There is glare or a reflection on the photo or the glasses.',
		DIMENSIONS_OUT_OF_RANGE: 'The photo is not the size asked for.',
		FILE_TOO_LARGE: 'The file is too large.',
		OTHER_REQUIREMENT: 'The photos do not meet the citizenship photo specifications: new photos are needed.',
	},
	// "Don't change the digital photos in any way": not even a crop.
	suggestCrop: false,
	checks: WITHOUT_FILE_LIMITS,
	sources: {
		...sources,
		fileFormat: {
			source: 'No format was found for this document: the formats this library reads (JPEG, PNG), so that a file that is not a photo is still reported',
			checked: CHECKED,
		},
		aspectRatio: {source: `${DIGITAL}: "Final frame size of the photo must be 50mm x 70mm." (5:7); the 1 % tolerance as for the PR card`, checked: CHECKED},
		headSize: {source: `${SHEET}: face 31–36 mm chin to crown, on the 70 mm frame; the margin as for the PR card`, checked: CHECKED},
		naturalColour: {source: `${DIGITAL}: colour photos only; the limits as for the PR card`, checked: CHECKED},
		originalPhoto: {source: `${DIGITAL}: "Scanned photos are not accepted."; the pattern limits as for the PR card`, checked: CHECKED},
		recent: {source: `${DIGITAL}: "Photo must be taken within the last 6 months."`, checked: CHECKED},
		unaltered: {source: `${DIGITAL}: "Don't change the digital photos in any way."; the limits as for the PR card`, checked: CHECKED},
	},
	...groups,
	fileFormat: {formats: 'jpeg png'},
	aspectRatio: caPrCard.aspectRatio,
	headSize: caPrCard.headSize,
	originalPhoto: caPrCard.originalPhoto,
	recent: {...caPrCard.recent, maxAgeMonths: 6},
} as const satisfies Profile;
