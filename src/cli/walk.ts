import {opendir, realpath, stat} from 'node:fs/promises';
import path from 'node:path';
import type {PhotoFile} from '../input/read.js';

/** Extensions of the files taken from a folder: the accepted formats, and image formats a person may have saved by mistake. */
export const FOLDER_EXTENSIONS = new Set(['jpg', 'jpeg', 'jpe', 'jfif', 'png', 'gif', 'webp', 'tif', 'tiff', 'heic', 'heif', 'avif', 'bmp']);

/**
 * The files named on the command line, with folders walked recursively and lazily, each folder's
 * files then subfolders in name order (byte order, as `LC_ALL=C ls`): one folder's names are held
 * at a time, never the tree's. A named file is always taken, whatever its extension; a path that does not exist is passed on so that its report says so. Folders whose
 * real path is in `skipFolders` are not entered.
 */
export async function* walkPaths(paths: readonly string[], skipFolders: ReadonlySet<string> = new Set()): AsyncGenerator<string | PhotoFile> {
	for (const entry of paths) {
		let isDirectory = false;
		try {
			isDirectory = (await stat(entry)).isDirectory();
		} catch {
			// Reported by the validator as unreadable.
		}
		if (isDirectory) yield* walkFolder(entry, skipFolders);
		else yield entry;
	}
}

async function* walkFolder(folder: string, skipFolders: ReadonlySet<string>, visited = new Set<string>()): AsyncGenerator<string | PhotoFile> {
	// A folder reached twice (a symbolic link back up the tree) is walked once: no loop. A folder
	// this run writes into (--annotate) is not walked: its output is never read as a photo.
	const real = await realpath(folder).catch(() => folder);
	if (visited.has(real) || skipFolders.has(real)) return;
	visited.add(real);
	// Names as raw bytes: one that is not valid UTF-8 has no string form that opens it.
	const directory = await opendir(folder, {encoding: 'buffer'} as unknown as {encoding: 'utf8'});
	const subfolders: string[] = [];
	// In name order, not the file system's: one folder's names (a few MB for a hundred thousand).
	const files: (string | PhotoFile)[] = [];
	for await (const dirent of directory) {
		const raw = dirent.name as unknown as Buffer;
		const name = raw.toString('utf8');
		if (name.startsWith('.')) continue;
		const utf8 = Buffer.from(name, 'utf8').equals(raw);
		const fsPath = utf8 ? path.join(folder, name) : Buffer.concat([Buffer.from(path.join(folder, '/')), raw]);
		// A symbolic link counts as what it points to; a dangling one is passed on, so its report says so.
		const kind = dirent.isSymbolicLink()
			? await stat(fsPath).then(
					(target) => (target.isDirectory() ? 'folder' : target.isFile() ? 'file' : 'other'),
					() => 'file',
				)
			: dirent.isDirectory()
				? 'folder'
				: dirent.isFile()
					? 'file'
					: 'other';
		// A folder whose name is not UTF-8 is skipped (a folder path is a string here); its files are not reached.
		if (kind === 'folder' && utf8) subfolders.push(fsPath as string);
		else if (kind === 'file' && FOLDER_EXTENSIONS.has(path.extname(name).slice(1).toLowerCase())) files.push(utf8 ? (fsPath as string) : {path: fsPath});
	}
	yield* files.sort(byName);
	for (const subfolder of subfolders.sort(byName)) yield* walkFolder(subfolder, skipFolders, visited);
}

function byName(a: string | PhotoFile, b: string | PhotoFile): number {
	return Buffer.compare(Buffer.from(typeof a === 'string' ? a : a.path), Buffer.from(typeof b === 'string' ? b : b.path));
}
