/** A decoded photo: 8-bit sRGB, three interleaved channels, EXIF orientation already applied. */
export interface RgbImage {
	/** Row-major RGBRGB… bytes, `width * height * 3` long. */
	readonly data: Uint8Array;
	readonly width: number;
	readonly height: number;
	readonly channels: 3;
}
