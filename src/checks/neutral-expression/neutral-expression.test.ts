import {testCheck} from '../../../test/support/check-table.js';
import {face, features} from '../../../test/support/facts.js';
import {neutralExpression} from './index.js';

const happy = (value: number) => ({face: face({expressions: {happy: value}}), faceFeatures: features()});
const smile = (value: number) => ({face: face(), faceFeatures: features({smile: value})});
const mouth = (overrides: Parameters<typeof features>[0]) => ({face: face(), faceFeatures: features(overrides)});

testCheck(neutralExpression, {
	cases: [
		{name: 'neutral', facts: mouth({}), status: 'pass'},
		{name: 'a broad smile', facts: happy(0.9), status: 'fail', message: ['probability of 90 %']},
		{name: 'a smile', facts: happy(0.1), status: 'fail', message: ['neutral faces stay under 7 %']},
		{name: 'a hint of a smile', facts: happy(0.02), status: 'warn', message: ['probability 2 %']},
		{name: 'mouth corners raised and drawn back', facts: smile(0.99), status: 'fail', message: ['smile measure 0.99', 'a neutral face stays at or below 0.65']},
		{name: 'mouth corners a little raised', facts: smile(0.5), status: 'warn', message: ['smile measure 0.5', 'at most 0.4 is safe']},
		{name: 'a wide mouth', facts: mouth({mouthWidth: 1.1}), status: 'fail', message: ['1.1× the distance between the eyes', 'at most 1']},
		{name: 'a slightly wide mouth', facts: mouth({mouthWidth: 0.97}), status: 'warn', message: ['0.97× the eye distance']},
		{name: 'mouth open', facts: mouth({mouthOpen: 0.3}), status: 'fail', message: ['30 % of the mouth', 'at most 16 %']},
		{name: 'lips 23 % apart: open, not a doubt', facts: mouth({mouthOpen: 0.23}), status: 'fail', message: ['23 % of the mouth']},
		{name: 'lips apart', facts: mouth({mouthOpen: 0.14}), status: 'warn', message: ['lips apart (14 %']},
		{name: 'teeth showing', facts: mouth({teeth: 0.6}), status: 'warn', message: ['teeth showing (60 %']},
	],
});
