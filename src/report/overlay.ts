import type {PhotoReport, Status} from './schema.js';

/** Colours of the marks, shared by the HTML legend and the PNG; the eye colour is probed by the browser test. */
export const MARK_COLOURS = {
	face: '#38bdf8',
	eyeLine: '#facc15',
	eye: '#ff2bd6',
	chinCrown: '#fb923c',
	centre: '#6366f1',
	glare: '#ef4444',
	crop: '#22c55e',
	background: '#e5484d',
} as const;

/** Tints by the status of the check a region belongs to. */
const STATUS_TINTS: Record<Status | 'none', {colour: string; opacity: number}> = {
	fail: {colour: '#e5484d', opacity: 0.45},
	warn: {colour: '#f5a524', opacity: 0.35},
	pass: {colour: '#1fb5a8', opacity: 0.15},
	skip: {colour: '#94a3b8', opacity: 0.15},
	none: {colour: '#94a3b8', opacity: 0.15},
};

export interface OverlayOptions {
	/** A prefix for the ids inside the SVG, unique in the document that holds it. */
	idPrefix?: string;
	/** Draw the thumbnail under the marks (the HTML does; the PNG composites the marks over it). */
	photo?: boolean;
	/** Put picture URLs in `data-href`, for a script to load when the photo scrolls into view. */
	lazy?: boolean;
	/** Pixel size of the SVG element (the PNG's); without it the SVG scales to its container. */
	size?: {width: number; height: number};
}

/** Only base64 image data URLs pass into an attribute: anything else in a report is dropped. */
const SAFE_DATA_URL = /^data:image\/(?:jpeg|png|webp);base64,[A-Za-z0-9+/]+=*$/;

export function safeDataUrl(url: string | undefined): string | undefined {
	return url !== undefined && SAFE_DATA_URL.test(url) ? url : undefined;
}

/** The size the marks are drawn in: the photo as displayed, or else the thumbnail. */
export function overlaySize(report: PhotoReport): {width: number; height: number} | undefined {
	if (report.image && report.image.width > 0 && report.image.height > 0) return {width: report.image.width, height: report.image.height};
	const thumbnail = report.annotations?.thumbnail;
	return thumbnail ? {width: thumbnail.width, height: thumbnail.height} : undefined;
}

/**
 * The annotated photo as one SVG whose viewBox is the photo's size in pixels, so the report's
 * coordinates are drawn as they are, in three layers a page can switch off (`data-layer`): the
 * background region's outline (`background`: outlined, so its colour can still be judged; red when
 * the background check fails), the marks (`marks`: the head-height band where the chin should fall,
 * the centre lines, the face box, chin and crown, glare spots, the eye line and the eyes) and the
 * suggested crop (`crop`). The photo itself is `#<idPrefix>-photo`, for a page to reuse (the crop
 * preview), and `data-width` the width of its picture (the page's 1:1 view). Undefined when there is nothing to draw on.
 */
export function overlaySvg(report: PhotoReport, options: OverlayOptions = {}): string | undefined {
	const size = overlaySize(report);
	if (!size) return undefined;
	const {width: W, height: H} = size;
	const id = options.idPrefix ?? 'pr';
	const unit = Math.max(W, H) / 480; // one thumbnail pixel, in image pixels
	const stroke = n(1.5 * unit);
	const status = (checkId: string): Status | 'none' => report.checks.find((check) => check.id === checkId)?.status ?? 'none';
	const href = (url: string): string => `${options.lazy ? 'data-href' : 'href'}="${url}"`;
	const parts: string[] = [];

	const thumbnail = safeDataUrl(report.annotations?.thumbnail?.dataUrl);
	if (options.photo && thumbnail) {
		parts.push(`<image class="pr-photo" id="${id}-photo" ${href(thumbnail)} x="0" y="0" width="${W}" height="${H}" preserveAspectRatio="none"/>`);
	}

	const mask = safeDataUrl(report.annotations?.backgroundMask?.dataUrl);
	if (mask) {
		// The mask's edge: its white part as alpha, less that part shrunk, filled with the status colour.
		const backgroundStatus = status('background-white');
		const colour = backgroundStatus === 'fail' ? MARK_COLOURS.background : STATUS_TINTS[backgroundStatus].colour;
		parts.push(
			`<g data-layer="background"><filter id="${id}-edge" filterUnits="userSpaceOnUse" x="0" y="0" width="${W}" height="${H}" color-interpolation-filters="sRGB">` +
				`<feColorMatrix in="SourceGraphic" type="luminanceToAlpha" result="region"/><feMorphology in="region" operator="erode" radius="${n(2 * unit)}" result="inside"/>` +
				`<feComposite in="region" in2="inside" operator="out" result="edge"/><feFlood flood-color="${colour}"/><feComposite in2="edge" operator="in"/></filter>` +
				`<image class="pr-bg" data-status="${backgroundStatus}" ${href(mask)} x="0" y="0" width="${W}" height="${H}" preserveAspectRatio="none" filter="url(#${id}-edge)"><title>Background region, outlined (background check: ${backgroundStatus})</title></image></g>`,
		);
	}

	parts.push('<g data-layer="marks">');
	const face = report.face;
	const dash = `${n(6 * unit)} ${n(4 * unit)}`;
	parts.push(
		`<line class="pr-centre" x1="${n(W / 2)}" y1="0" x2="${n(W / 2)}" y2="${H}" stroke="${MARK_COLOURS.centre}" stroke-width="${stroke}" stroke-dasharray="${dash}" stroke-opacity="0.8"><title>Middle of the photo</title></line>`,
	);
	if (face && finite(face.box.x, face.box.y, face.box.width, face.box.height, face.crown[1], face.chin[1], face.centreX)) {
		const {box} = face;
		const headSize = report.checks.find((check) => check.id === 'head-size');
		// The band the report's own limits give; a report without them (head-size not run) draws none.
		const minRatio = headSize?.limits?.minRatio;
		const maxRatio = headSize?.limits?.maxRatio;
		const band = typeof minRatio === 'number' && typeof maxRatio === 'number' && Number.isFinite(minRatio + maxRatio) ? {minRatio, maxRatio} : undefined;
		const tint = STATUS_TINTS[status('head-size')];
		const bandX = Math.max(0, box.x - box.width * 0.3);
		const bandWidth = Math.min(W, box.x + box.width * 1.3) - bandX;
		const percent = (ratio: number): string => `${(ratio * 100).toFixed(1)} %`;
		parts.push(
			band
				? `<rect class="pr-band" data-status="${status('head-size')}" x="${n(bandX)}" y="${n(face.crown[1] + band.minRatio * H)}" width="${n(bandWidth)}" height="${n((band.maxRatio - band.minRatio) * H)}" fill="${tint.colour}" fill-opacity="${Math.max(0.25, tint.opacity)}" stroke="${tint.colour}" stroke-width="${stroke}" stroke-dasharray="${dash}"><title>Where the chin must be for a head of ${percent(band.minRatio)}–${percent(band.maxRatio)} of the height (measured: ${percent(face.headHeightRatio)})</title></rect>`
				: '',
			`<line class="pr-face-centre" x1="${n(face.centreX * W)}" y1="${n(box.y)}" x2="${n(face.centreX * W)}" y2="${n(box.y + box.height)}" stroke="${MARK_COLOURS.centre}" stroke-width="${stroke}"><title>Centre of the face</title></line>`,
			`<rect class="pr-face" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" fill="none" stroke="${MARK_COLOURS.face}" stroke-width="${stroke}"><title>Face</title></rect>`,
			mark('pr-crown', face.crown, box.width * 0.35, 'Crown (top of the head)'),
			mark('pr-chin', face.chin, box.width * 0.35, 'Chin'),
		);
	}

	for (const spot of report.annotations?.glareSpots ?? []) {
		if (!finite(spot.x, spot.y, spot.radius)) continue;
		parts.push(
			`<circle class="pr-glare" cx="${n(spot.x)}" cy="${n(spot.y)}" r="${n(Math.max(spot.radius, 3 * unit))}" fill="none" stroke="${MARK_COLOURS.glare}" stroke-width="${n(2 * unit)}"><title>Glare</title></circle>`,
		);
	}

	if (face && finite(...face.leftEye, ...face.rightEye)) {
		const [lx, ly] = face.leftEye;
		const [rx, ry] = face.rightEye;
		parts.push(
			`<line class="pr-eyeline" x1="${n(lx)}" y1="${n(ly)}" x2="${n(rx)}" y2="${n(ry)}" stroke="${MARK_COLOURS.eyeLine}" stroke-width="${stroke}"><title>Eye line (roll ${n(face.rollDeg)}°)</title></line>`,
			`<circle class="pr-eye" data-eye="left" cx="${n(lx)}" cy="${n(ly)}" r="${n(4 * unit)}" fill="${MARK_COLOURS.eye}" stroke="#000" stroke-width="${n(0.75 * unit)}"><title>Left eye</title></circle>`,
			`<circle class="pr-eye" data-eye="right" cx="${n(rx)}" cy="${n(ry)}" r="${n(4 * unit)}" fill="${MARK_COLOURS.eye}" stroke="#000" stroke-width="${n(0.75 * unit)}"><title>Right eye</title></circle>`,
		);
	}

	parts.push('</g>');

	const crop = report.suggestedCrop;
	if (crop && finite(crop.x, crop.y, crop.width, crop.height)) {
		parts.push(
			`<g data-layer="crop"><rect class="pr-crop" x="${n(crop.x)}" y="${n(crop.y)}" width="${n(crop.width)}" height="${n(crop.height)}" fill="none" stroke="${MARK_COLOURS.crop}" stroke-width="${n(2 * unit)}" stroke-dasharray="${n(10 * unit)} ${n(5 * unit)}"><title>Suggested crop: ${crop.width} × ${crop.height} px from (${crop.x}, ${crop.y})</title></rect></g>`,
		);
	}

	const pixelSize = options.size ? ` width="${options.size.width}" height="${options.size.height}"` : '';
	// With the photo drawn, the width of its picture: what a page shows at one picture pixel per screen pixel.
	const pictureWidth = options.photo && thumbnail && report.annotations?.thumbnail ? ` data-width="${report.annotations.thumbnail.width}"` : '';
	return `<svg class="pr-overlay" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}"${pixelSize}${pictureWidth} preserveAspectRatio="none" role="img" aria-label="The photo with the measurements drawn on it">${parts.join('')}</svg>`;

	/** A horizontal tick at a point, with short vertical ends, for chin and crown. */
	function mark(className: string, [x, y]: [number, number], halfWidth: number, title: string): string {
		const tick = 4 * unit;
		return `<path class="${className}" d="M${n(x - halfWidth)} ${n(y)}H${n(x + halfWidth)}M${n(x - halfWidth)} ${n(y - tick)}V${n(y + tick)}M${n(x + halfWidth)} ${n(y - tick)}V${n(y + tick)}" fill="none" stroke="${MARK_COLOURS.chinCrown}" stroke-width="${n(2 * unit)}"><title>${title}</title></path>`;
	}
}

function n(value: number): string {
	return String(Math.round(value * 10) / 10);
}

function finite(...values: number[]): boolean {
	return values.every(Number.isFinite);
}
