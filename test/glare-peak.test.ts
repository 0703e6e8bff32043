import {describe, expect, test} from 'vitest';
import {Cell, type FaceRegion} from '../src/analysis/pixels/face-region.js';
import {measureGlare} from '../src/analysis/pixels/glare.js';

/** A 40 × 40 grid of skin cells (4 px apart, eye distance 100 px), painted by `paint`. */
function region(paint: (i: number, j: number) => {L: number; max: number; min: number}): FaceRegion {
	const columns = 40;
	const rows = 40;
	const count = columns * rows;
	const L = new Float32Array(count);
	const max = new Uint8Array(count);
	const min = new Uint8Array(count);
	for (let j = 0; j < rows; j++) {
		for (let i = 0; i < columns; i++) {
			const cell = paint(i, j);
			L[j * columns + i] = cell.L;
			max[j * columns + i] = cell.max;
			min[j * columns + i] = cell.min;
		}
	}
	const none = {L: 0, a: 0, b: 0};
	return {
		columns,
		rows,
		x0: 0,
		y0: 0,
		step: 4,
		cells: new Uint8Array(count).fill(Cell.Skin),
		L,
		a: new Float32Array(count),
		b: new Float32Array(count),
		max,
		min,
		across: new Float32Array(count),
		eyeDistance: 100,
		cheeks: none,
		cheekLeft: none,
		cheekRight: none,
		tone: {medianL: 70, lowL: 60, highL: 80, darkShare: 0, brightShare: 0, leftL: 70, rightL: 70},
	};
}

const skin = {L: 70, max: 210, min: 150};
const clipped = {L: 99, max: 253, min: 247};
const eyes = [[-500, -500]] as const;

describe('glare: a spot is a peak over the skin around it', () => {
	test('a flash hot spot on the cheek is glare', () => {
		const glare = measureGlare(
			region((i, j) => (i >= 20 && i < 24 && j >= 20 && j < 24 ? clipped : skin)),
			eyes,
		);
		expect(glare.spots).toHaveLength(1);
		expect(glare.largest).toBeCloseTo((16 * 16) / 10_000, 5);
	});

	test('an evenly bright forehead, clipped across and bright around, is not', () => {
		// The top third of the face clipped, the band below it nearly as bright (L* 96, not hot).
		const glare = measureGlare(
			region((_, j) => (j < 12 ? clipped : j < 16 ? {L: 96, max: 246, min: 232} : skin)),
			eyes,
		);
		expect(glare.spots).toEqual([]);
	});
});
