/**
 * Writes items in input order as they finish out of order: each item waits only for those before it,
 * so memory holds what is in flight, not the whole batch.
 */
export class OrderedWriter<T> {
	readonly #pending = new Map<number, T>();
	#next = 0;

	constructor(private readonly emit: (item: T, position: number) => Promise<void>) {}

	async add(index: number, item: T): Promise<void> {
		this.#pending.set(index, item);
		while (this.#pending.has(this.#next)) {
			const ready = this.#pending.get(this.#next)!;
			this.#pending.delete(this.#next);
			await this.emit(ready, this.#next);
			this.#next++;
		}
	}

	/** Items written so far. */
	get written(): number {
		return this.#next;
	}
}
