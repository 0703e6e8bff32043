import {plural} from '../format.js';
import {checksNotRun} from '../pipeline/stopped-report.js';
import type {PhotoReport} from '../report/schema.js';

/** The command's exit statuses (docs/cli.md, "Exit status"). */
export const EXIT = {
	ok: 0,
	/** A photo would be returned (with `--strict`: or needs review). */
	returned: 1,
	usage: 2,
	unexpected: 3,
	/** Nothing was returned, but some photo was not fully checked (its time ran out, or a check was stopped by a bug). */
	notChecked: 4,
} as const;

/**
 * Tallies the reports of a run into its exit status. A photo returned is returned whatever its
 * unchecked checks would have found (a failed check cannot be undone by another), so 1 comes before 4;
 * a photo not fully checked and not returned is neither accepted nor reviewed: it is 4, with or
 * without `--strict`.
 */
export class ExitTally {
	#returned = 0;
	#reviewed = 0;
	#notChecked = 0;

	constructor(private readonly strict: boolean) {}

	add(report: PhotoReport): void {
		if (report.verdict === 'return') this.#returned++;
		else if (checksNotRun(report).length > 0) this.#notChecked++;
		else if (report.verdict === 'review') this.#reviewed++;
	}

	get status(): number {
		if (this.#returned > 0 || (this.strict && this.#reviewed > 0)) return EXIT.returned;
		return this.#notChecked > 0 ? EXIT.notChecked : EXIT.ok;
	}

	/** For stderr when some photo (not returned) was not fully checked; undefined otherwise. */
	get notice(): string | undefined {
		if (this.#notChecked === 0) return undefined;
		return `photo-requirements: ${plural(this.#notChecked, 'photo')} not fully checked: some checks did not run (a longer --timeout, or report the internal error); exit status ${EXIT.notChecked}\n`;
	}
}
