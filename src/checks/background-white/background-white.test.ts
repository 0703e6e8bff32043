import {testCheck} from '../../../test/support/check-table.js';
import {background} from '../../../test/support/facts.js';
import {backgroundWhite} from './index.js';

testCheck(backgroundWhite, {
	cases: [
		{name: 'white', facts: {background: background()}, status: 'pass', message: [/plain and white/]},
		{
			name: 'light grey (London)',
			facts: {background: background({colour: {L: 77, a: 0, b: 1}, chroma: 1})},
			status: 'fail',
			message: ['light grey (L* 77, needs at least 91)'],
		},
		{
			name: 'off-white',
			facts: {background: background({colour: {L: 92.5, a: 0, b: 1}, chroma: 1})},
			status: 'warn',
			message: ['off-white', 'at least 94 is safe'],
		},
		{
			name: 'pale blue',
			facts: {background: background({colour: {L: 86, a: -2, b: -14}, chroma: 14.1})},
			status: 'fail',
			message: [/tinted .*blue \(chroma 14, at most 5\)/],
		},
		{name: 'a slight tint', facts: {background: background({colour: {L: 97, a: 3.5, b: 1}, chroma: 3.6})}, status: 'warn', message: ['at most 3 is safe']},
		{name: 'pink', facts: {background: background({colour: {L: 96, a: 10, b: 2}, chroma: 10.2})}, status: 'fail', message: [/tinted .*pink/]},
		{name: 'textured', facts: {background: background({texture: 1.6})}, status: 'fail', message: ['not plain', 'at most 1.2']},
		{name: 'slightly textured', facts: {background: background({texture: 1})}, status: 'warn', message: ['at most 0.9 is safe']},
		{
			name: 'shadow beside the head',
			facts: {background: background({shadow: 30})},
			status: 'fail',
			message: ['shadow on the background beside the head (L* 30 darker than the rest, at most 15)'],
		},
		{name: 'a faint shadow', facts: {background: background({shadow: 12})}, status: 'warn', message: ['at most 10 is safe']},
		{
			name: 'darker on one side',
			facts: {background: background({leftRight: -14})},
			status: 'fail',
			message: ['left side of the background is darker', 'at most 10'],
		},
		{name: 'a little darker on one side', facts: {background: background({leftRight: 7})}, status: 'warn', message: ['at most 6 is safe']},
		{name: 'gradient top to bottom', facts: {background: background({topBottom: 12})}, status: 'fail', message: ['darker beside the face than at the top']},
		{name: 'face like the background', facts: {background: background({faceContrast: 5})}, status: 'fail', message: ['does not stand out', 'needs at least 8']},
		{
			name: 'hardly any backdrop found: busy, not plain',
			facts: {background: background({share: 0.01})},
			status: 'fail',
			message: ['No plain backdrop was found', 'only 1 % of the photo', 'at least 5 %'],
		},
		{
			name: 'a white window beside the head is not a backdrop behind it',
			facts: {background: background({surround: {left: 0.9, right: 0.02, top: 0.4}})},
			status: 'fail',
			message: ['not seen all around the head', 'only 2 % of the band right of the head', 'at least 10 %'],
		},
		{
			name: 'hair filling part of the band around the head still leaves backdrop on every side',
			facts: {background: background({surround: {left: 0.15, right: 0.6, top: 0.3}})},
			status: 'pass',
		},
		{
			name: 'above the head',
			facts: {background: background({surround: {left: 0.8, right: 0.8, top: 0.05}})},
			status: 'fail',
			message: ['only 5 % of the band above the head'],
		},
	],
});
