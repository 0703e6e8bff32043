import {testCheck} from '../../../test/support/check-table.js';
import {face} from '../../../test/support/facts.js';
import {faceCentred} from './index.js';

/** A face in a 1000 × 1400 image, its eyes `eyeY` pixels from the top. */
const at = (centreX: number, eyeY = 520) => ({face: face({centreX, leftEye: [560, eyeY], rightEye: [440, eyeY], eyeLine: eyeY / 1400})});

testCheck(faceCentred, {
	cases: [
		{name: 'centred', facts: at(0.5), status: 'pass'},
		{name: '3 % off', facts: at(0.53), status: 'pass'},
		{name: '4 % off', facts: at(0.54), status: 'warn', message: ['4 % of the width right', 'close to the 5 % limit']},
		{name: '6 % left', facts: at(0.44), status: 'fail', message: ['left of the middle (at most 5 %)']},
		{name: '10 % right', facts: at(0.6), status: 'fail'},
		{name: 'the head too high (eyes at 21 %)', facts: at(0.5, 300), status: 'warn', message: ['expected 30 %–50 %', 'too high']},
		{name: 'the head too low (eyes at 57 %)', facts: at(0.5, 800), status: 'warn', message: ['too low']},
	],
});
