import {execFile} from 'node:child_process';
import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, test} from 'vitest';
import {type PhotoReport, validatePhoto, validatePhotos} from '../src/index.js';
import {hasPhotos, photosDir, repoRoot} from './support/photos.js';
import {demoPortrait} from './support/portrait.js';

const run = promisify(execFile);
const cli = path.join(repoRoot, 'dist/cli/main.js');

/** What must not depend on the way in: every check's status and message, and the face's geometry. */
const outcome = (report: PhotoReport) => ({
	verdict: report.verdict,
	checks: report.checks.map(({id, status, message}) => ({id, status, message})),
	face: report.face,
});

async function viaCli(file: string): Promise<PhotoReport> {
	const {stdout} = await run(process.execPath, [cli, '--json', file]).catch((error: {stdout: string}) => ({stdout: error.stdout}));
	return (JSON.parse(stdout) as PhotoReport[])[0]!;
}

describe('one engine, one path', () => {
	test('the library, a batch worker and the command line give a photo the same statuses', async () => {
		const folder = await mkdtemp(path.join(tmpdir(), 'photo-requirements-one-engine-'));
		const files = [path.join(folder, 'portrait.jpg')];
		await writeFile(files[0]!, await demoPortrait(1000));
		if (hasPhotos) files.push(path.join(photosDir, 'london-smiling/002_08.jpg'), path.join(photosDir, 'ontario/003f.jpg'));
		const library = await Promise.all(files.map((file) => validatePhoto(file)));
		const workers = await validatePhotos(files, {concurrency: 2});
		const command = await Promise.all(files.map((file) => viaCli(file)));
		for (const [index, report] of library.entries()) {
			expect(report.face, files[index]).toBeDefined();
			expect(outcome(workers[index]!), `${files[index]}: batch worker`).toEqual(outcome(report));
			expect(outcome(command[index]!), `${files[index]}: command line`).toEqual(outcome(report));
		}
	}, 120_000);
});
