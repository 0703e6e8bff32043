import type {JpegStructure} from './jpeg-structure.js';
import type {PhotoMetadata} from './metadata.js';

/**
 * Scanners and scanning apps that name themselves in a file: a scan is a photo taken from an
 * existing photo. Matched case-insensitively against EXIF Make, Model and Software, XMP
 * CreatorTool and history agents, PNG Software text and JPEG comments. Phone apps that photograph
 * prints (PhotoScan, Photomyne) count: their output is a copy of a print whatever the camera.
 */
export const SCANNERS: ReadonlyArray<{name: string; pattern: RegExp}> = [
	{name: 'Epson Scan', pattern: /epson ?scan/i},
	{name: 'an Epson Perfection or Expression scanner', pattern: /\b(?:perfection|expression) ?v?\d{2,5}|\bgt-\d{3,5}\b/i},
	{name: 'Canon CanoScan', pattern: /canoscan/i},
	{name: 'Canon ScanGear', pattern: /scangear/i},
	{name: 'Canon IJ Scan Utility', pattern: /ij ?scan/i},
	{name: 'Canon MP Navigator', pattern: /mp navigator/i},
	{name: 'Fujitsu ScanSnap', pattern: /scansnap/i},
	{name: 'HP Scan', pattern: /\bhp ?scan|scanjet/i},
	{name: 'Brother ControlCenter', pattern: /controlcenter|iprint ?& ?scan/i},
	{name: 'Plustek OpticFilm/OpticPro', pattern: /plustek|optic(?:film|pro)/i},
	{name: 'VueScan', pattern: /vuescan/i},
	{name: 'SilverFast', pattern: /silverfast/i},
	{name: 'NAPS2', pattern: /\bnaps2\b/i},
	{name: 'XSane / SANE', pattern: /\bx?sane\b/i},
	{name: 'Simple Scan', pattern: /simple[- ]scan/i},
	{name: 'Windows Fax and Scan', pattern: /fax and scan|windows scan/i},
	{name: 'PaperPort', pattern: /paperport/i},
	{name: 'Adobe Scan', pattern: /adobe scan/i},
	{name: 'CamScanner', pattern: /camscanner/i},
	{name: 'Microsoft Lens', pattern: /office lens|microsoft lens/i},
	{name: 'Genius Scan', pattern: /genius ?scan/i},
	{name: 'Scanner Pro', pattern: /scanner pro/i},
	{name: 'Google PhotoScan', pattern: /photoscan/i},
	{name: 'Photomyne', pattern: /photomyne/i},
	{name: 'a scanner', pattern: /\bscanner\b|\bflatbed\b|\bscanned\b/i},
];

export interface NamedScanner {
	/** The scanner or app, in words. */
	readonly name: string;
	/** Where the file names it: "EXIF Software". */
	readonly where: string;
	readonly value: string;
}

/** Every scanner the file names, once each. */
export function namedScanners(metadata: PhotoMetadata, jpeg: JpegStructure | null): NamedScanner[] {
	const sources: Array<[string, string | undefined]> = [
		['EXIF Make', metadata.make],
		['EXIF Model', metadata.model],
		['EXIF Software', metadata.software],
		['XMP CreatorTool', metadata.creatorTool],
		...metadata.history.map((event): [string, string | undefined] => ['XMP history', event.softwareAgent]),
		['PNG Software', metadata.pngText.Software],
		...(jpeg?.comments ?? []).map((comment): [string, string | undefined] => ['JPEG comment', comment]),
	];
	const found = new Map<string, NamedScanner>();
	for (const [where, value] of sources) {
		if (!value) continue;
		const scanner = SCANNERS.find((candidate) => candidate.pattern.test(value));
		if (scanner && !found.has(scanner.name)) found.set(scanner.name, {name: scanner.name, where, value});
	}
	return [...found.values()];
}
