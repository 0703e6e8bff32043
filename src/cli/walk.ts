import {opendir, realpath, stat} from 'node:fs/promises';
import path from 'node:path';

/** Extensions of the files taken from a folder: the accepted formats, and image formats a person may have saved by mistake. */
export const FOLDER_EXTENSIONS = new Set(['jpg', 'jpeg', 'jpe', 'jfif', 'png', 'gif', 'webp', 'tif', 'tiff', 'heic', 'heif', 'avif', 'bmp']);

/**
 * The files named on the command line, with folders walked recursively and lazily (a folder of a
 * hundred thousand photos is never listed in memory at once). A named file is always taken, whatever
 * its extension; a path that does not exist is passed on so that its report says so.
 */
export async function* walkPaths(paths: readonly string[]): AsyncGenerator<string> {
	for (const entry of paths) {
		let isDirectory = false;
		try {
			isDirectory = (await stat(entry)).isDirectory();
		} catch {
			// Reported by the validator as unreadable.
		}
		if (isDirectory) yield* walkFolder(entry);
		else yield entry;
	}
}

async function* walkFolder(folder: string, visited = new Set<string>()): AsyncGenerator<string> {
	// A folder reached twice (a symbolic link back up the tree) is walked once: no loop.
	const real = await realpath(folder).catch(() => folder);
	if (visited.has(real)) return;
	visited.add(real);
	const directory = await opendir(folder);
	const subfolders: string[] = [];
	for await (const dirent of directory) {
		if (dirent.name.startsWith('.')) continue;
		const full = path.join(folder, dirent.name);
		// A symbolic link counts as what it points to; a dangling one is passed on, so its report says so.
		const kind = dirent.isSymbolicLink()
			? await stat(full).then(
					(target) => (target.isDirectory() ? 'folder' : target.isFile() ? 'file' : 'other'),
					() => 'file',
				)
			: dirent.isDirectory()
				? 'folder'
				: dirent.isFile()
					? 'file'
					: 'other';
		if (kind === 'folder') subfolders.push(full);
		else if (kind === 'file' && FOLDER_EXTENSIONS.has(path.extname(dirent.name).slice(1).toLowerCase())) yield full;
	}
	for (const subfolder of subfolders.sort()) yield* walkFolder(subfolder, visited);
}
