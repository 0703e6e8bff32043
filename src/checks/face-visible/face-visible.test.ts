import {testCheck} from '../../../test/support/check-table.js';
import {face, features} from '../../../test/support/facts.js';
import {faceVisible} from './index.js';

testCheck(faceVisible, {
	cases: [
		{name: 'visible', facts: {face: face(), faceFeatures: features()}, status: 'pass'},
		{
			name: 'a dark bar over both eyes',
			facts: {face: face(), faceFeatures: features({eyeContrast: {right: 0.03, left: 0.04}, eyeBrightness: {right: 0.1, left: 0.1}})},
			status: 'fail',
			message: ['Both eyes', 'contrast at least 0.08 and brightness at least 0.2'],
		},
		{
			name: 'one eye hidden',
			facts: {face: face(), faceFeatures: features({eyeBrightness: {right: 0.58, left: 0.15}})},
			status: 'fail',
			message: ['The left eye'],
		},
		{name: 'found only weakly', facts: {face: face({score: 0.3}), faceFeatures: features()}, status: 'warn', message: ['below 0.5']},
	],
});
