import {mkdtemp, readFile, rm, stat, symlink} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {type CliRun, runCli} from './support/cli.js';
import {repoRoot} from './support/photos.js';

/**
 * Every shell session shown in docs/cli.md (a fenced block whose lines start with `$ `) is run and
 * must print what the page shows: `$ photo-requirements …` runs the built CLI in a folder holding
 * `samples/`, and `$ echo $?` prints the exit status of the command before it.
 */
interface Step {
	command: string;
	expected: string;
}

function sessions(markdown: string): Step[][] {
	const blocks = [...markdown.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
	return blocks
		.filter((block) => block.startsWith('$ '))
		.map((block) =>
			block
				.split(/^\$ /m)
				.slice(1)
				.map((part) => {
					const [command = '', ...output] = part.split('\n');
					return {command, expected: output.join('\n').trimEnd()};
				}),
		);
}

/** A command's words, with '…' and "…" quoting as a shell reads them. */
function words(command: string): string[] {
	return [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

let cwd: string;
beforeAll(async () => {
	cwd = await mkdtemp(path.join(tmpdir(), 'pr-docs-'));
	await symlink(path.join(repoRoot, 'samples'), path.join(cwd, 'samples'));
});
afterAll(() => rm(cwd, {recursive: true, force: true}));

const markdown = await readFile(path.join(repoRoot, 'docs/cli.md'), 'utf8');
const found = sessions(markdown);

test('docs/cli.md shows shell sessions', () => {
	expect(found.length).toBeGreaterThanOrEqual(3);
});

test.each(found.map((steps) => [steps.map((step) => step.command).join(' && '), steps] as const))('docs/cli.md: %s', async (_, steps) => {
	let last: CliRun | undefined;
	for (const {command, expected} of steps) {
		if (command === 'echo $?') {
			expect(String(last?.code)).toBe(expected);
			continue;
		}
		const [program, ...args] = words(command);
		expect(program).toBe('photo-requirements');
		last = await runCli(args, {cwd});
		expect(last.stdout.trimEnd()).toBe(expected);
		// What a session says it writes is written.
		for (const [i, word] of args.entries()) {
			if (word === '--html' || word === '--annotate') await expect(stat(path.join(cwd, args[i + 1] ?? ''))).resolves.toBeTruthy();
		}
	}
});
