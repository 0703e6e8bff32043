import {mkdir, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {renderAnnotatedPng} from '../report/annotate-png.js';
import {renderHtml} from '../report/html.js';
import type {PhotoReport} from '../report/schema.js';
import {UsageError} from './args.js';

/** The longest side of the pictures by default: large enough to judge in the HTML (1:1 for a photo of the minimum size), small PNGs. */
export const HTML_PICTURE_SIZE = 1000;
const PNG_SIZE = 480;

/**
 * `--html <file>` and `--annotate <dir>`: the pictures of a run. PNGs are written as each photo
 * finishes; the HTML once all have, in input order.
 */
export class AnnotatedOutput {
	readonly #reports: PhotoReport[] = [];
	readonly #pngNames: string[] = [];
	readonly #taken = new Set<string>();

	private constructor(
		private readonly html: string | undefined,
		private readonly folder: string | undefined,
		private readonly pngSize: number,
	) {}

	/** Checks the destinations first, so a long run does not end on an unwritable path. */
	static async open(html: string | undefined, folder: string | undefined, pictureSize?: number): Promise<AnnotatedOutput | undefined> {
		if (html === undefined && folder === undefined) return undefined;
		if (html !== undefined) {
			const parent = path.dirname(path.resolve(html));
			const info = await stat(parent).catch(() => undefined);
			if (!info?.isDirectory()) throw new UsageError(`--html: the folder "${parent}" does not exist`);
		}
		if (folder !== undefined) {
			try {
				await mkdir(folder, {recursive: true});
			} catch (error) {
				throw new UsageError(`--annotate: cannot create the folder "${folder}": ${(error as Error).message}`);
			}
		}
		return new AnnotatedOutput(html, folder, pictureSize ?? PNG_SIZE);
	}

	/** Call for each input file in input order: picks its PNG's name (`photo.png`, then `photo-2.png` for a second `photo.jpg`). */
	name(file: string): void {
		const stem = path.basename(file, path.extname(file)) || 'photo';
		let name = `${stem}.png`;
		for (let n = 2; this.#taken.has(name.toLowerCase()); n++) name = `${stem}-${n}.png`;
		this.#taken.add(name.toLowerCase());
		this.#pngNames.push(name);
	}

	async add(index: number, report: PhotoReport): Promise<void> {
		if (this.html !== undefined) this.#reports[index] = report;
		if (this.folder === undefined) return;
		const png = await renderAnnotatedPng(report, {size: this.pngSize});
		const name = this.#pngNames[index] ?? `photo-${index + 1}.png`;
		if (png) await writeFile(path.join(this.folder, name), png);
		else process.stderr.write(`photo-requirements: no annotated picture for ${report.source ?? name}: the photo could not be decoded\n`);
	}

	async finish(): Promise<void> {
		if (this.html === undefined || this.#reports.length === 0) return;
		await writeFile(this.html, renderHtml(this.#reports, {generated: new Date()}));
	}
}

/** A report for stdout: the pictures asked for by --html or --annotate go to their files, not into the JSON. */
export function withoutAnnotations(report: PhotoReport): PhotoReport {
	const {annotations: _annotations, ...rest} = report;
	return rest;
}
