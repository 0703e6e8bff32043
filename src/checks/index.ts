import type {Check} from './check.js';
import type {CheckId} from './ids.js';
import {aspectRatio} from './aspect-ratio.js';
import {dimensions} from './dimensions.js';
import {fileFormat} from './file-format.js';
import {fileSize} from './file-size.js';
import {recent} from './recent.js';
import {unaltered} from './unaltered.js';

export {CHECK_IDS, type CheckId} from './ids.js';
export type {Check, CheckOutcome} from './check.js';

/** The checks implemented so far, by id. A profile may only list these. */
export const checks: Partial<Record<CheckId, Check>> = {
	'file-format': fileFormat,
	'file-size': fileSize,
	dimensions,
	'aspect-ratio': aspectRatio,
	unaltered,
	recent,
};
