import {testCheck} from '../../../test/support/check-table.js';
import {region} from '../../../test/support/facts.js';
import {lightingUniform} from './index.js';

testCheck(lightingUniform, {
	cases: [
		{name: 'both halves alike', facts: {faceRegion: region({leftL: 60, rightL: 60})}, status: 'pass'},
		{name: 'one half a little darker', facts: {faceRegion: region({leftL: 60, rightL: 42})}, status: 'warn', message: ['right half', 'at most 1 is safe']},
		{name: 'a shadow across the face', facts: {faceRegion: region({leftL: 60, rightL: 35})}, status: 'fail', message: ['at most 1.5']},
		{name: 'a shadow on dark skin', facts: {faceRegion: region({leftL: 25, rightL: 12})}, status: 'fail'},
		{name: 'a half not measured', facts: {faceRegion: region({leftL: Number.NaN, rightL: 60})}, status: 'skip'},
	],
});
