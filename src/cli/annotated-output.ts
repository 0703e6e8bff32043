import {mkdir, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {renderAnnotatedPng} from '../report/annotate-png.js';
import {renderHtml} from '../report/html.js';
import type {PhotoReport} from '../report/schema.js';
import {UsageError} from './args.js';
import type {CliInput} from './inputs.js';
import {checkAnnotateFolder, checkHtmlDestination, madeByUs, namedInputs, resolvedPath} from './output-guard.js';

/** The longest side of the pictures by default: large enough to judge in the HTML (1:1 for a photo of the minimum size), small PNGs. */
export const HTML_PICTURE_SIZE = 1000;
const PNG_SIZE = 480;

export interface OutputSafety {
	/** What the command line names: no output is written over one of these. */
	inputs: readonly CliInput[];
	/** Write over existing files this command did not make (`--force`); never over an input. */
	force: boolean;
}

/**
 * `--html <file>` and `--annotate <dir>`: the pictures of a run. PNGs are written as each photo
 * finishes; the HTML once all have, in input order. Nothing is written over an input, nor over
 * a file this command did not make (unless `force`); a PNG refused is said on stderr and counted.
 */
export class AnnotatedOutput {
	readonly #reports: PhotoReport[] = [];
	readonly #pngNames: string[] = [];
	readonly #taken = new Set<string>();
	/** Outputs not written because a file of their name was there: the run exits 2. */
	refused = 0;

	private constructor(
		private readonly html: string | undefined,
		private readonly folder: string | undefined,
		private readonly pngSize: number,
		private readonly inputFiles: ReadonlySet<string>,
		private readonly force: boolean,
		/** Folders the walk must not enter (the annotation folder, wherever it sits): outputs are never read as inputs. */
		readonly skipFolders: ReadonlySet<string>,
	) {}

	/** Checks the destinations first, so a long run neither ends on an unwritable path nor destroys a file. */
	static async open(
		html: string | undefined,
		folder: string | undefined,
		pictureSize: number | undefined,
		safety: OutputSafety,
	): Promise<AnnotatedOutput | undefined> {
		if (html === undefined && folder === undefined) return undefined;
		const inputs = await namedInputs(safety.inputs);
		if (html !== undefined) {
			const parent = path.dirname(path.resolve(html));
			if (!(await isFolder(parent))) throw new UsageError(`--html: the folder "${parent}" does not exist`);
			await checkHtmlDestination(html, inputs, safety.force);
		}
		const skipFolders = new Set<string>();
		if (folder !== undefined) {
			skipFolders.add(await checkAnnotateFolder(folder, inputs));
			try {
				await mkdir(folder, {recursive: true});
			} catch (error) {
				throw new UsageError(`--annotate: cannot create the folder "${folder}": ${(error as Error).message}`);
			}
			// Made now: its real path may differ from the one worked out before (a link among its parents).
			skipFolders.add(await resolvedPath(folder));
		}
		return new AnnotatedOutput(html, folder, pictureSize ?? PNG_SIZE, inputs.files, safety.force, skipFolders);
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
		if (png) await this.#writePng(path.join(this.folder, name), png, report.source ?? name);
		else process.stderr.write(`photo-requirements: no annotated picture for ${report.source ?? name}: the photo could not be decoded\n`);
	}

	async #writePng(file: string, png: Buffer, source: string): Promise<void> {
		const refuse = (why: string) => {
			this.refused++;
			process.stderr.write(`photo-requirements: --annotate: not writing "${file}" for ${source}: ${why}\n`);
		};
		if (this.inputFiles.has(await resolvedPath(file))) return refuse('it is one of the photos to check');
		try {
			// Exclusive: a file that appears by this name is looked at before anything is written over it.
			await writeFile(file, png, {flag: 'wx'});
			return;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		if (!this.force && !(await madeByUs(file, 'png')))
			return refuse('a file of that name exists that photo-requirements did not make (move it, or give --force)');
		await writeFile(file, png);
	}

	async finish(): Promise<void> {
		if (this.html === undefined || this.#reports.length === 0) return;
		// Looked at again: a file may have been put there while the photos were checked.
		if (!this.force && (await isFile(this.html)) && !(await madeByUs(this.html, 'html'))) {
			this.refused++;
			process.stderr.write(
				`photo-requirements: --html: not writing "${this.html}": a file that photo-requirements did not make appeared there during the run (move it, or give --force)\n`,
			);
			return;
		}
		await writeFile(this.html, renderHtml(this.#reports, {generated: new Date()}));
	}
}

async function isFolder(file: string): Promise<boolean> {
	return stat(file).then(
		(info) => info.isDirectory(),
		() => false,
	);
}

async function isFile(file: string): Promise<boolean> {
	return stat(file).then(
		() => true,
		() => false,
	);
}

/** A report for stdout: the pictures asked for by --html or --annotate go to their files, not into the JSON. */
export function withoutAnnotations(report: PhotoReport): PhotoReport {
	const {annotations: _annotations, ...rest} = report;
	return rest;
}
