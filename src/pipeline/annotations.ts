import type {PhotoFacts} from '../analysis/facts.js';
import type {BackgroundFacts} from '../analysis/pixels/background.js';
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
		...(mask ? {backgroundMask: await maskPicture(platform, mask, width, height)} : {}),
		// Spots are found in the analysis image; the report speaks in the photo's pixels.
		...(glare
			? {glareSpots: glare.spots.map(({x, y, radius}) => ({x: Math.round(x * k), y: Math.round(y * k), radius: Math.round(radius * k * 10) / 10}))}
			: {}),
	};
}

/** The background mask as a greyscale PNG (255 = background) the size of the thumbnail. */
async function maskPicture(
	platform: Platform,
	background: BackgroundFacts,
	width: number,
	height: number,
): Promise<NonNullable<Annotations['backgroundMask']>> {
	const grey = new Uint8Array(background.mask.length);
	for (let i = 0; i < grey.length; i++) grey[i] = background.mask[i] ? 255 : 0;
	return {width, height, dataUrl: await platform.maskPng(grey, background.width, background.height, width, height)};
}
