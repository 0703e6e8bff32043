import {describe, expect, test} from 'vitest';
import {Cell, measureTone} from '../src/analysis/pixels/face-region.js';

/** A face region of 200 skin cells: 100 each side of the midline, each side painted by `paint`. */
function region(paint: (side: 'left' | 'right', index: number) => {L: number; a: number; b: number}) {
	const count = 200;
	const cells = new Uint8Array(count).fill(Cell.Skin);
	const L = new Float32Array(count);
	const a = new Float32Array(count);
	const b = new Float32Array(count);
	const across = new Float32Array(count);
	for (let cell = 0; cell < count; cell++) {
		const side = cell < 100 ? 'left' : 'right';
		const colour = paint(side, cell % 100);
		L[cell] = colour.L;
		a[cell] = colour.a;
		b[cell] = colour.b;
		across[cell] = side === 'left' ? -1 : 1;
	}
	return {cells, L, a, b, across};
}

const cheeks = {L: 62, a: 13, b: 17};
const skin = {L: 62, a: 13, b: 17};

describe('lighting: the halves of the face are measured on skin', () => {
	test('a beard over most of one half is not read as a shadow', () => {
		// Dark, nearly grey hair on 60 of the right half's 100 cells.
		const tone = measureTone(
			region((side, index) => (side === 'right' && index < 60 ? {L: 22, a: 1.5, b: 2} : skin)),
			cheeks,
		);
		expect(tone.rightL).toBeCloseTo(62, 0);
		expect(tone.leftL).toBeCloseTo(62, 0);
	});

	test('black glasses frames are not either', () => {
		const tone = measureTone(
			region((side, index) => (side === 'left' && index % 3 === 0 ? {L: 8, a: 0.5, b: -1} : skin)),
			cheeks,
		);
		expect(tone.leftL).toBeCloseTo(62, 0);
	});

	test('a shadow on skin keeps its hue and is measured', () => {
		const tone = measureTone(
			region((side) => (side === 'right' ? {L: 38, a: 8, b: 10.5} : skin)),
			cheeks,
		);
		expect(tone.rightL).toBeCloseTo(38, 0);
		expect(tone.leftL).toBeCloseTo(62, 0);
	});

	test('a greyscale photo has no skin hue: every cell of each half is measured', () => {
		const grey = {L: 60, a: 0, b: 0};
		const tone = measureTone(
			region((side) => (side === 'right' ? {...grey, L: 40} : grey)),
			{L: 50, a: 0, b: 0},
		);
		expect(tone.leftL).toBeCloseTo(60, 0);
		expect(tone.rightL).toBeCloseTo(40, 0);
	});
});
