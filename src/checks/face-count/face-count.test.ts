import {testCheck} from '../../../test/support/check-table.js';
import {faces} from '../../../test/support/facts.js';
import {faceCount} from './index.js';

testCheck(faceCount, {
	cases: [
		{name: 'no face', facts: {faces: faces(0)}, status: 'fail', message: ['No face']},
		{name: 'one face', facts: {faces: faces(1)}, status: 'pass', message: ['One face']},
		{name: 'two faces', facts: {faces: faces(2)}, status: 'fail', message: ['2 faces were found (detector scores 0.9, 0.8)']},
		{name: 'three faces', facts: {faces: faces(3)}, status: 'fail', message: ['3 faces']},
	],
});
