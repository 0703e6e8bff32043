import type {Profile} from '../profiles/schema.js';
import type {CheckResult, FaceSummary, SuggestedCrop} from './schema.js';

/** The checks a crop of the same photo can fix (dimensions only when the photo is too large), and what each fix is in words. */
export const CROP_FIXES: Readonly<Record<string, string>> = {
	dimensions: 'its size in pixels',
	'aspect-ratio': 'its proportions',
	'head-size': "the head's size",
	'face-centred': 'where the face sits',
};

type Framing = Pick<Profile, 'aspectRatio' | 'headSize' | 'faceCentred' | 'dimensions' | 'suggestCrop'>;

interface Range {
	low: number;
	high: number;
}

/** How far inside a limit the crop aims, so that rounding and the face engine's error do not put it back on the edge. */
const CENTRING_SHARE = 0.5;
const EYE_LINE_INSET = 0.01;

/**
 * The crop that would fix this photo's framing, or undefined when none can: nothing to fix, the
 * head cut by the frame, or no 5:7 window of the photo holds the head at a passing size within the
 * pixel limits (a head too small to enlarge within the resolution). The crop keeps the profile's
 * proportions, puts the head in the middle of its band (as near as the frame allows), the face's
 * midline within half the safe offset of the centre, and the eye line inside the eye band.
 */
export function suggestCrop(
	image: {width: number; height: number},
	face: FaceSummary,
	profile: Framing,
	results: readonly CheckResult[],
): SuggestedCrop | undefined {
	const fixes = results
		.filter((result) => Object.hasOwn(CROP_FIXES, result.id) && (result.status === 'fail' || result.status === 'warn'))
		.map((result) => result.id);
	if (fixes.length === 0 || !profile.suggestCrop) return undefined;

	const crownY = face.crown[1];
	const chinY = face.chin[1];
	const head = chinY - crownY;
	const {box} = face;
	// The frame cuts the head: what is outside cannot be brought back by a crop.
	if (!(head > 0) || crownY < 0 || chinY > image.height || box.x < 0 || box.x + box.width > image.width) return undefined;

	const {aspectRatio, headSize, faceCentred} = profile;
	// Without the document's proportions, head band and centring there is nothing to crop to.
	if (!aspectRatio || !headSize || !faceCentred) return undefined;
	const dimensions = {minWidth: 1, minHeight: 1, maxWidth: Number.POSITIVE_INFINITY, maxHeight: Number.POSITIVE_INFINITY, ...profile.dimensions};
	const aspect = aspectRatio.width / aspectRatio.height;
	const centreX = face.centreX * image.width;
	const eyeY = (face.leftEye[1] + face.rightEye[1]) / 2;
	const passing: Range = {low: headSize.minRatio + headSize.margin, high: headSize.maxRatio - headSize.margin};
	const ideal = (headSize.minRatio + headSize.maxRatio) / 2;

	const eyeLow = faceCentred.eyeLineMin + EYE_LINE_INSET;
	const eyeHigh = faceCentred.eyeLineMax - EYE_LINE_INSET;
	const slackShare = faceCentred.warnOffset * CENTRING_SHARE;
	// Every crop height that keeps the head passing: the one nearest the middle of every band wins.
	const lowest = Math.max(Math.ceil(head / passing.high), dimensions.minHeight);
	const highest = Math.min(Math.floor(head / passing.low), image.height);
	let best: {crop: Omit<SuggestedCrop, 'fixes'>; cost: number} | undefined;
	for (let height = lowest; height <= highest; height++) {
		const width = Math.round(height * aspect);
		if (width > image.width || width < dimensions.minWidth) continue;
		const xRange = intersect(
			{low: centreX - width / 2 - slackShare * width, high: centreX - width / 2 + slackShare * width},
			{low: box.x + box.width - width, high: box.x},
			{low: 0, high: image.width - width},
		);
		const yRange = intersect(
			{low: eyeY - eyeHigh * height, high: eyeY - eyeLow * height},
			{low: chinY - height, high: crownY},
			{low: 0, high: image.height - height},
		);
		if (!xRange || !yRange) continue;
		const x = Math.round(clamp(centreX - width / 2, xRange));
		const y = Math.round(clamp(eyeY - ((eyeLow + eyeHigh) / 2) * height, yRange));
		// Rounding may step one pixel out of the photo.
		if (x < 0 || y < 0 || x + width > image.width || y + height > image.height) continue;
		// How far from the middle of each band, each as a share of its half-width.
		const cost =
			Math.abs(head / height - ideal) / (passing.high - ideal) +
			Math.abs((centreX - x) / width - 0.5) / slackShare +
			Math.abs((eyeY - y) / height - (eyeLow + eyeHigh) / 2) / ((eyeHigh - eyeLow) / 2);
		if (!best || cost < best.cost) best = {crop: {x, y, width, height}, cost};
	}
	if (!best) return undefined;
	const {crop} = best;
	// Larger than the portal takes: the crop is then scaled down, which keeps every proportion.
	const scale = Math.min(1, dimensions.maxWidth / crop.width, dimensions.maxHeight / crop.height);
	const resizeTo = scale < 1 ? {width: Math.floor(crop.width * scale), height: Math.floor(crop.height * scale)} : undefined;
	return {...crop, ...(resizeTo ? {resizeTo} : {}), fixes};
}

function intersect(...ranges: Range[]): Range | undefined {
	const low = Math.max(...ranges.map((range) => range.low));
	const high = Math.min(...ranges.map((range) => range.high));
	return low <= high ? {low, high} : undefined;
}

function clamp(value: number, range: Range): number {
	return Math.min(range.high, Math.max(range.low, value));
}
