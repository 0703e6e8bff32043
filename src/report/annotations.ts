import sharp from 'sharp';
import type {PhotoFacts} from '../analysis/facts.js';
import type {Annotations} from './schema.js';

/** Longest side of the thumbnail an annotated report carries. */
const THUMBNAIL_SIDE = 480;

/**
 * What a picture of the result needs besides the report (`options.annotate`): a thumbnail of the
 * photo as decoded, and the masks and spots the image checks found. Only facts already computed
 * are used; nothing is decoded again.
 */
export async function collectAnnotations(facts: PhotoFacts): Promise<Annotations | undefined> {
	const image = await facts.peek('image');
	if (!image) return undefined;
	const scale = Math.min(1, THUMBNAIL_SIDE / Math.max(image.width, image.height));
	const width = Math.max(1, Math.round(image.width * scale));
	const height = Math.max(1, Math.round(image.height * scale));
	const jpeg = await sharp(image.data, {raw: {width: image.width, height: image.height, channels: 3}})
		.resize(width, height, {kernel: 'lanczos3'})
		.jpeg({quality: 82})
		.toBuffer();
	return {thumbnail: {width, height, dataUrl: `data:image/jpeg;base64,${jpeg.toString('base64')}`}};
}
