import {testCheck} from '../../../test/support/check-table.js';
import {reduced, region} from '../../../test/support/facts.js';
import {naturalColour} from './index.js';

testCheck(naturalColour, {
	cases: [
		{name: 'natural', facts: {faceRegion: region({}, {L: 60, a: 12, b: 15}), reduced: reduced(100, 200, 12)}, status: 'pass', message: ['natural skin tones']},
		{
			name: 'black and white',
			facts: {faceRegion: region({}, {L: 60, a: 0, b: 0}), reduced: reduced(100, 200, 0.2)},
			status: 'warn',
			message: ['black-and-white', 'at least 2'],
		},
		{
			name: 'reddish, outside OFIQ',
			facts: {faceRegion: region({}, {L: 60, a: 30, b: 15}), reduced: reduced(100, 200, 12)},
			status: 'warn',
			message: ['outside the usual range (a* 5 to 25, b* 5 to 35)'],
		},
		{
			name: 'blue skin',
			facts: {faceRegion: region({}, {L: 60, a: 5, b: -25}), reduced: reduced(100, 200, 12)},
			status: 'fail',
			message: ['Unnatural skin tone', 'a* -5 to 45, b* -5 to 50'],
		},
		{name: 'green skin', facts: {faceRegion: region({}, {L: 60, a: -15, b: 20}), reduced: reduced(100, 200, 12)}, status: 'fail'},
		{name: 'no skin measured', facts: {faceRegion: region({medianL: Number.NaN}, {L: 60, a: 12, b: 15}), reduced: reduced(100, 200, 12)}, status: 'skip'},
	],
});
