import type {RgbImage} from '../../input/image.js';
import type {MainFace} from '../face/index.js';
import {lumaAt} from '../pixels/colour.js';
import {fft2d} from './fft.js';

/**
 * A regular pattern over the face: the halftone dots of a printed photo, or a screen's pixels,
 * photographed again. Skin, hair and eyes have no single spatial frequency; a print's screen and a
 * display's pixel grid do, and they stay periodic when re-photographed (shifted to a moiré when the
 * camera samples them too coarsely). The face's luminance is cut into TILE × TILE tiles, their
 * power spectra averaged (Welch), and the strongest isolated peak measured against the spectrum
 * around it.
 */
export interface ScreenPattern {
	/** The strongest peak's power over the mean (geometric) power around it: about 2 for a plain photo. */
	readonly peak: number;
	/** Its period in photo pixels and the direction of its waves, degrees from the horizontal (0–180). */
	readonly period: number;
	readonly angle: number;
	/** Tiles averaged, and where: on the face, or (no face) the middle of the photo. */
	readonly tiles: number;
	readonly region: 'face' | 'centre';
}

/** Tile side (a power of two): 64 resolves periods from 2.1 to 16 pixels. */
const TILE = 64;
/** At most this many tiles are averaged (evenly spread over the region), for a bounded cost. */
const MAX_TILES = 16;
/** Fewer tiles than this (a face under ~50 px between the eyes) and one tile's noise reads as peaks of 28: not measured. */
const MIN_TILES = 4;
/** The frequencies searched, in bins of a tile: periods of 16 px down to 2.2 px. */
const MIN_RADIUS = 4;
const MAX_RADIUS = 29;
/** The background of a bin: the mean log power of the (2·REACH + 1)² bins around it, its own 3 × 3 left out. */
const REACH = 4;
/** The 8-pixel JPEG grid puts power on multiples of TILE / 8 bins: those columns and rows are not peaks. */
const JPEG_GRID = TILE / 8;

type Region = {x0: number; y0: number; x1: number; y1: number};

export function measureScreenPattern(image: RgbImage, face: Pick<MainFace, 'leftEye' | 'rightEye' | 'chin'> | undefined): ScreenPattern | undefined {
	const region = face ? faceRegion(image, face) : centreRegion(image);
	const origins = tileOrigins(region);
	if (origins.length < MIN_TILES) return undefined;
	const spectrum = meanSpectrum(image, origins);
	const found = strongestPeak(spectrum);
	const scale = image.scale ?? 1;
	return {
		peak: Math.exp(found.score),
		period: (TILE / Math.hypot(found.u, found.v)) * scale,
		angle: ((Math.atan2(found.v, found.u) * 180) / Math.PI + 180) % 180,
		tiles: origins.length,
		region: face ? 'face' : 'centre',
	};
}

/** Between the eyes' outer corners and down to the mouth: skin, nose and eyes, no hair or backdrop. */
function faceRegion(image: RgbImage, face: Pick<MainFace, 'leftEye' | 'rightEye' | 'chin'>): Region {
	const ipd = Math.hypot(face.leftEye[0] - face.rightEye[0], face.leftEye[1] - face.rightEye[1]);
	const eyeY = (face.leftEye[1] + face.rightEye[1]) / 2;
	return clampRegion(image, {
		x0: Math.min(face.leftEye[0], face.rightEye[0]) - 0.5 * ipd,
		x1: Math.max(face.leftEye[0], face.rightEye[0]) + 0.5 * ipd,
		y0: eyeY - 0.35 * ipd,
		y1: Math.max(eyeY + 0.5 * ipd, face.chin[1] - 0.25 * ipd),
	});
}

function centreRegion(image: RgbImage): Region {
	return clampRegion(image, {x0: image.width * 0.25, x1: image.width * 0.75, y0: image.height * 0.25, y1: image.height * 0.75});
}

function clampRegion(image: RgbImage, r: Region): Region {
	return {
		x0: Math.max(0, Math.round(r.x0)),
		y0: Math.max(0, Math.round(r.y0)),
		x1: Math.min(image.width, Math.round(r.x1)),
		y1: Math.min(image.height, Math.round(r.y1)),
	};
}

/** Tiles overlapping by half, at most MAX_TILES of them, evenly chosen. */
function tileOrigins({x0, y0, x1, y1}: Region): Array<[number, number]> {
	const all: Array<[number, number]> = [];
	for (let y = y0; y + TILE <= y1; y += TILE / 2) for (let x = x0; x + TILE <= x1; x += TILE / 2) all.push([x, y]);
	if (all.length <= MAX_TILES) return all;
	return Array.from({length: MAX_TILES}, (_, i) => all[Math.floor((i * all.length) / MAX_TILES)] as [number, number]);
}

const hann = Float64Array.from({length: TILE}, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * (i + 0.5)) / TILE));

/** The mean power spectrum of the tiles' luminance, each tile's mean removed and Hann-windowed. */
function meanSpectrum(image: RgbImage, origins: ReadonlyArray<[number, number]>): Float64Array {
	const {data, width} = image;
	const power = new Float64Array(TILE * TILE);
	const re = new Float64Array(TILE * TILE);
	const im = new Float64Array(TILE * TILE);
	for (const [x0, y0] of origins) {
		let sum = 0;
		for (let y = 0; y < TILE; y++) {
			for (let x = 0; x < TILE; x++) {
				const p = ((y0 + y) * width + x0 + x) * 3;
				const luma = lumaAt(data, p);
				re[y * TILE + x] = luma;
				sum += luma;
			}
		}
		const mean = sum / (TILE * TILE);
		for (let y = 0; y < TILE; y++)
			for (let x = 0; x < TILE; x++) re[y * TILE + x] = ((re[y * TILE + x] as number) - mean) * (hann[x] as number) * (hann[y] as number);
		im.fill(0);
		fft2d(re, im, TILE);
		for (let i = 0; i < power.length; i++) power[i] = (power[i] as number) + (re[i] as number) ** 2 + (im[i] as number) ** 2;
	}
	return power;
}

/** The bin (u, v signed, v ≥ 0) whose log power stands highest above its surroundings'. */
function strongestPeak(power: Float64Array): {u: number; v: number; score: number} {
	const log = new Float64Array(power.length);
	for (let i = 0; i < power.length; i++) log[i] = Math.log((power[i] as number) + 1e-9);
	const at = (u: number, v: number) => log[(((v % TILE) + TILE) % TILE) * TILE + (((u % TILE) + TILE) % TILE)] as number;
	let best = {u: MIN_RADIUS, v: 0, score: 0};
	for (let v = 0; v <= MAX_RADIUS; v++) {
		for (let u = -MAX_RADIUS; u <= MAX_RADIUS; u++) {
			if (v === 0 && u < 0) continue;
			const r = Math.hypot(u, v);
			if (r < MIN_RADIUS || r > MAX_RADIUS) continue;
			if (u % JPEG_GRID === 0 || v % JPEG_GRID === 0) continue;
			const centre = at(u, v);
			let sum = 0;
			let count = 0;
			let summit = true;
			for (let dv = -REACH; dv <= REACH; dv++)
				for (let du = -REACH; du <= REACH; du++) {
					if (Math.abs(du) <= 1 && Math.abs(dv) <= 1) {
						// A peak is its own summit: the window's leakage beside a JPEG-grid bin is not one.
						if (at(u + du, v + dv) > centre) summit = false;
						continue;
					}
					sum += at(u + du, v + dv);
					count++;
				}
			if (!summit) continue;
			const score = centre - sum / count;
			if (score > best.score) best = {u, v, score};
		}
	}
	return best;
}
