import type {PhotoFacts} from '../analysis/facts.js';
import type {BackgroundFacts} from '../analysis/pixels/background.js';
import type {RgbImage} from '../input/image.js';
import type {Platform} from '../platform/types.js';
import type {Annotations} from '../report/schema.js';

/**
 * What a picture of the result needs besides the report (`options.annotate`): a picture of the
 * photo as decoded (its longest side `side` pixels at most), and the masks and spots the image checks found. Only facts already computed
 * are used; nothing is decoded again.
 */
export async function collectAnnotations(facts: PhotoFacts, side: number): Promise<Annotations | undefined> {
	const image = await facts.peek('image');
	if (!image) return undefined;
	const scale = Math.min(1, side / Math.max(image.width, image.height));
	const width = Math.max(1, Math.round(image.width * scale));
	const height = Math.max(1, Math.round(image.height * scale));
	const {platform} = facts.context;
	const thumbnail = await platform.thumbnailJpeg(image, width, height);
	const k = image.scale ?? 1;
	const [mask, glare] = await Promise.all([
		facts.has('background') ? facts.peek('background') : undefined,
		facts.has('glare') ? facts.peek('glare') : undefined,
	]);
	return {
		thumbnail: {width, height, dataUrl: thumbnail},
		...(mask ? {backgroundMask: await maskPicture(platform, mask, image, width, height)} : {}),
		// Spots are found in the analysis image; the report speaks in the photo's pixels.
		...(glare
			? {glareSpots: glare.spots.map(({x, y, radius}) => ({x: Math.round(x * k), y: Math.round(y * k), radius: Math.round(radius * k * 10) / 10}))}
			: {}),
	};
}

/**
 * The background mask as a greyscale PNG (255 = background) the size of the thumbnail. The mask
 * covers whole blocks of `factor` analysis pixels (a 1430 px wide image gives 476 columns of 3, not
 * 1430 / 476), so it is sampled through the analysis image rather than stretched over the picture:
 * its edges stay where they are in the photo; the dropped last columns repeat the one before.
 */
async function maskPicture(
	platform: Platform,
	background: BackgroundFacts,
	image: Pick<RgbImage, 'width' | 'height'>,
	width: number,
	height: number,
): Promise<NonNullable<Annotations['backgroundMask']>> {
	const {mask, factor} = background;
	const column = new Int32Array(width);
	for (let x = 0; x < width; x++) column[x] = Math.min(background.width - 1, Math.floor(((x + 0.5) * image.width) / width / factor));
	const grey = new Uint8Array(width * height);
	for (let y = 0, o = 0; y < height; y++) {
		const row = Math.min(background.height - 1, Math.floor(((y + 0.5) * image.height) / height / factor)) * background.width;
		for (let x = 0; x < width; x++, o++) grey[o] = mask[row + column[x]!] ? 255 : 0;
	}
	return {width, height, dataUrl: await platform.maskPng(grey, width, height, width, height)};
}
