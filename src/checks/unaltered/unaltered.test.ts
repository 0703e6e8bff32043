import {testCheck} from '../../../test/support/check-table.js';
import {metadata} from '../../../test/support/facts.js';
import type {JpegStructure} from '../../analysis/file/jpeg-structure.js';
import type {PixelEvidence} from '../../analysis/forensics/pixel-evidence.js';
import {unaltered} from './index.js';

const camera = metadata({}, {make: 'Canon', model: 'EOS R6'});
const jpeg = (quality: number): JpegStructure => ({
	segments: ['APP1', 'DQT', 'SOF0', 'DHT', 'SOS'],
	comments: [],
	commentCount: 0,
	xmpExtensionBytes: 0,
	segmentCount: 5,
	scans: 1,
	coding: 'baseline',
	app1: {exif: true, xmp: false},
	photoshopIrb: false,
	adobeApp14: false,
	jfif: false,
	iccProfile: false,
	progressive: false,
	quantTables: [],
	quality: {quality, standardTables: true, distance: 0},
	trailingBytes: 0,
});
const cutout = (whiteShare: number, hardShare: number): PixelEvidence => ({
	cutout: {whiteShare, backdropNoise: 0, edgeProfiles: 200, hardShare, stepShare: hardShare},
});

testCheck(unaltered, {
	cases: [
		{name: 'a camera original', facts: {metadata: camera, jpeg: jpeg(92), pixelEvidence: {}}, status: 'pass', message: ['taken with a Canon EOS R6']},
		{
			name: 'an editor named in EXIF Software',
			facts: {metadata: {...camera, software: 'Adobe Photoshop 25.1'}, jpeg: jpeg(92), pixelEvidence: {}},
			status: 'fail',
			message: ['Adobe Photoshop 25.1'],
		},
		{
			name: 'the named-editor policy softened to warn',
			facts: {metadata: {...camera, software: 'Adobe Lightroom Classic 13.0'}, jpeg: jpeg(92), pixelEvidence: {}},
			limits: {namedEditor: 'warn'},
			status: 'warn',
		},
		{name: 'no camera data', facts: {metadata: metadata(), jpeg: jpeg(92), pixelEvidence: {}}, status: 'warn', message: ['no camera data']},
		{
			name: 'no camera data, weak evidence passed by the profile',
			facts: {metadata: metadata(), jpeg: jpeg(92), pixelEvidence: {}},
			limits: {weakEvidence: 'pass'},
			status: 'pass',
		},
		{
			name: 'a person pasted on white',
			facts: {metadata: camera, jpeg: jpeg(92), pixelEvidence: cutout(0.97, 0.6)},
			status: 'fail',
			message: ['cut-out signature', 'from 90 % it counts', 'limits 12 % weak, 40 % strong'],
		},
		{
			name: 'a hard-masked backdrop',
			facts: {metadata: camera, jpeg: jpeg(92), pixelEvidence: cutout(0.97, 0.2)},
			status: 'warn',
			message: ['a replaced or hard-masked backdrop'],
		},
		{name: 'a white backdrop with soft edges', facts: {metadata: camera, jpeg: jpeg(92), pixelEvidence: cutout(0.97, 0.05)}, status: 'pass'},
		{
			name: 'error levels that disagree',
			facts: {
				metadata: camera,
				jpeg: jpeg(92),
				pixelEvidence: {ela: {face: 0.1, edge: 0.8, backdrop: 3, inconsistency: 8, blocks: {face: 20, edge: 20, backdrop: 20}}},
			},
			status: 'warn',
			message: ['limit 6×'],
		},
		{
			name: 'saved twice',
			facts: {metadata: camera, jpeg: jpeg(97), pixelEvidence: {blockiness: {ratio: 1.5}}},
			status: 'warn',
			message: ['quality-97 tables (95 or more counts)', 'limit 1.25×'],
		},
		{
			name: 'a blocky low-quality save is not a second save',
			facts: {metadata: camera, jpeg: jpeg(80), pixelEvidence: {blockiness: {ratio: 1.5}}},
			status: 'pass',
		},
	],
});
