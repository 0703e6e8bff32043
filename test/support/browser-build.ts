/** The browser build on a page, and its statuses against Node's: shared by test/browser.test.ts and npm run eval:browser. */
import type {Page} from 'playwright-core';
import type {PhotoReport} from '../../src/index.js';
import {type Chromium, launchChromium} from './chromium.js';
import {repoRoot} from './photos.js';
import {type StaticServer, serveStatic} from './static-server.js';

/** A page that loads dist/browser/index.js as `window.library` and then sets `window.ready`. */
export const LIBRARY_PAGE = `<!doctype html><meta charset="utf-8"><title>photo-requirements</title>
<script type="module">
window.library = await import('/dist/browser/index.js');
window.ready = true;
</script>`;

/** The repository served with LIBRARY_PAGE at /page.html and `photos` at their paths, and a Chromium to open it. */
export interface LibrarySite {
	server: StaticServer;
	chromium: Chromium;
	/** A new page with the library loaded, and the page errors it raises. */
	open(): Promise<{page: Page; errors: string[]}>;
	close(): Promise<void>;
}

export async function serveLibrary(photos: Record<string, {type: string; body: Uint8Array}>): Promise<LibrarySite> {
	const server = await serveStatic(repoRoot, {'/page.html': {type: 'text/html', body: LIBRARY_PAGE}, ...photos});
	const chromium = await launchChromium(undefined, {offline: false});
	return {
		server,
		chromium,
		async open() {
			const page = await chromium.context.newPage();
			const errors: string[] = [];
			page.on('pageerror', (error) => errors.push(error.message));
			await libraryReady(page, `${server.url}/page.html`);
			return {page, errors};
		},
		async close() {
			await chromium.close();
			await server.close();
		},
	};
}

export async function libraryReady(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.waitForFunction(() => (window as unknown as {ready?: boolean}).ready === true);
}

/** The browser build's report of the bytes at `photoUrl` (on the page's origin), given as a File named `name`. */
export async function validateInPage(page: Page, photoUrl: string, name: string): Promise<PhotoReport> {
	return (await page.evaluate(
		async ({url, file}) => {
			const bytes = await (await fetch(url)).arrayBuffer();
			const {validatePhoto} = (window as unknown as {library: {validatePhoto: (input: unknown) => Promise<unknown>}}).library;
			return validatePhoto(new File([bytes], file));
		},
		{url: photoUrl, file: name},
	)) as PhotoReport;
}

/** Counts equal statuses check by check and words each difference, for the docs' list. */
export class StatusAgreement {
	agree = 0;
	total = 0;
	readonly differences: string[] = [];
	readonly byCheck = new Map<string, number>();

	add(label: string, inNode: PhotoReport, inBrowser: PhotoReport): void {
		for (const [at, check] of inNode.checks.entries()) {
			this.total++;
			const other = inBrowser.checks[at];
			if (other?.status === check.status) {
				this.agree++;
				continue;
			}
			this.differences.push(`${label}: ${check.id} ${check.status} in Node ("${check.message}"), ${other?.status} in Chromium ("${other?.message}")`);
			this.byCheck.set(check.id, (this.byCheck.get(check.id) ?? 0) + 1);
		}
	}

	get share(): number {
		return this.agree / this.total;
	}

	summary(photos: number): string {
		return `${this.agree}/${this.total} check statuses equal to Node's (${(this.share * 100).toFixed(2)} %) over ${photos} photos`;
	}
}
