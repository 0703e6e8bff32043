/**
 * Software that names itself in a file's metadata, by what its presence says about the photo.
 * Matched case-insensitively as words against EXIF Software, XMP CreatorTool, xmpMM:History
 * agents, PNG Software text and JPEG comments.
 */

/** Photo editors and retouching or face-changing apps: the photo went through one. */
export const EDITORS: ReadonlyArray<{name: string; pattern: RegExp; kind: 'editor' | 'retouching' | 'ai'}> = [
	{name: 'Adobe Photoshop', pattern: /photoshop(?! express)/i, kind: 'editor'},
	{name: 'Adobe Photoshop Express', pattern: /photoshop express/i, kind: 'editor'},
	{name: 'Adobe Lightroom', pattern: /lightroom/i, kind: 'editor'},
	{name: 'Adobe Camera Raw', pattern: /camera raw/i, kind: 'editor'},
	{name: 'Adobe Firefly', pattern: /firefly/i, kind: 'ai'},
	{name: 'GIMP', pattern: /\bgimp\b/i, kind: 'editor'},
	{name: 'Affinity Photo', pattern: /affinity photo/i, kind: 'editor'},
	{name: 'Pixelmator', pattern: /pixelmator/i, kind: 'editor'},
	{name: 'Paint.NET', pattern: /paint\.net/i, kind: 'editor'},
	{name: 'Capture One', pattern: /capture one/i, kind: 'editor'},
	{name: 'darktable', pattern: /darktable/i, kind: 'editor'},
	{name: 'RawTherapee', pattern: /rawtherapee/i, kind: 'editor'},
	{name: 'DxO PhotoLab', pattern: /\bdxo\b/i, kind: 'editor'},
	{name: 'ON1 Photo', pattern: /\bon1 photo/i, kind: 'editor'},
	{name: 'Luminar', pattern: /luminar/i, kind: 'retouching'},
	{name: 'ACDSee', pattern: /acdsee/i, kind: 'editor'},
	{name: 'Corel PaintShop Pro', pattern: /paintshop|paint shop pro/i, kind: 'editor'},
	{name: 'PhotoScape', pattern: /photoscape/i, kind: 'editor'},
	{name: 'Photopea', pattern: /photopea/i, kind: 'editor'},
	{name: 'Krita', pattern: /\bkrita\b/i, kind: 'editor'},
	{name: 'Picasa', pattern: /picasa/i, kind: 'editor'},
	{name: 'Snapseed', pattern: /snapseed/i, kind: 'editor'},
	{name: 'VSCO', pattern: /\bvsco\b/i, kind: 'editor'},
	{name: 'Canva', pattern: /\bcanva\b/i, kind: 'editor'},
	{name: 'Fotor', pattern: /\bfotor\b/i, kind: 'editor'},
	{name: 'Polarr', pattern: /polarr/i, kind: 'editor'},
	{name: 'PhotoDirector', pattern: /photodirector/i, kind: 'editor'},
	{name: 'PicsArt', pattern: /picsart/i, kind: 'editor'},
	{name: 'Facetune', pattern: /facetune/i, kind: 'retouching'},
	{name: 'FaceApp', pattern: /faceapp/i, kind: 'retouching'},
	{name: 'Remini', pattern: /remini/i, kind: 'retouching'},
	{name: 'Meitu', pattern: /meitu/i, kind: 'retouching'},
	{name: 'BeautyPlus', pattern: /beautyplus/i, kind: 'retouching'},
	{name: 'YouCam', pattern: /youcam/i, kind: 'retouching'},
	{name: 'AirBrush', pattern: /airbrush/i, kind: 'retouching'},
	{name: 'Perfect365', pattern: /perfect365/i, kind: 'retouching'},
	{name: 'PortraitPro', pattern: /portrait ?pro/i, kind: 'retouching'},
	{name: 'Retouch4me', pattern: /retouch4me/i, kind: 'retouching'},
	{name: 'Evoto', pattern: /\bevoto\b/i, kind: 'retouching'},
	{name: 'Lensa', pattern: /\blensa\b/i, kind: 'retouching'},
	{name: 'Topaz', pattern: /\btopaz\b/i, kind: 'retouching'},
	{name: 'FantaMorph', pattern: /fantamorph/i, kind: 'retouching'},
	{name: 'WebMorph / Psychomorph', pattern: /webmorph|psychomorph/i, kind: 'retouching'},
	{name: 'Midjourney', pattern: /midjourney/i, kind: 'ai'},
	{name: 'DALL·E', pattern: /dall[-·]?e/i, kind: 'ai'},
	{name: 'Stable Diffusion', pattern: /stable diffusion/i, kind: 'ai'},
];

/** Image libraries and converters: the file was written by a program, not a camera, but no edit is implied. */
export const LIBRARIES: ReadonlyArray<{name: string; pattern: RegExp}> = [
	{name: 'gd-jpeg (the GD library)', pattern: /gd-jpeg|\blibgd\b/i},
	{name: 'ImageMagick', pattern: /imagemagick/i},
	{name: 'GraphicsMagick', pattern: /graphicsmagick/i},
	{name: 'LEAD Technologies', pattern: /lead technologies/i},
	{name: 'Pillow (Python)', pattern: /\bpillow\b|\bpil\b/i},
	{name: 'FFmpeg', pattern: /\blavc\b|ffmpeg/i},
	{name: 'libvips', pattern: /\bvips\b/i},
	{name: 'JPEGmini (recompressed)', pattern: /jpegmini/i},
	{name: 'a web image optimiser', pattern: /optimi[sz]ed by|tinypng|kraken\.io|squoosh/i},
];

export function matchEditor(text: string): (typeof EDITORS)[number] | undefined {
	return EDITORS.find((editor) => editor.pattern.test(text));
}

export function matchLibrary(text: string): (typeof LIBRARIES)[number] | undefined {
	return LIBRARIES.find((library) => library.pattern.test(text));
}
