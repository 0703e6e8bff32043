import {open, realpath, stat} from 'node:fs/promises';
import path from 'node:path';
import {HTML_MADE_BY_TAG, PNG_MADE_BY_XMP} from '../report/made-by.js';
import {UsageError} from './args.js';
import type {CliInput} from './inputs.js';
import {FOLDER_EXTENSIONS} from './walk.js';

/** How far into a file its maker's mark is looked for: the HTML's head, the PNG's first chunks. */
const MARK_WITHIN_BYTES = 4096;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type OutputKind = 'html' | 'png';

/** Whether `file` is one this command wrote before (its mark is there): such a file may be written again. */
export async function madeByUs(file: string, kind: OutputKind): Promise<boolean> {
	const handle = await open(file, 'r').catch(() => undefined);
	if (!handle) return false;
	try {
		const head = Buffer.alloc(MARK_WITHIN_BYTES);
		const {bytesRead} = await handle.read(head, 0, head.length, 0);
		const start = head.subarray(0, bytesRead);
		if (kind === 'png') return start.subarray(0, 8).equals(PNG_SIGNATURE) && start.includes(PNG_MADE_BY_XMP);
		return /^<!doctype html>/i.test(start.toString('latin1')) && start.includes(HTML_MADE_BY_TAG);
	} finally {
		await handle.close();
	}
}

/** A path's real location, or its absolute form where it does not exist yet: for comparing outputs with inputs. */
export async function resolvedPath(file: string): Promise<string> {
	return realpath(file).catch(async () => {
		// A file not made yet: its folder's real path and its name.
		const parent = await realpath(path.dirname(path.resolve(file))).catch(() => path.dirname(path.resolve(file)));
		return path.join(parent, path.basename(file));
	});
}

/** `--html <file>` names an image (`--html a.jpg b.jpg` took the photo for the report's name): a usage error before anything is read. */
export function refuseImageAsHtml(html: string): void {
	const extension = path.extname(html).slice(1).toLowerCase();
	if (FOLDER_EXTENSIONS.has(extension)) {
		throw new UsageError(
			`--html writes an HTML report, and "${html}" is the name of an image: it would be written over. Give the report's name first, e.g. --html report.html ${html}`,
		);
	}
}

/** The inputs named on the command line, by real path: files (never written over, even with --force) and folders (no PNG goes among their photos). */
export async function namedInputs(inputs: readonly CliInput[]): Promise<{files: Set<string>; folders: Set<string>}> {
	const files = new Set<string>();
	const folders = new Set<string>();
	for (const input of inputs) {
		if (!('path' in input)) continue;
		const real = await resolvedPath(input.path);
		const info = await stat(real).catch(() => undefined);
		(info?.isDirectory() ? folders : files).add(real);
	}
	return {files, folders};
}

/**
 * Refuses an HTML destination that is an input, a folder, or a file this command did not write
 * (unless `force`): checked before any photo is, so a long run does not end by destroying a file.
 */
export async function checkHtmlDestination(html: string, inputs: {files: Set<string>; folders: Set<string>}, force: boolean): Promise<void> {
	const real = await resolvedPath(html);
	if (inputs.files.has(real)) throw new UsageError(`--html "${html}" is also a photo to check: give the report another name`);
	const info = await stat(real).catch(() => undefined);
	if (!info) return;
	if (info.isDirectory()) throw new UsageError(`--html "${html}" is a folder: give the report's file name, e.g. --html ${path.join(html, 'report.html')}`);
	if (!force && !(await madeByUs(real, 'html'))) {
		throw new UsageError(`--html "${html}" exists and is not a report photo-requirements wrote: not writing over it (move it, or give --force)`);
	}
}

/** Refuses an annotation folder that is also a folder of photos to check: its PNGs would sit among the photos (and `photo.png` replace a photo). */
export async function checkAnnotateFolder(folder: string, inputs: {files: Set<string>; folders: Set<string>}): Promise<string> {
	const real = await resolvedPath(folder);
	if (inputs.folders.has(real)) {
		throw new UsageError(
			`--annotate "${folder}" is also a folder of photos to check: its PNGs would be written among them. Give another folder, e.g. --annotate annotated/`,
		);
	}
	return real;
}
