import exifr from 'exifr';
import {clip} from '../../format.js';
import {decodeText, latin1} from '../../input/text.js';
import {type FileDate, parseExifDate, parseIptcDate, parseIsoDate} from './capture-date.js';

/** What the file says about itself: the tools that wrote it, the camera, the dates and its edit history. */
export interface PhotoMetadata {
	readonly make?: string;
	readonly model?: string;
	/** EXIF Software (IFD0). */
	readonly software?: string;
	/** XMP xmp:CreatorTool. */
	readonly creatorTool?: string;
	/** xmpMM:History events: the first 256 (`historyCount` counts them all). */
	readonly historyCount: number;
	readonly history: ReadonlyArray<{readonly action: string; readonly softwareAgent?: string}>;
	/** photoshop:DocumentAncestors and xmpMM:Ingredients: documents pasted into this one. */
	readonly ancestors: number;
	/** PNG tEXt/iTXt keywords and values (Software, Comment, Description…). */
	readonly pngText: Readonly<Record<string, string>>;
	/** ImageDescription, dc:description and similar free text. */
	readonly descriptions: readonly string[];
	readonly dates: CaptureDates;
	/** Set when the metadata could not be parsed (the file may still be a fine photo). */
	readonly error?: string;
}

/** Candidate capture dates, each from one tag; ModifyDate is kept apart: it is never a capture date. */
export interface CaptureDates {
	readonly exifDateTimeOriginal?: FileDate;
	readonly exifCreateDate?: FileDate;
	readonly xmpDateTimeOriginal?: FileDate;
	readonly xmpCreateDate?: FileDate;
	readonly photoshopDateCreated?: FileDate;
	readonly iptcDateCreated?: FileDate;
	readonly pngTime?: FileDate;
	readonly exifModifyDate?: FileDate;
}

const options = {
	tiff: true,
	exif: true,
	xmp: true,
	iptc: true,
	ihdr: false,
	icc: false,
	jfif: false,
	gps: false,
	interop: false,
	makerNote: false,
	userComment: false,
	reviveValues: false,
	translateValues: false,
	mergeOutput: false,
	silentErrors: true,
} as const;

type Segment = Record<string, unknown>;

/** Edit-history events and PNG text entries kept: the evidence counts them, a report need not list thousands. */
const MAX_HISTORY = 256;
const MAX_PNG_TEXTS = 32;

export async function readMetadata(bytes: Uint8Array): Promise<PhotoMetadata> {
	let parsed: Record<string, Segment | undefined> | undefined;
	let error: string | undefined;
	try {
		parsed = (await exifr.parse(bytes, options)) as typeof parsed;
	} catch (caught) {
		error = caught instanceof Error ? caught.message : String(caught);
	}
	const ifd0 = parsed?.ifd0 ?? {};
	const exif = parsed?.exif ?? {};
	const xmp = parsed?.xmp ?? {};
	const photoshop = parsed?.photoshop ?? {};
	const xmpMM = parsed?.xmpMM ?? {};
	const iptc = parsed?.iptc ?? {};
	const dc = parsed?.dc ?? {};

	const png = readPngChunks(bytes);
	const dates: CaptureDates = compact({
		// exifr merges XMP's exif: namespace into the EXIF segment; its dates are ISO 8601.
		exifDateTimeOriginal: parseExifDate(exif.DateTimeOriginal, exif.OffsetTimeOriginal) ?? parseIsoDate(exif.DateTimeOriginal),
		exifCreateDate:
			parseExifDate(exif.CreateDate ?? exif.DateTimeDigitized, exif.OffsetTimeDigitized) ?? parseIsoDate(exif.CreateDate ?? exif.DateTimeDigitized),
		xmpDateTimeOriginal: parseIsoDate(xmp.DateTimeOriginal),
		xmpCreateDate: parseIsoDate(xmp.CreateDate),
		photoshopDateCreated: parseIsoDate(photoshop.DateCreated),
		iptcDateCreated: parseIptcDate(iptc.DateCreated, iptc.TimeCreated),
		pngTime: png.time,
		exifModifyDate: parseExifDate(ifd0.ModifyDate ?? ifd0.DateTime, exif.OffsetTime),
	});

	return compact({
		make: text(ifd0.Make),
		model: text(ifd0.Model),
		software: text(ifd0.Software) ?? png.text.Software,
		creatorTool: text(xmp.CreatorTool),
		historyCount: list(xmpMM.History).length,
		history: list(xmpMM.History)
			.slice(0, MAX_HISTORY)
			.flatMap((event) =>
				event && typeof event === 'object' && typeof (event as Segment).action === 'string'
					? [compact({action: (event as Segment).action as string, softwareAgent: text((event as Segment).softwareAgent)})]
					: [],
			),
		ancestors: list(photoshop.DocumentAncestors).length + list(xmpMM.Ingredients).length,
		pngText: png.text,
		descriptions: [text(ifd0.ImageDescription), text(dc.description), text(iptc.Caption), png.text.Description, png.text.Comment].filter(
			(value): value is string => Boolean(value),
		),
		dates,
		error,
	}) as PhotoMetadata;
}

/** A string from the metadata, cut to what a report may repeat. */
function text(value: unknown): string | undefined {
	if (typeof value === 'string') return clip(value.replace(/\0+$/, '').trim()) || undefined;
	if (value && typeof value === 'object' && 'value' in value) return text((value as {value: unknown}).value);
	return undefined;
}

function list(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	return value === undefined || value === null ? [] : [value];
}

function compact<T extends Record<string, unknown>>(object: T): T {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/**
 * PNG chunks exifr does not read: tIME (UTC by the PNG spec; it records the last modification) and
 * uncompressed text (tEXt, and iTXt without compression), where editors write "Software".
 */
function readPngChunks(bytes: Uint8Array): {time?: FileDate; text: Record<string, string>} {
	const text: Record<string, string> = {};
	if (bytes.length < 8 || bytes[0] !== 0x89 || bytes[1] !== 0x50) return {text};
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let time: FileDate | undefined;
	let offset = 8;
	// tIME and text may come after IDAT: walk every chunk, by its length, within the file.
	while (offset + 12 <= bytes.length) {
		const length = view.getUint32(offset);
		const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
		const start = offset + 8;
		const end = start + length;
		if (end > bytes.length) break;
		if (type === 'tIME' && length === 7) {
			const year = view.getUint16(start);
			const [month, day, hour, minute, second] = [...bytes.subarray(start + 2, start + 7)] as [number, number, number, number, number];
			const raw = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}Z`;
			time = {year, month, day, hour, minute, second, offsetMinutes: 0, raw};
		} else if ((type === 'tEXt' || type === 'iTXt') && length < 65_536) {
			const chunk = bytes.subarray(start, start + length);
			const separator = chunk.indexOf(0);
			if (separator > 0) {
				const keyword = latin1(chunk, 0, separator);
				if (Object.keys(text).length >= MAX_PNG_TEXTS && !(keyword in text)) {
					// Enough entries kept: the rest are counted by nothing and cost nothing.
				} else if (type === 'tEXt') text[clip(keyword, 80)] = clip(latin1(chunk, separator + 1).trim());
				else if (chunk[separator + 1] === 0) {
					// iTXt: keyword, compression flag, method, language tag, translated keyword, text (UTF-8).
					let cursor = separator + 3;
					for (let field = 0; field < 2; field++) cursor = chunk.indexOf(0, cursor) + 1 || chunk.length;
					text[clip(keyword, 80)] = clip(decodeText(chunk.subarray(cursor), 'utf-8').trim());
				}
			}
		} else if (type === 'IEND') break;
		offset = end + 4;
	}
	return time ? {time, text} : {text};
}

function pad(value: number): string {
	return String(value).padStart(2, '0');
}
