/**
 * A batch worker thread: validates one photo per task. The face engine loads on its first photo and
 * is reused for every later one (one engine per worker, never per photo).
 */

import {loadFaceEngine} from '../analysis/face/engine.js';
import {checkPhoto} from '../pipeline/check-photo.js';
import {nodePlatform} from '../platform/node/index.js';
import type {PhotoReport} from '../report/schema.js';
import type {PhotoTask, WarmTask} from './task.js';

export default async function validateTask(task: PhotoTask | WarmTask): Promise<PhotoReport | null> {
	if ('warm' in task) {
		await loadFaceEngine(nodePlatform.models);
		return null;
	}
	return checkPhoto(task.input, task.profile, {platform: nodePlatform, name: task.name, now: task.now, annotate: task.annotate});
}
