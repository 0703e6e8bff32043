import {testCheck} from '../../../test/support/check-table.js';
import {glareSpots} from '../../../test/support/facts.js';
import {glare} from './index.js';

testCheck(glare, {
	cases: [
		{name: 'no spot', facts: {glare: glareSpots(0)}, status: 'pass', message: ['No glare on the face.']},
		{name: 'a speck', facts: {glare: glareSpots(0.005)}, status: 'pass', message: ['No glare to speak of']},
		{name: 'a small spot', facts: {glare: glareSpots(0.015)}, status: 'warn', message: ['1.5 %', 'at most 1.2 % is safe']},
		{name: 'a large spot on the skin', facts: {glare: glareSpots(0.05)}, status: 'fail', message: ['on the skin', 'at most 2 %']},
		{name: 'a large spot by the eyes', facts: {glare: glareSpots(0.05, 0.8)}, status: 'fail', message: ['around the eyes']},
	],
});
