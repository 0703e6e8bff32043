import {testCheck} from '../../../test/support/check-table.js';
import {face} from '../../../test/support/facts.js';
import {headPose} from './index.js';

testCheck(headPose, {
	cases: [
		{name: 'straight', facts: {face: face()}, status: 'pass'},
		{name: 'a little tilted', facts: {face: face({rollDeg: 6})}, status: 'warn', message: ['tilted 6° sideways', 'at most 5° is safe']},
		{name: 'tilted', facts: {face: face({rollDeg: -9})}, status: 'fail', message: ['tilted 9° sideways (at most 8°)']},
		{name: 'a little turned', facts: {face: face({yawDeg: 8})}, status: 'warn', message: ['turned 8°', 'at most 7° is safe']},
		{name: 'turned', facts: {face: face({yawDeg: -13})}, status: 'fail', message: ['(at most 10°)']},
		{name: 'in profile', facts: {face: face({yawDeg: 62})}, status: 'fail', message: ['62°']},
		{name: 'pitch within its spread', facts: {face: face({pitchDeg: 15})}, status: 'pass'},
		{name: 'lowered', facts: {face: face({pitchDeg: -22})}, status: 'warn', message: ['lowered about 22°', 'at most 20° is safe']},
		{name: 'raised far', facts: {face: face({pitchDeg: 40})}, status: 'warn'},
	],
});
