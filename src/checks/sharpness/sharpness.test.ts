import {testCheck} from '../../../test/support/check-table.js';
import {focus} from '../../../test/support/facts.js';
import {sharpness} from './index.js';

testCheck(sharpness, {
	cases: [
		{name: 'sharp', facts: {focus: focus(0.35)}, status: 'pass', message: ['0.35']},
		{name: 'soft', facts: {focus: focus(0.52)}, status: 'warn', message: ['at most 0.5 is safe']},
		{name: 'blurred', facts: {focus: focus(0.62)}, status: 'fail', message: ['0.62', 'at most 0.54']},
		{name: 'a small face, enlarged to measure', facts: {focus: focus(0.3, 120)}, status: 'pass', message: ['enlarged from 120 px']},
	],
});
