import type {Redis} from 'ioredis';
import {caPrCard, findProfile, type Profile} from '../profiles/index.js';
import {QueueProfileError} from './errors.js';
import type {QueueKeys} from './records.js';

/** Records the profile of a new queue, or checks that an existing queue was started with the same one. */
export async function fixProfile(client: Redis, keys: QueueKeys, queueName: string, profile: Profile): Promise<void> {
	await client.hsetnx(keys.settings, 'profile', profile.id);
	const fixed = await client.hget(keys.settings, 'profile');
	if (fixed !== profile.id) {
		throw new QueueProfileError(
			`the queue "${queueName}" checks its photos against the "${fixed}" profile, not "${profile.id}": use another queue name for another profile, or clear this one first`,
		);
	}
}

/** The profile a queue's photos are judged by (the PR card's when no `add` named one). */
export async function queueProfile(client: Redis, keys: QueueKeys): Promise<Profile> {
	const id = await client.hget(keys.settings, 'profile');
	if (id === null) return caPrCard;
	const profile = findProfile(id);
	if (!profile) throw new QueueProfileError(`the queue's profile "${id}" is not one this version of photo-requirements knows`);
	return profile;
}
