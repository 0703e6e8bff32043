import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared real photos (never committed): `PHOTOS_DIR`, or ../shared/photos beside the repository. */
export const photosDir = process.env.PHOTOS_DIR ?? path.resolve(repoRoot, '../shared/photos');

export const hasPhotos = existsSync(path.join(photosDir, 'manifest.json'));

export const photosSkipMessage = `the shared photos are absent (looked in ${photosDir}; set PHOTOS_DIR)`;

export interface ManifestEntry {
	file: string;
	set: string;
	width: number;
	height: number;
	bytes: number;
	faces: number;
	expression: string;
	landmarks?: Record<'pupilA' | 'pupilB' | 'chin' | 'crown', [number, number]>;
}

export function readManifest(): ManifestEntry[] {
	return JSON.parse(readFileSync(path.join(photosDir, 'manifest.json'), 'utf8')) as ManifestEntry[];
}
