import type {RgbImage} from '../../input/image.js';

function canvasOf(width: number, height: number): OffscreenCanvasRenderingContext2D {
	const context = new OffscreenCanvas(width, height).getContext('2d');
	if (!context) throw new Error('photo-requirements: this browser gives no 2D canvas');
	return context;
}

function rgbaOf(data: Uint8Array, width: number, height: number, channels: 1 | 3): ImageData {
	const rgba = new Uint8ClampedArray(width * height * 4);
	for (let i = 0, j = 0; j < rgba.length; i += channels, j += 4) {
		rgba[j] = data[i]!;
		rgba[j + 1] = data[i + (channels === 3 ? 1 : 0)]!;
		rgba[j + 2] = data[i + (channels === 3 ? 2 : 0)]!;
		rgba[j + 3] = 255;
	}
	return new ImageData(rgba, width, height);
}

async function dataUrl(blob: Blob): Promise<string> {
	const bytes = new Uint8Array(await blob.arrayBuffer());
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return `data:${blob.type};base64,${btoa(binary)}`;
}

async function resized(source: ImageData, width: number, height: number, smooth: boolean): Promise<OffscreenCanvas> {
	const bitmap = await createImageBitmap(source);
	const context = canvasOf(width, height);
	context.imageSmoothingEnabled = smooth;
	context.imageSmoothingQuality = 'high';
	context.drawImage(bitmap, 0, 0, width, height);
	bitmap.close();
	return context.canvas;
}

/** `image` resized to `width` × `height`, as a JPEG data URL. */
export async function thumbnailJpeg(image: RgbImage, width: number, height: number): Promise<string> {
	const canvas = await resized(rgbaOf(image.data, image.width, image.height, 3), width, height, true);
	return dataUrl(await canvas.convertToBlob({type: 'image/jpeg', quality: 0.82}));
}

/** A 0/255 mask resized (nearest) to `width` × `height`, as a PNG data URL. */
export async function maskPng(mask: Uint8Array, maskWidth: number, maskHeight: number, width: number, height: number): Promise<string> {
	const canvas = await resized(rgbaOf(mask, maskWidth, maskHeight, 1), width, height, false);
	return dataUrl(await canvas.convertToBlob({type: 'image/png'}));
}
