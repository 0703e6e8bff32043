/**
 * A batch worker thread: validates one photo per task. The face engine loads on its first photo and
 * is reused for every later one (one engine per worker, never per photo).
 */

import {checkPhoto} from '../pipeline/check-photo.js';
import type {PhotoReport} from '../report/schema.js';
import type {PhotoTask} from './task.js';

export default async function validateTask(task: PhotoTask): Promise<PhotoReport> {
	return checkPhoto(task.input, task.profile, {now: task.now, annotate: task.annotate});
}
