/**
 * A batch worker process (`workers: 'processes'`): validates one photo per message from its parent,
 * with the face engine loaded on its first photo and kept for every later one, as a worker thread
 * does (the same function, hence the same reports).
 */

import type {PhotoReport} from '../report/schema.js';
import type {PhotoTask, WarmTask} from './task.js';
import validateTask from './worker.js';

/** What the parent sends: one task, numbered. */
export interface TaskMessage {
	readonly id: number;
	readonly task: PhotoTask | WarmTask;
}

/** What the worker answers: the report (null for a warm-up), or the error the task threw. */
export type ResultMessage =
	| {readonly id: number; readonly report: PhotoReport | null}
	| {readonly id: number; readonly error: {readonly name: string; readonly message: string; readonly stack?: string | undefined}};

const send = (message: ResultMessage) => process.send?.(message);

process.on('message', async ({id, task}: TaskMessage) => {
	try {
		send({id, report: await validateTask(task)});
	} catch (error) {
		const {name, message, stack} = error instanceof Error ? error : new Error(String(error));
		send({id, error: {name, message, stack}});
	}
});
// The parent is gone (it closed the pool, or died): nothing more will come.
process.on('disconnect', () => process.exit(0));
