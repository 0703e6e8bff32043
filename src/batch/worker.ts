/**
 * A batch worker thread: validates one photo per task. The face engine loads on its first photo and
 * is reused for every later one (one engine per worker, never per photo).
 */

import type {PhotoReport} from '../report/schema.js';
import {runPipeline} from '../validate.js';
import type {PhotoTask} from './task.js';

export default async function validateTask(task: PhotoTask): Promise<PhotoReport> {
	return runPipeline(task.input, task.profile, {now: task.now, annotate: task.annotate});
}
