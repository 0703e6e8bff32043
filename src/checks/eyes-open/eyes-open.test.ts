import {testCheck} from '../../../test/support/check-table.js';
import {features} from '../../../test/support/facts.js';
import {eyesOpen} from './index.js';

const eyes = (right: number, left: number) => ({faceFeatures: features({eyeAspect: {right, left}})});

testCheck(eyesOpen, {
	cases: [
		{name: 'open', facts: eyes(0.3, 0.31), status: 'pass'},
		{name: 'one narrower, still open', facts: eyes(0.19, 0.3), status: 'pass'},
		{name: 'half closed', facts: eyes(0.16, 0.3), status: 'warn', message: ['The right eye looks half closed', 'below 0.17']},
		{name: 'one closed', facts: eyes(0.3, 0.1), status: 'fail', message: ['The left eye looks closed', 'below 0.14']},
		{name: 'both closed', facts: eyes(0.05, 0.06), status: 'fail'},
	],
});
