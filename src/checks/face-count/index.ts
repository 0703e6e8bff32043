import {z} from 'zod';
import {num} from '../../format.js';
import {defineCheck} from '../define.js';

export const faceCount = defineCheck({
	id: 'face-count',
	requirement: 'The photo must show one person: you, alone.',
	reason: 'OTHER_REQUIREMENT',
	fix: {action: 'retake', how: 'with only you in the frame'},
	needs: ['faces'],
	figures: [
		{key: 'faces', label: 'faces found'},
		{key: 'score', label: 'detector score of the face', atLeast: 'minScore'},
		{key: 'bestOtherScore', label: 'best other candidate', atMost: 'minScore'},
	],
	limits: {
		group: 'faceCount',
		schema: z
			.object({
				/** A candidate of the face detector (BlazeFace, over the whole frame) counts as a face from this score (0–1). */
				minScore: z.number().min(0).max(1),
			})
			.strict(),
	},
	run({faces}, {minScore}) {
		const counted = faces.faces.filter((face) => face.score >= minScore);
		const doubtful = faces.faces.filter((face) => face.score < minScore);
		const count = counted.length;
		const measured = {
			faces: count,
			detector: faces.detector,
			...(counted[0] ? {score: Math.round(counted[0].score * 100) / 100} : {}),
			...(doubtful[0] ? {otherCandidates: doubtful.length, bestOtherScore: Math.round(doubtful[0].score * 100) / 100} : {}),
		};
		if (count === 0) {
			// Nobody to take out of the frame: what makes a face findable is what to change.
			return {
				status: 'fail',
				message: 'No face was found in the photo.',
				fix: {action: 'retake', how: 'facing the camera, your whole face in the frame, evenly lit and not covered'},
				measured,
			};
		}
		if (count > 1) {
			const scores = counted.map((face) => num(face.score, 2)).join(', ');
			return {status: 'fail', message: `${count} faces were found (detector scores ${scores}); the photo must show only you.`, measured};
		}
		const unsure = doubtful[0] ? ` (another candidate scored ${num(doubtful[0].score, 2)}, below the ${minScore} that counts as a face)` : '';
		return {status: 'pass', message: `One face${unsure}.`, measured};
	},
});
