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
		{name: 'hardly any background', facts: {background: background({share: 0.01})}, status: 'warn', message: ['Too little background', 'at least 5 %']},
	],
});
