import {testCheck} from '../../../test/support/check-table.js';
import {fileSize} from './index.js';

testCheck(fileSize, {
	cases: [
		{name: 'an empty count', facts: {size: 0}, status: 'pass'},
		{name: '1 MB', facts: {size: 1_000_000}, status: 'pass', message: ['1 MB (1,000,000 bytes)', 'within 4 MB (4,194,304 bytes)']},
		{name: 'exactly 4,000,000 bytes', facts: {size: 4_000_000}, status: 'pass'},
		{
			name: 'one byte above 4,000,000',
			facts: {size: 4_000_001},
			status: 'warn',
			message: ['4,000,001 bytes', 'counted as 4,194,304 bytes', 'counted as 4,000,000 bytes'],
		},
		{name: 'exactly 4 × 1024²', facts: {size: 4_194_304}, status: 'warn'},
		{name: 'one byte above 4 × 1024²', facts: {size: 4_194_305}, status: 'fail', message: ['4,194,305 bytes', 'above the limit of 4 MB (4,194,304 bytes)']},
		{
			name: '12 MB',
			facts: {size: 12_000_000},
			status: 'fail',
			fix: {action: 're-export', how: ['as a JPEG at a lower quality (a PNG as a JPEG', 'to at most 4,000,000 bytes']},
		},
		{
			name: 'a lower limit',
			facts: {size: 2_500_000},
			limits: {maxBytes: 2_000_000, warnAboveBytes: 1_900_000},
			status: 'fail',
			message: ['above the limit of 2 MB (2,000,000 bytes)'],
		},
	],
});
