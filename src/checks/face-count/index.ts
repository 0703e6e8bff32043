import {num} from '../../format.js';
import {defineCheck} from '../define.js';

export const faceCount = defineCheck({
	id: 'face-count',
	requirement: 'The photo must show one person: you, alone.',
	reason: 'OTHER_REQUIREMENT',
	advice: 'Retake the photo with only you in the frame.',
	needs: ['faces'],
	run({faces}) {
		const count = faces.faces.length;
		const measured = {faces: count, detector: faces.detector, ...(faces.faces[0] ? {score: Math.round(faces.faces[0].score * 100) / 100} : {})};
		if (count === 0) {
			return {status: 'fail', message: 'No face was found in the photo.', measured};
		}
		if (count > 1) {
			const scores = faces.faces.map((face) => num(face.score, 2)).join(', ');
			return {status: 'fail', message: `${count} faces were found (detector scores ${scores}); the photo must show only you.`, measured};
		}
		return {status: 'pass', message: 'One face.', measured};
	},
});
