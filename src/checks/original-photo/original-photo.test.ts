import {describe, expect, test} from 'vitest';
import {testCheck} from '../../../test/support/check-table.js';
import {metadata} from '../../../test/support/facts.js';
import {namedScanners} from '../../analysis/file/scanners.js';
import {measureScreenPattern, type ScreenPattern} from '../../analysis/forensics/screen-pattern.js';
import type {RgbImage} from '../../input/image.js';
import {originalPhoto} from './index.js';

const plain: ScreenPattern = {peak: 6.2, period: 9.1, angle: 40, tiles: 16, region: 'face'};
const halftone: ScreenPattern = {peak: 850, period: 4.12, angle: 75, tiles: 16, region: 'face'};
const faint: ScreenPattern = {peak: 44, period: 3.6, angle: 12, tiles: 16, region: 'face'};
const camera = metadata({}, {make: 'Canon', model: 'EOS R6'});
const epson = metadata({}, {make: 'EPSON', model: 'Perfection V600', software: 'EPSON Scan'});

testCheck(originalPhoto, {
	cases: [
		{name: 'a camera original', facts: {metadata: camera, jpeg: null, screenPattern: plain}, status: 'pass', message: ['6.2×', 'below 30×']},
		{
			name: 'a halftone print photographed',
			facts: {metadata: camera, jpeg: null, screenPattern: halftone},
			status: 'fail',
			message: ['Taken from an existing photo', 'every 4.1 px at 75°', '850×', 'limit 50×', 'a print or the pixels of a screen'],
		},
		{
			name: 'a faint pattern warns',
			facts: {metadata: camera, jpeg: null, screenPattern: faint},
			status: 'warn',
			message: ['Possibly taken from an existing photo', '44×', 'limit 30×'],
		},
		{
			name: 'a scanner named in the file',
			facts: {metadata: epson, jpeg: null, screenPattern: plain},
			status: 'fail',
			message: ['scanned', 'EPSON Scan', 'Perfection'],
		},
		{
			name: "a scan passed by a profile that takes scans of a photographer's print",
			facts: {metadata: epson, jpeg: null, screenPattern: plain},
			limits: {scanner: 'pass'},
			status: 'pass',
			message: ["passed by the profile's policy"],
		},
		{
			name: 'a scan warned by policy',
			facts: {metadata: epson, jpeg: null, screenPattern: plain},
			limits: {scanner: 'warn'},
			status: 'warn',
			message: ['Possibly taken from an existing photo', 'Epson Scan'],
		},
	],
});

describe('scanner names', () => {
	test.each([
		[{software: 'EPSON Scan'}, 'Epson Scan'],
		[{software: 'VueScan 9.8.04'}, 'VueScan'],
		[{make: 'Canon', model: 'CanoScan LiDE 400'}, 'Canon CanoScan'],
		[{creatorTool: 'Google PhotoScan'}, 'Google PhotoScan'],
		[{software: 'ScanSnap Manager'}, 'Fujitsu ScanSnap'],
	])('%o names %s', (fields, name) => {
		expect(namedScanners(metadata({}, fields), null).map((scanner) => scanner.name)).toEqual([name]);
	});

	test.each([
		{make: 'Canon', model: 'EOS R6', software: 'Firmware Version 1.8.1'},
		{make: 'Apple', model: 'iPhone 15', software: '17.4'},
		{software: 'Insane Camera'},
	])('a camera is not a scanner: %o', (fields) => {
		expect(namedScanners(metadata({}, fields), null)).toEqual([]);
	});
});

/** A grey 512 × 512 image with soft noise, and optionally a periodic pattern of `period` px at `degrees`. */
function texture(period?: number, degrees = 45, amplitude = 12): RgbImage {
	const size = 512;
	const data = new Uint8Array(size * size * 3);
	let seed = 7;
	const noise = () => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed / 2147483648 - 0.5;
	};
	const angle = (degrees * Math.PI) / 180;
	for (let y = 0; y < size; y++)
		for (let x = 0; x < size; x++) {
			const wave = period ? amplitude * Math.cos((2 * Math.PI * (x * Math.cos(angle) + y * Math.sin(angle))) / period) : 0;
			const value = Math.round(150 + 20 * Math.sin(x / 40) * Math.cos(y / 55) + 10 * noise() + wave);
			data.fill(value, (y * size + x) * 3, (y * size + x) * 3 + 3);
		}
	return {data, width: size, height: size, channels: 3};
}

describe('screen pattern', () => {
	test('a photo without a period has no peak', () => {
		const pattern = measureScreenPattern(texture(), undefined);
		expect(pattern?.region).toBe('centre');
		expect(pattern?.peak).toBeLessThan(10);
	});

	test('a periodic pattern is found with its period and direction', () => {
		const pattern = measureScreenPattern(texture(4.5, 30), undefined);
		expect(pattern?.peak).toBeGreaterThan(100);
		expect(pattern?.period).toBeCloseTo(4.5, 0);
		expect(pattern?.angle).toBeGreaterThan(20);
		expect(pattern?.angle).toBeLessThan(40);
	});

	test('the 8-pixel JPEG grid is not a pattern', () => {
		const pattern = measureScreenPattern(texture(8, 0, 6), undefined);
		expect(pattern?.peak).toBeLessThan(10);
	});

	test('a face is read between the eyes and the mouth; a region too small for one tile gives nothing', () => {
		const face = {rightEye: [200, 200], leftEye: [300, 200], chin: [250, 400]} as const;
		expect(measureScreenPattern(texture(4), face as never)?.region).toBe('face');
		const tiny = {rightEye: [200, 200], leftEye: [210, 200], chin: [205, 215]} as const;
		expect(measureScreenPattern(texture(4), tiny as never)).toBeUndefined();
	});
});
