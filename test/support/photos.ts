import {readFileSync} from 'node:fs';
import path from 'node:path';
import {photosDir} from '../../fixtures/shared-photos.js';

export {hasPhotos, photosDir, repoRoot} from '../../fixtures/shared-photos.js';

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
