import {expect, test} from 'vitest';
import {testCheck} from '../../../test/support/check-table.js';
import {faces} from '../../../test/support/facts.js';
import {jpeg} from '../../../test/support/images.js';
import {validatePhotos} from '../../batch/index.js';
import {fixOf} from '../define.js';
import {faceCount} from './index.js';

const withCandidates = (count: number, ...scores: number[]) => {
	const found = faces(count);
	const extra = scores.map((score, index) => ({box: {x: 600 + index * 100, y: 0, width: 80, height: 100}, score}));
	return {faces: {...found, faces: [...found.faces, ...extra]}};
};

test('no face found is not told to leave only you in the frame', async () => {
	const [report] = await validatePhotos([await jpeg(715, 1001)], {checks: ['face-count'], workers: false});
	expect(report!.checks[0]!.message).toBe('No face was found in the photo.');
	expect(report!.advice).toEqual([
		{action: 'retake', text: 'Retake the photo facing the camera, your whole face in the frame, evenly lit and not covered.', checks: ['face-count']},
	]);
	expect(faceCount.run({faces: faces(2)}, {minScore: 0.5}).fix).toBeUndefined();
	expect(fixOf(faceCount, {minScore: 0.5})?.how).toBe('with only you in the frame');
});

testCheck(faceCount, {
	cases: [
		{name: 'no face', facts: {faces: faces(0)}, status: 'fail', message: ['No face']},
		{name: 'one face', facts: {faces: faces(1)}, status: 'pass', message: ['One face']},
		{name: 'two faces', facts: {faces: faces(2)}, status: 'fail', message: ['2 faces were found (detector scores 0.9, 0.8)']},
		{name: 'three faces', facts: {faces: faces(3)}, status: 'fail', message: ['3 faces']},
		{
			name: 'a group of small faces counts every one',
			facts: withCandidates(1, 0.94, 0.92),
			status: 'fail',
			message: ['3 faces were found (detector scores 0.9, 0.94, 0.92)'],
		},
		{
			name: 'a weak candidate beside one face is not a second person',
			facts: withCandidates(1, 0.41),
			status: 'pass',
			message: ['another candidate scored 0.41, below the 0.5 that counts as a face'],
		},
		{name: 'only a weak candidate is no face', facts: withCandidates(0, 0.41), status: 'fail', message: ['No face']},
	],
});
