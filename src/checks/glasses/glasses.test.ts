import {testCheck} from '../../../test/support/check-table.js';
import {features, lenses, region} from '../../../test/support/facts.js';
import {glasses} from './index.js';

const lens = (darkening: number, glare = 0) => ({darkening, cells: 400, glare});
const facts = (overrides: {lenses?: Parameters<typeof lenses>[0]; contrast?: [number, number]} = {}) => ({
	lenses: lenses(overrides.lenses),
	faceFeatures: features(overrides.contrast ? {eyeContrast: {right: overrides.contrast[0], left: overrides.contrast[1]}} : {}),
	faceRegion: region(),
});

testCheck(glasses, {
	cases: [
		{name: 'no glasses, or clear ones', facts: facts(), status: 'pass', message: ['clearly visible']},
		{
			name: "a flash's reflection on a lens",
			facts: facts({lenses: {right: lens(10), left: lens(10, 0.017)}}),
			status: 'fail',
			reason: 'GLARE',
			message: ['Glare on the glasses', 'over the left eye', 'at most 0.5 %'],
		},
		{
			name: 'a small reflection',
			facts: facts({lenses: {right: lens(10, 0.0045), left: lens(10)}}),
			status: 'warn',
			reason: 'GLARE',
			message: ['Possibly glare on the glasses', 'at most 0.2 % is safe'],
		},
		{
			name: 'tinted lenses dim the eyes',
			facts: facts({contrast: [0.1, 0.11]}),
			status: 'fail',
			message: ['as behind tinted lenses', 'both eyes show a contrast of 0.11', 'at least 0.14'],
		},
		{name: 'one eye in shade is not a tint: lenses come in pairs', facts: facts({contrast: [0.1, 0.2]}), status: 'pass'},
		{
			name: 'tinted lenses darken the skin around the eyes',
			facts: facts({lenses: {right: lens(36), left: lens(35)}}),
			status: 'fail',
			message: ['around both eyes gets 2.7 stops less light', 'at most 1.85'],
		},
		{name: 'one side of the face in shade is not a tint', facts: facts({lenses: {right: lens(10), left: lens(35)}}), status: 'pass'},
		{name: 'shaded eye sockets are not a tint', facts: facts({lenses: {right: lens(18), left: lens(18)}}), status: 'pass'},
	],
});
