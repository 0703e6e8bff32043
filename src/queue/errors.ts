/** Redis could not be reached, or answered with an error, before any work was done. */
export class QueueConnectionError extends Error {
	override name = 'QueueConnectionError';
	readonly code = 'ERR_QUEUE_CONNECTION';
}

/** A run's rules are fixed by its first `add`: every photo of a queue is judged by one profile. */
export class QueueProfileError extends Error {
	override name = 'QueueProfileError';
	readonly code = 'ERR_QUEUE_PROFILE';
}
