import {testCheck} from '../../../test/support/check-table.js';
import {faces} from '../../../test/support/facts.js';
import {faceCount} from './index.js';

const withOthers = (count: number, ...scores: number[]) => ({
	faces: {...faces(count), others: scores.map((score, index) => ({box: {x: 600 + index * 100, y: 0, width: 80, height: 100}, score}))},
});

testCheck(faceCount, {
	cases: [
		{name: 'no face', facts: {faces: faces(0)}, status: 'fail', message: ['No face']},
		{name: 'one face', facts: {faces: faces(1)}, status: 'pass', message: ['One face']},
		{name: 'two faces', facts: {faces: faces(2)}, status: 'fail', message: ['2 faces were found (detector scores 0.9, 0.8)']},
		{name: 'three faces', facts: {faces: faces(3)}, status: 'fail', message: ['3 faces']},
		{
			name: 'a group: the full-frame detector finds the faces the main one missed',
			facts: withOthers(1, 0.94, 0.92),
			status: 'fail',
			message: ['3 faces were found', '2 of them by the full-frame detector at a score of at least 0.5'],
		},
		{
			name: 'a weak candidate beside one face is not a second person',
			facts: withOthers(1, 0.41),
			status: 'pass',
			message: ['another candidate scored 0.41, below the 0.5 that counts as a face'],
		},
	],
});
