import {testCheck} from '../../../test/support/check-table.js';
import {header} from '../../../test/support/facts.js';
import {aspectRatio} from './index.js';

testCheck(aspectRatio, {
	cases: [
		{name: '1000 × 1400', facts: {header: header(1000, 1400)}, status: 'pass', message: ['is 5:7', 'within 1 %']},
		// The portal's own minimum is 0.1 % off 5:7.
		{name: '715 × 1000', facts: {header: header(715, 1000)}, status: 'pass'},
		{name: '715 × 1001', facts: {header: header(715, 1001)}, status: 'pass'},
		{name: '2000 × 2800', facts: {header: header(2000, 2800)}, status: 'pass'},
		{name: '0.9 % wider', facts: {header: header(1009, 1400)}, status: 'pass'},
		{name: '1.5 % wider', facts: {header: header(1015, 1400)}, status: 'warn', message: ['1.5 % wider than 5:7', 'at most 1 % off']},
		{name: '1.5 % narrower', facts: {header: header(985, 1400)}, status: 'warn', message: ['narrower'], fix: {action: 'crop', how: ['too tall for it']}},
		{
			name: 'square: a crop to 5:7',
			facts: {header: header(1350, 1350)},
			status: 'warn',
			message: ['40 % wider'],
			fix: {action: 'crop', how: ['framed at 5:7 (this one is too wide for it)']},
		},
		{name: '4:5', facts: {header: header(1120, 1400)}, status: 'warn'},
	],
});
