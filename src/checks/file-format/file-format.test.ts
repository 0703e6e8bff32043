import {testCheck} from '../../../test/support/check-table.js';
import {header} from '../../../test/support/facts.js';
import type {SniffedType} from '../../input/sniff.js';
import {fileFormat} from './index.js';

const jpegType: SniffedType = {format: 'jpeg', mime: 'image/jpeg', description: 'a JPEG image'};
const image = {data: new Uint8Array(3), width: 1, height: 1, channels: 3 as const};
const named = (name?: string) => ({bytes: new Uint8Array(0), size: 0, ...(name === undefined ? {} : {name})});

testCheck(fileFormat, {
	cases: [
		{
			name: 'a JPEG named .jpg',
			facts: {file: named('photo.jpg'), type: jpegType, header: header(), image},
			status: 'pass',
			message: ['a JPEG image that decodes completely'],
		},
		{name: 'bytes with no name', facts: {file: named(), type: jpegType, header: header(), image}, status: 'pass'},
		{
			name: 'a JPEG named .png',
			facts: {file: named('photo.png'), type: jpegType, header: header(), image},
			status: 'warn',
			message: ['ends in ".png"'],
			fix: {action: 're-export', how: ['named .jpg']},
		},
		{name: 'no extension', facts: {file: named('photo'), type: jpegType, header: header(), image}, status: 'warn', message: ['has no extension']},
		{name: 'CMYK', facts: {file: named('photo.jpg'), type: jpegType, header: {...header(), space: 'cmyk'}, image}, status: 'warn', message: ['CMYK']},
		{
			name: 'transparency',
			facts: {file: named('photo.jpg'), type: jpegType, header: {...header(), hasAlpha: true}, image},
			status: 'warn',
			message: ['transparency'],
		},
	],
});
