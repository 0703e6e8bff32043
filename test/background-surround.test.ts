import {describe, expect, test} from 'vitest';
import {measureBackground} from '../src/analysis/pixels/background.js';
import {reduceImage} from '../src/analysis/pixels/reduced.js';
import {backgroundWhite} from '../src/checks/background-white/index.js';
import type {RgbImage} from '../src/input/image.js';
import {limitsOf} from '../src/pipeline/run-check.js';
import {caPrCard} from '../src/profiles/index.js';
import {face} from './support/facts.js';

/**
 * A 1000 × 1400 photo of the face of test/support/facts.ts (eyes at y 520, chin at 760, crown at 90):
 * behind the head either a plain white backdrop, or a room (grey noise no flood can cross) with a
 * white window along the right edge.
 */
function photo(backdrop: 'white' | 'room-with-window'): RgbImage {
	const width = 1000;
	const height = 1400;
	const data = new Uint8Array(width * height * 3);
	let seed = 7;
	const noise = () => {
		seed = (seed * 16_807) % 2_147_483_647;
		return seed % 60;
	};
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const o = (y * width + x) * 3;
			const inHead = ((x - 500) / 170) ** 2 + ((y - 425) / 335) ** 2 <= 1;
			const inBody = y > 760 && Math.abs(x - 500) < 150 + (y - 760) * 0.6;
			let value: [number, number, number];
			if (inHead) value = [200, 160, 140];
			else if (inBody) value = [40, 60, 120];
			else if (backdrop === 'white' || x > 860) value = [250, 250, 250];
			else {
				const v = 90 + noise();
				value = [v, v, v];
			}
			data.set(value, o);
		}
	}
	return {data, width, height, channels: 3};
}

describe('background-white: the backdrop must be seen around the head', () => {
	const limits = limitsOf(backgroundWhite, caPrCard) as Parameters<typeof backgroundWhite.run>[1];
	const judge = (image: RgbImage) => {
		// The jaw points span the painted head's width (points 0 and 16; the others are not read here).
		const landmarks = Array.from({length: 68}, (_, index): [number, number] => (index === 16 ? [670, 520] : [330, 520]));
		const background = measureBackground(reduceImage(image), {face: face({landmarks})});
		return {background, outcome: backgroundWhite.run({background}, limits)};
	};

	test('a plain white backdrop is seen on both sides of the head and above it', () => {
		const {background, outcome} = judge(photo('white'));
		expect(Math.min(background.surround!.left, background.surround!.right, background.surround!.top)).toBeGreaterThan(0.8);
		expect(outcome.status).toBe('pass');
	});

	test('a room with a blown-out window beside the head: only the window reads as white backdrop, and that fails', () => {
		const {background, outcome} = judge(photo('room-with-window'));
		expect(background.colour.L).toBeGreaterThan(95); // what the first round called "plain and white (L* 100)"
		expect(background.surround!.left).toBeLessThan(0.05);
		expect(outcome.status).toBe('fail');
		expect(outcome.message).toContain('not seen all around the head');
	});
});
