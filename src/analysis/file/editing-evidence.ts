import {toInstant} from './capture-date.js';
import {matchEditor, matchLibrary} from './editors.js';
import type {JpegStructure} from './jpeg-structure.js';
import type {PhotoMetadata} from './metadata.js';

/**
 * One sign that a photo was edited. `strong` signs name an editor or show compositing; `weak`
 * ones are consistent with editing but also with an honest pipeline (no camera data, a library).
 */
export interface Evidence {
	readonly strength: 'strong' | 'weak';
	/** Stable key for `measured` and for tests. */
	readonly key: string;
	/** For the message: "written by Adobe Photoshop 25.1". */
	readonly text: string;
	/** An editor was named by the file (its status follows the profile's `namedEditor` policy). */
	readonly namedEditor?: boolean;
}

const IMAGE_FILE = /[\w.-]+\.(?:jpe?g|png|tiff?|heic|webp|bmp|psd)\b/gi;

/** Evidence from what the file says about itself and from its JPEG structure. */
export function metadataEvidence(metadata: PhotoMetadata, jpeg: JpegStructure | null): Evidence[] {
	const evidence: Evidence[] = [];
	const named = new Set<string>();
	const sources: Array<[string, string | undefined]> = [
		['EXIF Software', metadata.software],
		['XMP CreatorTool', metadata.creatorTool],
		...metadata.history.map((event): [string, string | undefined] => ['XMP history', event.softwareAgent]),
		...(jpeg?.comments ?? []).map((comment): [string, string | undefined] => ['JPEG comment', comment]),
	];
	for (const [where, value] of sources) {
		if (!value) continue;
		const editor = matchEditor(value);
		if (editor && !named.has(editor.name)) {
			named.add(editor.name);
			const what = editor.kind === 'retouching' ? 'a retouching app' : editor.kind === 'ai' ? 'an AI image generator' : 'a photo editor';
			evidence.push({strength: 'strong', key: 'editor', namedEditor: true, text: `${where} names ${what}: "${truncate(value)}"`});
		}
	}

	const edits = metadata.history.filter((event) => event.action !== 'created');
	if (edits.length > 0) {
		const counts = new Map<string, number>();
		for (const event of edits) counts.set(event.action, (counts.get(event.action) ?? 0) + 1);
		const all =
			metadata.historyCount > metadata.history.length
				? ` (the first ${metadata.history.length} of ${metadata.historyCount.toLocaleString('en-US')} events)`
				: '';
		const summary = `${[...counts].map(([action, count]) => `${count} ${action}`).join(', ')}${all}`;
		evidence.push({strength: named.size > 0 ? 'strong' : 'weak', key: 'history', text: `XMP edit history: ${summary}`});
	}

	if (metadata.ancestors > 0) {
		evidence.push({strength: 'strong', key: 'ancestors', text: `the file records ${metadata.ancestors} other document(s) pasted into it`});
	}

	const sourceFiles = new Set(metadata.descriptions.flatMap((description) => description.match(IMAGE_FILE) ?? []).map((file) => file.toLowerCase()));
	if (sourceFiles.size >= 3) {
		evidence.push({strength: 'strong', key: 'sources', text: `its description lists ${sourceFiles.size} source images (a composite)`});
	}

	// One item per library, however many comments name it (a file can repeat a comment millions of times).
	const libraries = new Map<string, string>();
	for (const comment of jpeg?.comments ?? []) {
		const library = matchLibrary(comment);
		if (library && !libraries.has(library.name)) libraries.set(library.name, comment);
	}
	for (const [name, comment] of libraries) {
		const repeated = jpeg && jpeg.commentCount > 1 ? `; ${jpeg.commentCount.toLocaleString('en-US')} comments in all` : '';
		evidence.push({strength: 'weak', key: 'library', text: `written by ${name} ("${truncate(comment)}"${repeated})`});
	}
	const softwareLibrary = metadata.software ? matchLibrary(metadata.software) : undefined;
	if (softwareLibrary) evidence.push({strength: 'weak', key: 'library', text: `written by ${softwareLibrary.name}`});

	if (jpeg?.photoshopIrb && named.size === 0) evidence.push({strength: 'weak', key: 'app13', text: 'a Photoshop/IPTC (APP13) segment'});
	if (jpeg?.adobeApp14 && named.size === 0) evidence.push({strength: 'weak', key: 'app14', text: 'an Adobe (APP14) segment'});

	const original = metadata.dates.exifDateTimeOriginal;
	const modified = metadata.dates.exifModifyDate;
	if (original && modified) {
		const minutes = (toInstant(modified) - toInstant(original)) / 60_000;
		// Cameras write both at capture; a later ModifyDate means a program saved the file again.
		if (minutes > 1) evidence.push({strength: 'weak', key: 'modified', text: `modified ${describeDelay(minutes)} after it was taken`});
	}

	if (!metadata.make && !metadata.model) {
		const tables = jpeg?.quality
			? `; ${jpeg.quality.standardTables ? 'standard libjpeg tables' : 'quantisation tables close to libjpeg'} at quality ${jpeg.quality.quality}`
			: '';
		evidence.push({strength: 'weak', key: 'no-camera', text: `no camera data (make and model absent)${tables}`});
	}
	return evidence;
}

function truncate(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

function describeDelay(minutes: number): string {
	if (minutes < 120) return `${Math.round(minutes)} minutes`;
	if (minutes < 48 * 60) return `${Math.round(minutes / 60)} hours`;
	return `${Math.round(minutes / 1440)} days`;
}
