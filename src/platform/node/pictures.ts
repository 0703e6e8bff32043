import sharp from 'sharp';
import type {RgbImage} from '../../input/image.js';

/** `image` resized (Lanczos) to `width` × `height`, as a JPEG data URL. */
export async function thumbnailJpeg(image: RgbImage, width: number, height: number): Promise<string> {
	const jpeg = await sharp(image.data, {raw: {width: image.width, height: image.height, channels: 3}})
		.resize(width, height, {kernel: 'lanczos3'})
		.jpeg({quality: 82})
		.toBuffer();
	return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}

/** A 0/255 mask resized (nearest) to `width` × `height`, as a greyscale PNG data URL. */
export async function maskPng(mask: Uint8Array, maskWidth: number, maskHeight: number, width: number, height: number): Promise<string> {
	const png = await sharp(mask, {raw: {width: maskWidth, height: maskHeight, channels: 1}})
		.resize(width, height, {fit: 'fill', kernel: 'nearest'})
		.toColourspace('b-w')
		.png()
		.toBuffer();
	return `data:image/png;base64,${png.toString('base64')}`;
}
