import type {WriteStream} from 'node:tty';
import {plural} from '../format.js';

/**
 * A one-line progress bar on a terminal's stderr, drawn only when there is more than one photo.
 * Clears itself before anything else is written to the terminal.
 */
export class ProgressBar {
	#done = 0;
	#total: number | undefined;
	#drawn = false;
	#lastDraw = 0;

	constructor(private readonly stream: NodeJS.WriteStream & Partial<WriteStream>) {}

	get enabled(): boolean {
		return Boolean(this.stream.isTTY) && (this.#total === undefined ? this.#done >= 1 : this.#total > 1);
	}

	/** The number of photos, once the walk has found them all. */
	setTotal(total: number): void {
		this.#total = total;
	}

	tick(): void {
		this.#done++;
		const now = Date.now();
		if (now - this.#lastDraw > 50 || this.#done === this.#total) this.draw(now);
	}

	clear(): void {
		if (this.#drawn) {
			this.stream.write('\r\u001B[2K');
			this.#drawn = false;
		}
	}

	private draw(now: number): void {
		if (!this.enabled) return;
		this.#lastDraw = now;
		const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - 30));
		let line: string;
		if (this.#total) {
			const filled = Math.round((this.#done / this.#total) * width);
			line = `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${this.#done}/${this.#total}`;
		} else {
			line = `${plural(this.#done, 'photo')} checked…`;
		}
		this.stream.write(`\r\u001B[2K${line}`);
		this.#drawn = true;
	}
}
