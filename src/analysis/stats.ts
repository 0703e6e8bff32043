/** Small statistics over plain number lists, for the image measures. */

/** The q-quantile (0–1) by linear interpolation; NaN for an empty list. Sorts a copy. */
export function quantile(values: readonly number[] | Float32Array, q: number): number {
	return quantiles(values, [q])[0]!;
}

/** Several quantiles of one list, sorting it once. */
export function quantiles(values: readonly number[] | Float32Array, qs: readonly number[]): number[] {
	if (values.length === 0) return qs.map(() => Number.NaN);
	const sorted = Float64Array.from(values).sort();
	return qs.map((q) => {
		const at = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
		const low = Math.floor(at);
		const high = Math.min(sorted.length - 1, low + 1);
		return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
	});
}

export function median(values: readonly number[] | Float32Array): number {
	return quantile(values, 0.5);
}

export function mean(values: readonly number[] | Float32Array): number {
	if (values.length === 0) return Number.NaN;
	let sum = 0;
	for (const value of values) sum += value;
	return sum / values.length;
}
