/**
 * sRGB (8-bit, D65) to CIELAB, the space the colour measures are stated in: L* 0 (black) to 100
 * (white); a* red (+) / green (−); b* yellow (+) / blue (−); chroma = √(a*² + b*²).
 */

/** sRGB byte → linear light, as a table: the transfer curve is the costly part. */
const LINEAR = Float32Array.from({length: 256}, (_, value) => {
	const c = value / 255;
	return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

/** D65 white of the XYZ conversion below. */
const WHITE_X = 0.950_47;
const WHITE_Z = 1.088_83;
const EPSILON = 216 / 24_389;
const KAPPA = 24_389 / 27;

export interface Lab {
	L: number;
	a: number;
	b: number;
}

function f(t: number): number {
	return t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
}

export function linear(value: number): number {
	return LINEAR[value] ?? 0;
}

export function rgbToLab(r: number, g: number, b: number): Lab {
	const lr = LINEAR[r] ?? 0;
	const lg = LINEAR[g] ?? 0;
	const lb = LINEAR[b] ?? 0;
	const x = (0.412_456_4 * lr + 0.357_576_1 * lg + 0.180_437_5 * lb) / WHITE_X;
	const y = 0.212_672_9 * lr + 0.715_152_2 * lg + 0.072_175 * lb;
	const z = (0.019_333_9 * lr + 0.119_192 * lg + 0.950_304_1 * lb) / WHITE_Z;
	const fy = f(y);
	return {L: 116 * fy - 16, a: 500 * (f(x) - fy), b: 200 * (fy - f(z))};
}

/** L* of a relative luminance Y (0–1). */
export function lightnessOf(y: number): number {
	return 116 * f(y) - 16;
}

/** Relative luminance Y (0–1) of a lightness L*: the inverse of `lightnessOf`. */
export function luminanceOf(L: number): number {
	const fy = (L + 16) / 116;
	return fy ** 3 > EPSILON ? fy ** 3 : L / KAPPA;
}

/**
 * Rec. 601 luma (0–255) of the gamma-encoded RGB pixel at byte `index` of interleaved RGB `data`:
 * JPEG's own Y, what the texture, focus and pattern measures read.
 */
export function lumaAt(data: Uint8Array, index: number): number {
	return 0.299 * (data[index] as number) + 0.587 * (data[index + 1] as number) + 0.114 * (data[index + 2] as number);
}

/** L* of an sRGB pixel, cheaper than the full conversion. */
export function lightness(r: number, g: number, b: number): number {
	return lightnessOf(0.212_672_9 * (LINEAR[r] ?? 0) + 0.715_152_2 * (LINEAR[g] ?? 0) + 0.072_175 * (LINEAR[b] ?? 0));
}

export function chroma(lab: Lab): number {
	return Math.hypot(lab.a, lab.b);
}

/** Hue angle in degrees, 0–360 (0 = red-magenta, 90 = yellow, 180 = green, 270 = blue). */
export function hueDeg(lab: Lab): number {
	const h = (Math.atan2(lab.b, lab.a) * 180) / Math.PI;
	return h < 0 ? h + 360 : h;
}

/** CIE76 colour difference. */
export function deltaE(p: Lab, q: Lab): number {
	return Math.hypot(p.L - q.L, p.a - q.a, p.b - q.b);
}

/** A colour in words a person recognises, e.g. "light grey", "pale blue", "pink". */
export function describeColour(lab: Lab, neutralChroma = 5): string {
	const c = chroma(lab);
	if (c < neutralChroma) {
		if (lab.L >= 95) return 'white';
		if (lab.L >= 88) return 'off-white';
		if (lab.L >= 70) return 'light grey';
		if (lab.L >= 40) return 'grey';
		return 'dark grey';
	}
	const h = hueDeg(lab);
	const hue = h < 30 || h >= 345 ? 'pink' : h < 70 ? 'orange' : h < 105 ? 'yellow' : h < 165 ? 'green' : h < 235 ? 'cyan' : h < 300 ? 'blue' : 'mauve';
	const shade = lab.L >= 80 ? (c < 15 ? 'pale ' : 'light ') : lab.L < 45 ? 'dark ' : '';
	return `${shade}${hue}`;
}
