import {Redis, type RedisOptions} from 'ioredis';

/** ioredis options, or a URL with options beside it (BullMQ's form). */
export interface RedisSettings extends RedisOptions {
	url?: string;
}

import {invalidArgument} from '../arguments.js';
import {QueueConnectionError} from './errors.js';

/** Where the queue lives: a `redis://` or `rediss://` URL (user, password and database number in it), or ioredis options. */
export type RedisTarget = string | RedisSettings;

/** Used when neither `--redis`/`options.redis` nor the `REDIS_URL` environment variable names one. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** The BullMQ queue the commands use unless told otherwise. */
export const DEFAULT_QUEUE_NAME = 'photo-requirements';

/** ioredis options for a target, checked: the URL's scheme, and BullMQ's requirement of no per-command retry limit. */
export function redisOptions(target: RedisTarget | undefined, caller: string): RedisSettings {
	const chosen = target ?? process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
	if (typeof chosen === 'string') {
		let url: URL;
		try {
			url = new URL(chosen);
		} catch {
			throw invalidArgument(caller, 'options.redis', 'a redis:// or rediss:// URL such as redis://127.0.0.1:6379', chosen);
		}
		if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
			throw invalidArgument(caller, 'options.redis', 'a redis:// or rediss:// URL such as redis://127.0.0.1:6379', chosen);
		}
		// BullMQ's workers block on Redis and must never give up a command: no per-request retry limit.
		return {url: chosen, maxRetriesPerRequest: null};
	}
	if (chosen === null || typeof chosen !== 'object') throw invalidArgument(caller, 'options.redis', 'a redis:// URL or ioredis options', chosen);
	return {...chosen, maxRetriesPerRequest: null};
}

/** The target as a person reads it in a message: the URL with its password hidden. */
export function describeTarget(options: RedisSettings): string {
	if (typeof options.url === 'string') {
		const url = new URL(options.url);
		if (url.password) url.password = '***';
		return url.toString();
	}
	return `redis://${options.host ?? '127.0.0.1'}:${options.port ?? 6379}`;
}

/**
 * Connects once and fails at once when Redis cannot be reached (a command run by a person, a
 * worker starting): a message naming the address, not a client that retries in silence.
 */
export async function connectRedis(options: RedisSettings, connectTimeoutMs = 5000): Promise<Redis> {
	const {url, ...rest} = options;
	const probe = {...rest, lazyConnect: true, connectTimeout: connectTimeoutMs, retryStrategy: () => null};
	const client = typeof url === 'string' ? new Redis(url, probe) : new Redis(probe);
	let lastError: unknown;
	client.on('error', (error) => {
		lastError = error;
	});
	try {
		await client.connect();
		await client.ping();
	} catch (error) {
		client.disconnect();
		const cause = lastError ?? error;
		throw new QueueConnectionError(`cannot reach Redis at ${describeTarget(options)}: ${(cause as Error).message || String(cause)}`, {cause});
	}
	// From here on, a dropped connection is retried (ioredis' default back-off) instead of failing the run.
	client.options.retryStrategy = (times: number) => Math.min(times * 200, 5000);
	return client;
}
