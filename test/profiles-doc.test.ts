import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {expect, test} from 'vitest';
import {profilesMarkdown} from '../scripts/profiles-doc.js';
import {repoRoot} from './support/photos.js';

test('docs/profiles.md is what the profiles say (npx tsx scripts/profiles-doc.ts writes it)', async () => {
	expect(await readFile(path.join(repoRoot, 'docs/profiles.md'), 'utf8')).toBe(profilesMarkdown());
});
