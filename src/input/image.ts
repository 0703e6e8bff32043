/**
 * A decoded photo: 8-bit sRGB, three interleaved channels, EXIF orientation already applied, at the
 * scale the measures need (a large photo is decoded at 1/2 or 1/4 of its size; see `scale`).
 */
export interface RgbImage {
	/** Row-major RGBRGB… bytes, `width * height * 3` long. */
	readonly data: Uint8Array;
	readonly width: number;
	readonly height: number;
	readonly channels: 3;
	/** Photo pixels per image pixel (1 when decoded at full size): multiply coordinates by it to report them in the photo's pixels. */
	readonly scale?: number;
}
