import {concatBytes, latin1} from '../../input/text.js';
/**
 * The structure of a JPEG file, read from its markers without decoding: which segments it has,
 * its comments, its quantisation tables and what they say about the software that wrote it.
 */

export interface QuantTable {
	readonly id: number;
	/** 64 values in zig-zag order, as stored. */
	readonly values: readonly number[];
}

export interface QualityEstimate {
	/** The IJG quality (1–100) whose scaled standard table is closest to the file's luminance table. */
	readonly quality: number;
	/** True when the file's tables are exactly the IJG standard tables scaled to that quality. */
	readonly standardTables: boolean;
	/** Mean absolute difference from the closest scaled standard table (0 when standard). */
	readonly distance: number;
}

export interface JpegStructure {
	/** Marker names in file order up to the first scan (APP0, APP1, COM, DQT, SOF0, DHT, SOS…), at most `MAX_LISTED` of them. */
	readonly segments: readonly string[];
	/** The distinct comments, at most `MAX_LISTED`, each at most `MAX_COMMENT` characters. */
	readonly comments: readonly string[];
	/** Every COM segment in the file, repeated ones included. */
	readonly commentCount: number;
	/** Every marker segment in the file, up to the end of the image. */
	readonly segmentCount: number;
	/** Scans (SOS) in the whole file: 1 for a baseline JPEG, about 10 for a progressive one. */
	readonly scans: number;
	/** Bytes of extended XMP (APP1 "xmp/extension" segments): Adobe's overflow for XMP above 64 KB. */
	readonly xmpExtensionBytes: number;
	/** How the frame is coded (its SOF marker): baseline, extended or progressive Huffman; or one that browsers do not decode. */
	readonly coding: JpegCoding;
	readonly app1: {readonly exif: boolean; readonly xmp: boolean};
	/** APP13 "Photoshop 3.0" image resource blocks (IPTC or Photoshop's own). */
	readonly photoshopIrb: boolean;
	/** APP14 "Adobe" segment. */
	readonly adobeApp14: boolean;
	readonly jfif: boolean;
	readonly iccProfile: boolean;
	readonly progressive: boolean;
	readonly quantTables: readonly QuantTable[];
	readonly quality?: QualityEstimate;
	/** Bytes after the end-of-image marker (phones append data there; so do some editors). */
	readonly trailingBytes: number;
}

/** The IJG (libjpeg) standard tables, in zig-zag order (JPEG standard, Annex K). */
export const IJG_LUMINANCE = [
	16, 11, 12, 14, 12, 10, 16, 14, 13, 14, 18, 17, 16, 19, 24, 40, 26, 24, 22, 22, 24, 49, 35, 37, 29, 40, 58, 51, 61, 60, 57, 51, 56, 55, 64, 72, 92, 78, 64,
	68, 87, 69, 55, 56, 80, 109, 81, 87, 95, 98, 103, 104, 103, 62, 77, 113, 121, 112, 100, 120, 92, 101, 103, 99,
];
const IJG_CHROMINANCE = [
	17, 18, 18, 24, 21, 24, 47, 26, 26, 47, 99, 66, 56, 66, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
	99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
];

/** libjpeg's jpeg_quality_scaling and table scaling (baseline: values clamped to 1–255). */
export function ijgTable(base: readonly number[], quality: number): number[] {
	const scale = quality < 50 ? Math.floor(5000 / quality) : 200 - quality * 2;
	return base.map((value) => Math.min(255, Math.max(1, Math.floor((value * scale + 50) / 100))));
}

export function estimateQuality(tables: readonly QuantTable[]): QualityEstimate | undefined {
	const luminance = tables.find((table) => table.id === 0) ?? tables[0];
	if (!luminance) return undefined;
	const chrominance = tables.find((table) => table.id === 1);
	let best: QualityEstimate | undefined;
	for (let quality = 1; quality <= 100; quality++) {
		const distance = meanAbsDifference(luminance.values, ijgTable(IJG_LUMINANCE, quality));
		const chromaDistance = chrominance ? meanAbsDifference(chrominance.values, ijgTable(IJG_CHROMINANCE, quality)) : 0;
		const total = distance + chromaDistance;
		if (!best || total < best.distance) best = {quality, standardTables: total === 0, distance: total};
	}
	return best && {...best, distance: Math.round(best.distance * 100) / 100};
}

function meanAbsDifference(a: readonly number[], b: readonly number[]): number {
	let sum = 0;
	for (let index = 0; index < 64; index++) sum += Math.abs((a[index] ?? 0) - (b[index] ?? 0));
	return sum / 64;
}

export type JpegCoding = 'baseline' | 'extended' | 'progressive' | 'lossless' | 'hierarchical' | 'arithmetic' | 'unknown';

/** The coding of each start-of-frame marker (ITU T.81, table B.1). */
const CODINGS: Record<number, JpegCoding> = {
	0xc0: 'baseline',
	0xc1: 'extended',
	0xc2: 'progressive',
	0xc3: 'lossless',
	0xc5: 'hierarchical',
	0xc6: 'hierarchical',
	0xc7: 'hierarchical',
	0xc9: 'arithmetic',
	0xca: 'arithmetic',
	0xcb: 'arithmetic',
	0xcd: 'arithmetic',
	0xce: 'arithmetic',
	0xcf: 'arithmetic',
};

/** How many segment names and distinct comments are kept: a report lists a few and counts the rest. */
export const MAX_LISTED = 32;
/** The longest comment kept, in characters. */
export const MAX_COMMENT = 200;

const markerNames: Record<number, string> = {
	0xc0: 'SOF0',
	0xc1: 'SOF1',
	0xc2: 'SOF2',
	0xc3: 'SOF3',
	0xc4: 'DHT',
	0xcc: 'DAC',
	0xda: 'SOS',
	0xdb: 'DQT',
	0xdd: 'DRI',
	0xfe: 'COM',
};

function markerName(marker: number): string {
	if (marker >= 0xe0 && marker <= 0xef) return `APP${marker - 0xe0}`;
	return markerNames[marker] ?? `0x${marker.toString(16)}`;
}

/**
 * Walk every marker of the file: the segments before the first scan in detail, then each scan's
 * entropy-coded data is skipped to the next marker, so that scans are counted whatever their number.
 * Linear in the file's size and bounded: never reads outside the buffer, stops at the first malformed
 * length.
 */
export function parseJpegStructure(bytes: Uint8Array): JpegStructure | undefined {
	if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const text = (start: number, end: number) => latin1(bytes, start, end);

	const segments: string[] = [];
	const comments = new Set<string>();
	const quantTables: QuantTable[] = [];
	let commentCount = 0;
	let xmpExtensionBytes = 0;
	let segmentCount = 0;
	let scans = 0;
	let coding: JpegCoding = 'unknown';
	let exif = false;
	let xmp = false;
	let photoshopIrb = false;
	let adobeApp14 = false;
	let jfif = false;
	let iccProfile = false;

	let offset = 2;
	while (offset + 4 <= bytes.length) {
		if (bytes[offset] !== 0xff) break;
		const marker = bytes[offset + 1]!;
		if (marker === 0xff) {
			offset++; // fill byte
			continue;
		}
		if (marker === 0xd9) {
			if (scans === 0) segments.push('EOI');
			break;
		}
		if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
			offset += 2;
			continue;
		}
		const length = view.getUint16(offset + 2);
		const start = offset + 4;
		const end = offset + 2 + length;
		if (length < 2 || end > bytes.length) break;
		segmentCount++;
		if (scans === 0 && segments.length < MAX_LISTED) segments.push(markerName(marker));

		if (marker === 0xfe) {
			commentCount++;
			if (comments.size < MAX_LISTED)
				comments.add(
					text(start, Math.min(end, start + MAX_COMMENT))
						.replace(/\0+$/, '')
						.trim(),
				);
		} else if (scans === 0) {
			if (marker === 0xe0 && text(start, Math.min(end, start + 5)) === 'JFIF\0') jfif = true;
			else if (marker === 0xe1) {
				const head = text(start, Math.min(end, start + 29));
				if (head.startsWith('Exif\0')) exif = true;
				else if (head.startsWith('http://ns.adobe.com/xap/1.0/')) xmp = true;
				else if (head.startsWith(XMP_EXTENSION.slice(0, 29))) xmpExtensionBytes += length - 2;
			} else if (marker === 0xe2 && text(start, Math.min(end, start + 12)) === 'ICC_PROFILE\0') iccProfile = true;
			else if (marker === 0xed && text(start, Math.min(end, start + 14)).startsWith('Photoshop 3.0')) photoshopIrb = true;
			else if (marker === 0xee && text(start, Math.min(end, start + 5)) === 'Adobe') adobeApp14 = true;
			else if (CODINGS[marker] && coding === 'unknown') coding = CODINGS[marker];
			else if (marker === 0xdb && quantTables.length < 4) readQuantTables(bytes, start, end, quantTables);
		}

		offset = end;
		if (marker === 0xda) {
			scans++;
			offset = nextMarker(bytes, end);
		}
	}

	return {
		segments,
		comments: [...comments].filter(Boolean),
		commentCount,
		segmentCount,
		xmpExtensionBytes,
		scans,
		coding,
		app1: {exif, xmp},
		photoshopIrb,
		adobeApp14,
		jfif,
		iccProfile,
		progressive: coding === 'progressive',
		quantTables,
		...(quantTables.length > 0 ? {quality: estimateQuality(quantTables)} : {}),
		trailingBytes: trailingBytesAfterEoi(bytes),
	};
}

const XMP_EXTENSION = 'http://ns.adobe.com/xmp/extension/\0';

/**
 * The file without its extended-XMP segments, for the metadata parser: some megabytes of XMP can
 * cost hundreds of megabytes to parse, and a photo's own metadata fits in the main packet.
 */
export function withoutXmpExtension(bytes: Uint8Array): Uint8Array {
	const kept: Uint8Array[] = [bytes.subarray(0, 2)];
	let offset = 2;
	while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
		const marker = bytes[offset + 1]!;
		if (marker === 0xda || marker === 0xd9) break;
		const end = offset + 2 + ((bytes[offset + 2]! << 8) | bytes[offset + 3]!);
		if (end > bytes.length) break;
		const extension = marker === 0xe1 && latin1(bytes, offset + 4, offset + 4 + Math.min(35, end - offset - 4)) === XMP_EXTENSION;
		if (!extension) kept.push(bytes.subarray(offset, end));
		offset = end;
	}
	kept.push(bytes.subarray(offset));
	return concatBytes(kept);
}

/** The offset of the next marker after entropy-coded data: an FF not followed by 00 (stuffing) or a restart marker. */
function nextMarker(bytes: Uint8Array, from: number): number {
	let index = from;
	for (;;) {
		index = bytes.indexOf(0xff, index);
		if (index < 0 || index + 1 >= bytes.length) return bytes.length;
		const next = bytes[index + 1]!;
		if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
			index += next === 0xff ? 1 : 2;
			continue;
		}
		return index;
	}
}

function readQuantTables(bytes: Uint8Array, start: number, end: number, into: QuantTable[]): void {
	let offset = start;
	while (offset < end) {
		const precision = bytes[offset]! >> 4;
		const id = bytes[offset]! & 0x0f;
		const size = precision === 0 ? 64 : 128;
		if (offset + 1 + size > end) return;
		const values: number[] = [];
		for (let index = 0; index < 64; index++) {
			values.push(precision === 0 ? bytes[offset + 1 + index]! : (bytes[offset + 1 + index * 2]! << 8) | bytes[offset + 2 + index * 2]!);
		}
		into.push({id, values});
		offset += 1 + size;
	}
}

/** Bytes after the last FF D9; 0 when the file ends with it (or has none, which the decoder reports). */
function trailingBytesAfterEoi(bytes: Uint8Array): number {
	// The last EOI: scanning back is bounded by the file, and cheap as EOI is near the end.
	for (let index = bytes.length - 2; index >= 2; index--) {
		if (bytes[index] === 0xff && bytes[index + 1] === 0xd9) return bytes.length - index - 2;
	}
	return 0;
}
