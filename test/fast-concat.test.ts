import {describe, expect, test} from 'vitest';
import {getFaceEngine} from '../src/analysis/face/engine.js';

/** Concatenation of nested arrays along `axis`, the plain way: the reference. */
function concatNested(arrays: unknown[], axis: number): unknown {
	if (axis === 0) return arrays.flatMap((array) => array as unknown[]);
	const first = arrays[0] as unknown[];
	return first.map((_, index) =>
		concatNested(
			arrays.map((array) => (array as unknown[])[index]),
			axis - 1,
		),
	);
}

describe('the wasm Concat kernel the engine installs', () => {
	test.each([
		[
			[
				[1, 4, 5, 1],
				[1, 4, 5, 1],
				[1, 4, 5, 1],
			],
			3,
		], // face-api's normalize: R, G, B
		[
			[
				[1, 4, 5, 3],
				[1, 4, 2, 3],
			],
			2,
		], // padToSquare
		[
			[
				[1, 3, 5, 3],
				[1, 2, 5, 3],
			],
			1,
		],
		[
			[
				[2, 3],
				[4, 3],
			],
			0,
		],
		[
			[
				[2, 3, 4],
				[2, 3, 1],
			],
			-1,
		],
	])('shapes %j along axis %i match the reference', async (shapes, axis) => {
		const {tf} = await getFaceEngine();
		let seed = 1;
		const tensors = shapes.map((shape) => {
			const size = shape.reduce((product, value) => product * value, 1);
			return tf.tensor(
				Array.from({length: size}, () => {
					seed = (seed * 48_271) % 2_147_483_647;
					return seed / 1000;
				}),
				shape,
				'float32',
			);
		});
		const result = tf.concat(tensors, axis);
		const rank = shapes[0]!.length;
		const expected = concatNested(
			tensors.map((tensor) => tensor.arraySync()),
			axis < 0 ? axis + rank : axis,
		);
		expect(result.arraySync()).toEqual(expected);
		for (const tensor of [...tensors, result]) tensor.dispose();
	});
});
