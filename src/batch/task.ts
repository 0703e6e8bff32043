import type {PhotoInput} from '../input/read.js';
import type {Profile} from '../profiles/schema.js';

/** One photo for a worker: everything `checkPhoto` needs, as structured-cloneable data. */
export interface PhotoTask {
	readonly input: PhotoInput;
	readonly profile: Profile;
	readonly now?: Date | undefined;
	readonly annotate?: boolean | undefined;
}
