import {testCheck} from '../../../test/support/check-table.js';
import {face, features} from '../../../test/support/facts.js';
import {neutralExpression} from './index.js';

const smile = (happy: number) => ({face: face({expressions: {happy}}), faceFeatures: features()});
const mouth = (overrides: Parameters<typeof features>[0]) => ({face: face(), faceFeatures: features(overrides)});

testCheck(neutralExpression, {
	cases: [
		{name: 'neutral', facts: mouth({}), status: 'pass'},
		{name: 'a broad smile', facts: smile(0.9), status: 'fail', message: ['probability of 90 %']},
		{name: 'a smile', facts: smile(0.1), status: 'fail', message: ['neutral faces stay under 1 %']},
		{name: 'a hint of a smile', facts: smile(0.008), status: 'warn', message: ['probability 0.8 %']},
		{name: 'a wide mouth', facts: mouth({mouthWidth: 0.9}), status: 'fail', message: ['0.9× the distance between the eyes', 'at most 0.86']},
		{name: 'a slightly wide mouth', facts: mouth({mouthWidth: 0.85}), status: 'warn', message: ['0.85× the eye distance']},
		{name: 'mouth open', facts: mouth({mouthOpen: 0.3}), status: 'fail', message: ['30 % of the mouth', 'at most 25 %']},
		{name: 'lips apart', facts: mouth({mouthOpen: 0.15}), status: 'warn', message: ['lips apart (15 %']},
		{name: 'teeth showing', facts: mouth({teeth: 0.6}), status: 'warn', message: ['teeth showing (60 %']},
	],
});
