import {type ChildProcess, spawn} from 'node:child_process';
import path from 'node:path';
import {repoRoot} from './photos.js';

/** The built command line (npm test builds first). */
export const cliPath = path.join(repoRoot, 'dist/cli/main.js');

export interface CliRun {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

export interface CliOptions {
	cwd?: string;
	/** Standard input (default: empty, closed at once). */
	input?: string | Buffer;
	/** Added to the environment, from which the colour settings are removed first. */
	env?: Record<string, string>;
}

/** Starts the built CLI; `done` settles with its exit and output, whatever the exit code. */
export function startCli(args: readonly string[], options: CliOptions = {}): {child: ChildProcess; done: Promise<CliRun>} {
	const {FORCE_COLOR: _force, NO_COLOR: _no, ...env} = process.env;
	const child = spawn(process.execPath, [cliPath, ...args], {cwd: options.cwd ?? repoRoot, env: {...env, ...options.env}});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	child.stdin.end(options.input ?? '');
	const done = new Promise<CliRun>((resolve) => child.once('close', (code, signal) => resolve({code, signal, stdout, stderr})));
	return {child, done};
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
	return startCli(args, options).done;
}
