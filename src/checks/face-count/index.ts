import {z} from 'zod';
import {num} from '../../format.js';
import {defineCheck} from '../define.js';

export const faceCount = defineCheck({
	id: 'face-count',
	requirement: 'The photo must show one person: you, alone.',
	reason: 'OTHER_REQUIREMENT',
	advice: 'Retake the photo with only you in the frame.',
	needs: ['faces'],
	limits: {
		group: 'faceCount',
		schema: z
			.object({
				/** A face the full-frame detector (BlazeFace) finds besides the main detector's counts from this score (0–1). */
				minOtherScore: z.number().min(0).max(1),
			})
			.strict(),
	},
	run({faces}, {minOtherScore}) {
		const others = faces.others.filter((face) => face.score >= minOtherScore);
		const all = [...faces.faces, ...others];
		const count = all.length;
		const measured = {
			faces: count,
			detector: faces.detector,
			...(faces.faces[0] ? {score: Math.round(faces.faces[0].score * 100) / 100} : {}),
			...(faces.others.length > 0 ? {otherFaces: others.length, bestOtherScore: Math.round(faces.others[0]!.score * 100) / 100} : {}),
		};
		if (count === 0) {
			return {status: 'fail', message: 'No face was found in the photo.', measured};
		}
		if (count > 1) {
			const scores = all.map((face) => num(face.score, 2)).join(', ');
			const seen = others.length > 0 ? `, ${others.length} of them by the full-frame detector at a score of at least ${minOtherScore}` : '';
			return {status: 'fail', message: `${count} faces were found (detector scores ${scores}${seen}); the photo must show only you.`, measured};
		}
		const unsure =
			faces.others.length > 0 ? ` (another candidate scored ${num(faces.others[0]!.score, 2)}, below the ${minOtherScore} that counts as a face)` : '';
		return {status: 'pass', message: `One face${unsure}.`, measured};
	},
});
