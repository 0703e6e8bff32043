import {testCheck} from '../../../test/support/check-table.js';
import {face} from '../../../test/support/facts.js';
import {headSize} from './index.js';

const head = (headHeightRatio: number, crownMethod: 'anthropometric' | 'hair-boundary' = 'anthropometric') => ({face: face({headHeightRatio, crownMethod})});

testCheck(headSize, {
	cases: [
		{name: 'in the middle', facts: head(0.478), status: 'pass', message: ['47.8 %', 'within 44.3 %–51.4 %']},
		{name: 'low in the band', facts: head(0.464), status: 'pass'},
		{name: 'high in the band', facts: head(0.493), status: 'pass'},
		{name: 'near the low limit', facts: head(0.45), status: 'warn', message: ['within 2 % of the 44.3 %–51.4 % limits']},
		{name: 'just below the low limit', facts: head(0.43), status: 'warn'},
		{name: 'near the high limit', facts: head(0.505), status: 'warn'},
		{name: 'just above the high limit', facts: head(0.53), status: 'warn'},
		{
			name: 'too small',
			facts: head(0.42),
			status: 'fail',
			message: ['outside 44.3 %–51.4 %', 'too small'],
			fix: {action: 'crop', how: ['about 47.9 % of the height', 'it is 42 %']},
		},
		{name: 'too small, crown at the hair', facts: head(0.38, 'hair-boundary'), status: 'fail', message: [/top of the hair.*too small/]},
		{name: 'too large', facts: head(0.54), status: 'fail', message: ['too large'], fix: {action: 'crop'}},
		{name: 'far too large', facts: head(0.75), status: 'fail', message: [/face proportions.*too large/]},
	],
});
