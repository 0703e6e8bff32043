/** The browser build on a page, and its statuses against Node's: shared by test/browser.test.ts and npm run eval:browser. */
import type {Page} from 'playwright-core';
import type {PhotoReport} from '../../src/index.js';

/** A page that loads dist/browser/index.js as `window.library` and then sets `window.ready`. */
export const LIBRARY_PAGE = `<!doctype html><meta charset="utf-8"><title>photo-requirements</title>
<script type="module">
window.library = await import('/dist/browser/index.js');
window.ready = true;
</script>`;

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
