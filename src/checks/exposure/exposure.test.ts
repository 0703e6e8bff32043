import {testCheck} from '../../../test/support/check-table.js';
import {reduced, region} from '../../../test/support/facts.js';
import {exposure} from './index.js';

testCheck(exposure, {
	cases: [
		{name: 'well exposed', facts: {faceRegion: region({medianL: 60}), reduced: reduced()}, status: 'pass'},
		{name: 'very dark face', facts: {faceRegion: region({medianL: 10}), reduced: reduced()}, status: 'fail', message: ['Too dark', 'needs at least 15']},
		{
			name: 'dark face, nothing bright',
			facts: {faceRegion: region({medianL: 28}), reduced: reduced(100, 117)},
			status: 'fail',
			message: ['below 35', 'reaches 117 of 255, at least 150'],
			// Judged by 35, not by the usual 15–80: the HTML's limit column says what the message says.
			bounds: {faceLightness: {atLeast: 'darkFaceLightness'}},
		},
		{name: 'dark skin beside a white backdrop', facts: {faceRegion: region({medianL: 26}), reduced: reduced()}, status: 'pass'},
		{name: 'dark face, bright parts', facts: {faceRegion: region({medianL: 18}), reduced: reduced()}, status: 'warn', message: ['at least 20 is safe']},
		{
			name: 'washed out',
			facts: {faceRegion: region({medianL: 88}), reduced: reduced()},
			status: 'fail',
			reason: 'OTHER_REQUIREMENT',
			message: ['Washed out', 'L* 88', 'at most L* 83', 'at most L* 80 with 1 % or more clipped', 'at most 10 % clipped'],
		},
		{
			name: 'bright and clipped: detail lost',
			facts: {faceRegion: region({medianL: 81.5, brightShare: 0.03}), reduced: reduced()},
			status: 'fail',
			reason: 'OTHER_REQUIREMENT',
			message: ['Washed out', '3 % of it is clipped'],
		},
		{
			name: 'bright but detailed (a light face on white, nothing clipped) only warns',
			facts: {faceRegion: region({medianL: 81, brightShare: 0.002}), reduced: reduced()},
			status: 'warn',
			// A bright face is never filed under TOO_DARK.
			reason: 'OTHER_REQUIREMENT',
			message: ['Bright but detailed', 'above 80', '0.2 %', 'under 1 %'],
			bounds: {faceLightness: {atMost: 'maxDetailedFaceLightness', safeFrom: 'maxFaceLightness'}, clippedShare: {atMost: 'brightClippedShare'}},
		},
		{name: 'clipped', facts: {faceRegion: region({medianL: 70, brightShare: 0.2}), reduced: reduced()}, status: 'fail', reason: 'OTHER_REQUIREMENT'},
		{
			name: 'a little bright',
			facts: {faceRegion: region({medianL: 77}), reduced: reduced()},
			status: 'warn',
			reason: 'OTHER_REQUIREMENT',
			message: ['at most L* 75 and 5 % clipped are safe'],
		},
		{
			name: 'a little clipped',
			facts: {faceRegion: region({medianL: 70, brightShare: 0.07}), reduced: reduced()},
			status: 'warn',
			reason: 'OTHER_REQUIREMENT',
		},
		{name: 'no skin measured', facts: {faceRegion: region({medianL: Number.NaN}), reduced: reduced()}, status: 'skip', message: ['no skin of the face']},
	],
});
