import type {PhotoInput} from '../input/read.js';
import type {AnnotateOption} from '../options.js';
import type {Profile} from '../profiles/schema.js';

/** One photo for a worker: everything `checkPhoto` needs, as structured-cloneable data. */
export interface PhotoTask {
	readonly input: PhotoInput;
	readonly profile: Profile;
	/** The file name, for the extension check, when the input is bytes. */
	readonly name?: string | undefined;
	readonly now?: Date | undefined;
	readonly annotate?: AnnotateOption | undefined;
}

/** Loads the face engine in the worker that takes it, so that the first photo does not wait for it. */
export interface WarmTask {
	readonly warm: true;
}
