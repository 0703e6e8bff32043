import {caPrCard} from './ca-pr-card.js';
import type {Profile} from './schema.js';
import {calibratedGroups, FACE_AND_IMAGE, LIGHT_BACKGROUND, WITHOUT_FILE_LIMITS} from './shared.js';

const {groups, sources} = calibratedGroups(...FACE_AND_IMAGE, 'unaltered');
const CHECKED = '2026-12-02';
const DIGITAL = 'IRCC, "Digital passport photos" (canada.ca)';
const PAPER = 'IRCC, "Passport photos" (cic.gc.ca, an archived copy)';

/**
 * Canada, passport, including online renewal (which needs the photographer's digital file): 50 ×
 * 70 mm, the head 31–36 mm, within 6 months, a white or light-coloured background, no glare on
 * glasses, no tinted lenses, not scanned, not altered in any way (so no crop is suggested). The
 * digital photo's pixel and file-size rules were not in the stored page: those checks are not in
 * this profile.
 */
export const caPassport = {
	id: 'ca-passport',
	title: 'Canada passport (including online renewal with a digital photo)',
	version: '1.0.0',
	references: [
		{
			title: 'Digital passport photos (IRCC, canada.ca)',
			url: 'https://www.canada.ca/en/immigration-refugees-citizenship/services/canadian-passports/digital-photos.html',
			checked: CHECKED,
			note: 'The official page, first part only in the stored pages: "be taken in person by a commercial photographer", "be no more than 6 months before the date you submit your application", "NOT be a scanned copy of a printed passport photo", "a plain white or light-coloured background with a clear difference between your face and the background", "no shadows, glare or flash reflections", "glasses, if your eyes are clearly visible and there is no glare on the lenses", "sunglasses or tinted eye glasses (even when the eyes are clearly visible)" not accepted. Its "Digital photo specifications (format, size and more)" section was not stored.',
		},
		{
			title: 'Passport photos (IRCC, cic.gc.ca/english/passport/apply/photos.asp, an archived copy)',
			url: 'http://www.cic.gc.ca/english/passport/apply/photos.asp',
			checked: CHECKED,
			note: 'Read in a repost of the archived page: "50 mm wide X 70 mm high", the face "between 31 mm … and 36 mm … from chin to crown of head", "taken within the last six months", "original photos that are not altered in any way or taken from an existing photo".',
		},
	],
	// The passport program: "If they don't, we will reject your application."
	reasons: {
		TOO_DARK: 'The lighting is not uniform: the photo is too dark or washed out.',
		BACKGROUND_NOT_WHITE: 'The background is not plain white or light-coloured, with a clear difference between the face and the background.',
		FEATURES_NOT_VISIBLE: 'The eyes are not open and clearly visible, or the full face is not visible.',
		GLARE: 'There are shadows, glare or flash reflections.',
		DIMENSIONS_OUT_OF_RANGE: 'The photo is not the size the passport program asks for.',
		FILE_TOO_LARGE: 'The file is too large.',
		OTHER_REQUIREMENT: 'The photo does not meet the passport photo requirements.',
	},
	// "original photos that are not altered in any way": no crop is suggested.
	suggestCrop: false,
	checks: WITHOUT_FILE_LIMITS,
	sources: {
		...sources,
		fileFormat: {source: `No format was found in the stored part of ${DIGITAL}: the formats this library reads (JPEG, PNG)`, checked: CHECKED},
		aspectRatio: {source: `${PAPER}: "50 mm wide X 70 mm high" (5:7); the 1 % tolerance as for the PR card`, checked: CHECKED},
		backgroundWhite: {
			source: `${DIGITAL}: "a plain white or light-coloured background with a clear difference between your face and the background"; light-coloured read from the shared photos' backdrops`,
			checked: CHECKED,
		},
		glasses: {
			source: `${DIGITAL}: "no glare on the lenses", no "tinted eye glasses (even when the eyes are clearly visible)"; the limits as for the PR card`,
			checked: CHECKED,
		},
		headSize: {
			source: `${PAPER}: the face "between 31 mm … and 36 mm … from chin to crown" of the 70 mm photo; the margin as for the PR card`,
			checked: CHECKED,
		},
		originalPhoto: {source: `${DIGITAL}: "NOT be a scanned copy of a printed passport photo"; the pattern limits as for the PR card`, checked: CHECKED},
		recent: {source: `${DIGITAL}: "no more than 6 months before the date you submit your application"`, checked: CHECKED},
		unaltered: {source: `${PAPER}: "original photos that are not altered in any way"; the limits as for the PR card`, checked: CHECKED},
	},
	...groups,
	fileFormat: {formats: 'jpeg png'},
	aspectRatio: caPrCard.aspectRatio,
	backgroundWhite: LIGHT_BACKGROUND,
	headSize: caPrCard.headSize,
	originalPhoto: caPrCard.originalPhoto,
	recent: {...caPrCard.recent, maxAgeMonths: 6},
} as const satisfies Profile;
