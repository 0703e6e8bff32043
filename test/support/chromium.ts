/** Headless Chromium (Debian's `chromium`) driven by playwright-core, for the HTML report's browser test, bench and screenshot. */
import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {BrowserContext} from 'playwright-core';

/** `CHROMIUM_PATH`, or Debian's package. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const noChromiumMessage = `no Chromium at ${chromiumPath}: install it with "apt-get install -y chromium" (.ci/run does), or set CHROMIUM_PATH`;

/**
 * Without the background-networking flags Chromium's start-up connections are refused on a closed
 * network; a fresh profile each time, so no state leaks between runs.
 */
const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface Chromium {
	context: BrowserContext;
	close(): Promise<void>;
}

/** `offline: false` lets pages reach a server on this machine (the browser build's test serves the package). */
export async function launchChromium(viewport = {width: 1280, height: 900}, {offline = true}: {offline?: boolean} = {}): Promise<Chromium> {
	const {chromium} = await import('playwright-core');
	const userDataDir = await mkdtemp(path.join(tmpdir(), 'photo-requirements-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: chromiumPath,
		headless: true,
		args: ARGS,
		viewport,
		deviceScaleFactor: 1,
		offline,
	});
	return {
		context,
		async close() {
			await context.close();
			await rm(userDataDir, {recursive: true, force: true});
		},
	};
}
