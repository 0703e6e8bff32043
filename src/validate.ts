import {assertInput} from './arguments.js';
import type {PhotoInput} from './input/read.js';
import {parseOptions, type ValidateOptions, validateOptionsSchema} from './options.js';
import {checkPhoto} from './pipeline/check-photo.js';
import {nodePlatform} from './platform/node/index.js';
import {resolveProfile, selectChecks} from './profiles/index.js';
import type {PhotoReport} from './report/schema.js';

/**
 * Check one photo against a profile. Never throws for a bad photo (the report says what is wrong);
 * throws a TypeError for a wrong argument.
 */
export async function validatePhoto(input: PhotoInput, options?: ValidateOptions): Promise<PhotoReport> {
	assertInput(input, 'validatePhoto()');
	const parsed = parseOptions(validateOptionsSchema, options, 'validatePhoto()');
	const profile = selectChecks(resolveProfile(parsed.profile, parsed.overrides, 'validatePhoto()'), parsed.checks, 'validatePhoto()');
	return checkPhoto(input, profile, {platform: nodePlatform, name: parsed.name, now: parsed.now, annotate: parsed.annotate});
}
