import {testCheck} from '../../../test/support/check-table.js';
import {header} from '../../../test/support/facts.js';
import {dimensions} from './index.js';

testCheck(dimensions, {
	cases: [
		{name: 'the smallest allowed', facts: {header: header(715, 1000)}, status: 'pass', message: ['between 715 × 1000 and 2000 × 2800']},
		{name: 'the largest allowed', facts: {header: header(2000, 2800)}, status: 'pass'},
		{name: '1000 × 1400', facts: {header: header(1000, 1400)}, status: 'pass'},
		{
			name: 'one pixel too narrow',
			facts: {header: header(714, 1000)},
			status: 'fail',
			message: ['714 px wide, needs at least 715'],
			fix: {action: 're-export', how: ['from the original, larger file: at least 715 × 1000 pixels']},
		},
		{name: 'one pixel too short', facts: {header: header(715, 999)}, status: 'fail', message: ['999 px high, needs at least 1000']},
		{
			name: 'one pixel too wide',
			facts: {header: header(2001, 2800)},
			status: 'fail',
			message: ['2001 px wide, at most 2000 allowed'],
			fix: {action: 're-export', how: ['scaled down to at most 2000 × 2800 pixels']},
		},
		{name: 'one pixel too high', facts: {header: header(2000, 2801)}, status: 'fail', message: ['2801 px high, at most 2800 allowed']},
		{name: 'too small both ways', facts: {header: header(600, 840)}, status: 'fail'},
		{name: 'too large both ways', facts: {header: header(2100, 2940)}, status: 'fail'},
		// Inside both ranges, though landscape: aspect-ratio says so.
		{name: 'landscape within both ranges', facts: {header: header(1400, 1000)}, status: 'pass'},
		{name: 'judged as displayed after an EXIF rotation', facts: {header: header(1000, 1400, 6)}, status: 'pass', message: ['after its EXIF rotation']},
	],
});
