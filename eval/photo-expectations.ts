/**
 * What each untouched shared photo should get, derived from its manifest entry and the photos' README.
 * Only what we know: where the README or the stored numbers do not settle a check, it is `any`.
 */

import {faceCentreX} from '../fixtures/variants/geometry.js';
import type {ManifestEntry} from '../fixtures/variants/manifest.js';
import type {Expectation, Expectations} from '../fixtures/variants/types.js';
import {CHECK_IDS} from '../fixtures/variants/types.js';

/**
 * IRCC: 715×1000 to 2000×2800 px; 4 MB; chin to crown 31–36 mm of 70 mm. Stated here from IRCC's text,
 * not imported from the profile, so that the evaluation checks the profile rather than repeats it.
 */
const MIN_W = 715;
const MIN_H = 1000;
const MAX_W = 2000;
const MAX_H = 2800;
const MB_DECIMAL = 4_000_000;
const MB_BINARY = 4_194_304;
const HEAD_MIN = 31 / 70;
const HEAD_MAX = 36 / 70;
/** Hand-placed points are good to about a percent of the height: closer than this to a limit, do not score. */
const HEAD_MARGIN = 0.015;
/** A face within 5 % of the middle is centred by any reading; beyond 10 % it is not. */
const CENTRED = 0.05;
const OFF_CENTRE = 0.1;

const STUDIO_SETS = new Set(['london-neutral', 'london-smiling', 'ontario', 'composite']);

function fileSize(bytes: number): Expectation {
	if (bytes <= MB_DECIMAL) return 'pass';
	return bytes <= MB_BINARY ? 'warn' : 'fail';
}

function dimensions(w: number, h: number): Expectation {
	return w >= MIN_W && w <= MAX_W && h >= MIN_H && h <= MAX_H ? 'pass' : 'fail';
}

/** 5:7 within 1 % passes; anything else (1:1, 3:4) is not 5:7: a warning, as the catalogue says. */
function aspect(w: number, h: number): Expectation {
	return Math.abs(w / h / (5 / 7) - 1) <= 0.01 ? 'pass' : 'warn';
}

function headSize(e: ManifestEntry): Expectation {
	if (e.set === 'ontario') return 'fail'; // README: chin to crown about 70–75 % of the height.
	if (!e.landmarks) return 'any';
	const r = (e.landmarks.chin[1] - e.landmarks.crown[1]) / e.height;
	if (r >= HEAD_MIN + HEAD_MARGIN && r <= HEAD_MAX - HEAD_MARGIN) return 'not-fail';
	if (r < HEAD_MIN - HEAD_MARGIN || r > HEAD_MAX + HEAD_MARGIN) return 'fail';
	return 'any';
}

function centred(e: ManifestEntry): Expectation {
	if (!e.landmarks) return 'any';
	const off = Math.abs(faceCentreX(e.landmarks) / e.width - 0.5);
	return off <= CENTRED ? 'not-fail' : off > OFF_CENTRE ? 'fail' : 'any';
}

export function expectationsForPhoto(e: ManifestEntry): Expectations {
	const studio = STUDIO_SETS.has(e.set);
	// Studio sets: even light, straight on, sharp, colour. The home set (`lisa`) varies: not scored.
	const studioOnly: Expectation = studio ? 'not-fail' : 'any';
	const x: Expectations = Object.fromEntries(CHECK_IDS.map((id) => [id, studioOnly]));
	Object.assign(x, {
		'file-format': 'pass', // all stored as real JPEGs
		'file-size': fileSize(e.bytes),
		dimensions: dimensions(e.width, e.height),
		'aspect-ratio': aspect(e.width, e.height),
		// London and composite: light grey; Ontario: pink/mauve; lisa: a room. None is white.
		'background-white': 'fail',
		'face-count': e.faces === 1 ? 'pass' : 'fail',
		'face-visible': 'not-fail',
		'eyes-open': 'not-fail',
		'neutral-expression': e.expression === 'smiling' ? 'fail' : 'not-fail',
		'head-size': headSize(e),
		'face-centred': centred(e),
		// London files went through an image program (gd-jpeg), Ontario faces are aligned (identical pupil
		// positions): neither is a camera original, so flagging them is defensible; composites are made up.
		unaltered: e.set === 'composite' ? 'flagged' : 'any',
		// No capture date in any of these files: nothing to fail on.
		recent: 'not-fail',
	} satisfies Expectations);
	return x;
}
