/** Plane geometry shared by the face measures. */

/** An axis-aligned rectangle by its edges, in image pixels. */
export interface Bounds {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

export function boundsOf(points: ReadonlyArray<readonly [number, number]>): Bounds {
	const xs = points.map((point) => point[0]);
	const ys = points.map((point) => point[1]);
	return {x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys)};
}

/** The rectangle grown on each side by `by` of its own width and height (a negative `by` shrinks it). */
export function growBounds(bounds: Bounds, by: number): Bounds {
	const dx = (bounds.x1 - bounds.x0) * by;
	const dy = (bounds.y1 - bounds.y0) * by;
	return {x0: bounds.x0 - dx, y0: bounds.y0 - dy, x1: bounds.x1 + dx, y1: bounds.y1 + dy};
}

/** Even-odd rule: whether (x, y) lies inside the polygon of `points`. */
export function insidePolygon(x: number, y: number, polygon: ReadonlyArray<readonly [number, number]>): boolean {
	let inside = false;
	for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
		const [xi, yi] = polygon[i]!;
		const [xj, yj] = polygon[j]!;
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}
