import {CHECK_IDS} from '../checks/registry.js';
import {caPrCard} from './ca-pr-card.js';
import type {Profile} from './schema.js';
import {calibratedGroups, FACE_AND_IMAGE, LIGHT_BACKGROUND} from './shared.js';

const {groups, sources} = calibratedGroups(...FACE_AND_IMAGE, 'unaltered');
const CHECKED = '2026-12-02';
const SHEET = 'CIC, "Visa Application PHOTOGRAPH Specifications" (Ci51-193/2006E-PDF, a copy on Scribd)';
const DIGITAL = 'talentsolutioncanada.com, "Photo requirements" (a third party quoting IRCC\'s digital-photo rules; not verified on canada.ca)';

/**
 * Canada, visitor, study and work visas and Express Entry: the digital photo uploaded with an IRCC
 * online application. IRCC's own page was not in this project's stored pages on 2026-12-02: the
 * frame, head and six months come from IRCC's photo sheet (a copy), the pixel, format and file-size
 * rules from a third party quoting IRCC; each threshold says which.
 */
export const caVisa = {
	id: 'ca-visa',
	title: 'Canada visitor, study and work visas and Express Entry (digital photo for an online application)',
	version: '1.0.0',
	references: [
		{
			title: 'Temporary Resident Visa application photograph specifications (IRCC, canada.ca)',
			url: 'https://www.canada.ca/en/immigration-refugees-citizenship/services/application/application-forms-guides/temporary-resident-visa-application-photograph-specifications.html',
			checked: CHECKED,
			note: "The official page: its text was not in this project's stored pages on 2026-12-02, so no figure below could be read there.",
		},
		{
			title: 'Visa Application PHOTOGRAPH Specifications (CIC, Ci51-193/2006E-PDF)',
			url: 'https://fr.scribd.com/document/254737202/Photospecs-e',
			checked: CHECKED,
			note: 'A copy of IRCC\'s printed sheet: "Min. Frame Width 35 mm", "Min. Frame Height 45 mm", face 31–36 mm, "taken within the last six months", "plain white or light-coloured background", "If the photographs are digital, they must not be altered in any way."',
		},
		{
			title: 'Photo requirements (Talent Solution Canada)',
			url: 'https://talentsolutioncanada.com/photo-req/',
			checked: CHECKED,
			note: 'A third party: "Image size: at least 420 x 540 pixels.", "We accept JPEG or JPEG2000 format.", "File size: approximately 240 kB, no more than 4 MB.", "colour (24 bits per pixel)", "600 pixels per inch" for scans. The 60 kB least is from morson.ca ("not less than 60 kB"), also a third party.',
		},
	],
	// IRCC's sheet: "you will have to provide new photographs before your application can be processed".
	reasons: {
		TOO_DARK: 'The photo is under-lit, over-lit or washed out.',
		BACKGROUND_NOT_WHITE: 'The background is not plain white or light-coloured.',
		FEATURES_NOT_VISIBLE: 'The face is covered or the eyes are not clearly visible.',
		GLARE: 'There is glare or a reflection on the photo or the glasses.',
		DIMENSIONS_OUT_OF_RANGE: 'The photo is smaller than 420 × 540 pixels.',
		FILE_TOO_LARGE: 'The file is larger than 4 MB.',
		OTHER_REQUIREMENT: 'The photo does not meet the photo specifications: new photos are needed.',
	},
	// A crop of the camera's file is how a digital photo is framed; IRCC asks that it be not otherwise altered.
	suggestCrop: true,
	// Every check of the catalogue: the same requirements as the PR card, with this document's figures.
	checks: [...CHECK_IDS],
	sources: {
		...sources,
		fileFormat: {
			source: `${DIGITAL}: "We accept JPEG or JPEG2000 format." (JPEG 2000 is not read by this library: such a file is reported as undecodable)`,
			checked: CHECKED,
		},
		fileSize: {
			source: `${DIGITAL}: "approximately 240 kB, no more than 4 MB", read both ways as for the PR card; the least, 60 kB, from morson.ca`,
			checked: CHECKED,
		},
		dimensions: {source: `${DIGITAL}: "Image size: at least 420 x 540 pixels." (no maximum)`, checked: CHECKED},
		aspectRatio: {source: `${SHEET}: the 35 mm × 45 mm frame (7:9); the 1 % tolerance as for the PR card`, checked: CHECKED},
		backgroundWhite: {
			source: `${SHEET}: "plain white or light-coloured background"; light-coloured read from the shared photos' backdrops (see LIGHT_BACKGROUND)`,
			checked: CHECKED,
		},
		headSize: {
			source: `${SHEET}: face 31–36 mm chin to crown on the 45 mm frame; the margin is the PR card's 2 % of the height scaled to this larger head (× 0.744 / 0.479)`,
			checked: CHECKED,
		},
		originalPhoto: {
			source: `${DIGITAL}: a scanned photo is accepted at 600 ppi or more, so a scanner named in the file passes; photos of prints and screens fail as for the PR card`,
			checked: CHECKED,
		},
		recent: {source: `${SHEET}: "taken within the last six months"`, checked: CHECKED},
	},
	...groups,
	fileFormat: {formats: 'jpeg'},
	fileSize: {maxBytes: 4 * 1024 * 1024, warnAboveBytes: 4_000_000, minBytes: 60_000},
	dimensions: {minWidth: 420, minHeight: 540},
	aspectRatio: {width: 7, height: 9, tolerance: 0.01},
	backgroundWhite: LIGHT_BACKGROUND,
	headSize: {minRatio: 31 / 45, maxRatio: 36 / 45, margin: 0.03, photoHeightMm: 45},
	originalPhoto: {...caPrCard.originalPhoto, scanner: 'pass'},
	recent: {...caPrCard.recent, maxAgeMonths: 6},
} as const satisfies Profile;
