/**
 * A radix-2 complex FFT, in place, for the few small power-of-two tiles the screen-pattern measure
 * reads (64 × 64): a dependency would be larger than this.
 */

const twiddles = new Map<number, {cos: Float64Array; sin: Float64Array; reversed: Uint32Array}>();

function tablesFor(n: number) {
	let tables = twiddles.get(n);
	if (!tables) {
		const cos = new Float64Array(n / 2);
		const sin = new Float64Array(n / 2);
		for (let k = 0; k < n / 2; k++) {
			cos[k] = Math.cos((2 * Math.PI * k) / n);
			sin[k] = -Math.sin((2 * Math.PI * k) / n);
		}
		const bits = Math.log2(n);
		const reversed = new Uint32Array(n);
		for (let i = 0; i < n; i++) {
			let r = 0;
			for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
			reversed[i] = r;
		}
		tables = {cos, sin, reversed};
		twiddles.set(n, tables);
	}
	return tables;
}

/** Forward FFT of `n` complex values starting at `offset`, `stride` apart (rows: 1, columns: the width). */
export function fft(re: Float64Array, im: Float64Array, n: number, offset = 0, stride = 1): void {
	if (n < 2 || (n & (n - 1)) !== 0) throw new RangeError(`fft: n must be a power of two, got ${n}`);
	const {cos, sin, reversed} = tablesFor(n);
	for (let i = 0; i < n; i++) {
		const j = reversed[i] as number;
		if (j > i) {
			const a = offset + i * stride;
			const b = offset + j * stride;
			const tr = re[a] as number;
			re[a] = re[b] as number;
			re[b] = tr;
			const ti = im[a] as number;
			im[a] = im[b] as number;
			im[b] = ti;
		}
	}
	for (let size = 2; size <= n; size *= 2) {
		const half = size / 2;
		const step = n / size;
		for (let start = 0; start < n; start += size) {
			for (let k = 0; k < half; k++) {
				const wr = cos[k * step] as number;
				const wi = sin[k * step] as number;
				const a = offset + (start + k) * stride;
				const b = a + half * stride;
				const br = re[b] as number;
				const bi = im[b] as number;
				const xr = br * wr - bi * wi;
				const xi = br * wi + bi * wr;
				const ar = re[a] as number;
				const ai = im[a] as number;
				re[b] = ar - xr;
				im[b] = ai - xi;
				re[a] = ar + xr;
				im[a] = ai + xi;
			}
		}
	}
}

/** The 2-D FFT of an `n` × `n` tile (row-major), in place. */
export function fft2d(re: Float64Array, im: Float64Array, n: number): void {
	for (let row = 0; row < n; row++) fft(re, im, n, row * n, 1);
	for (let column = 0; column < n; column++) fft(re, im, n, column, n);
}
