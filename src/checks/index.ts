import {aspectRatio} from './aspect-ratio.js';
import {backgroundWhite} from './background-white.js';
import type {Check} from './check.js';
import {dimensions} from './dimensions.js';
import {exposure} from './exposure.js';
import {eyesOpen} from './eyes-open.js';
import {faceCentred} from './face-centred.js';
import {faceCount} from './face-count.js';
import {faceVisible} from './face-visible.js';
import {fileFormat} from './file-format.js';
import {fileSize} from './file-size.js';
import {glare} from './glare.js';
import {headPose} from './head-pose.js';
import {headSize} from './head-size.js';
import type {CheckId} from './ids.js';
import {lightingUniform} from './lighting-uniform.js';
import {naturalColour} from './natural-colour.js';
import {neutralExpression} from './neutral-expression.js';
import {recent} from './recent.js';
import {sharpness} from './sharpness.js';
import {unaltered} from './unaltered.js';

export type {Check, CheckOutcome} from './check.js';
export {CHECK_IDS, type CheckId} from './ids.js';

/** The checks implemented so far, by id. A profile may only list these. */
export const checks: Partial<Record<CheckId, Check>> = {
	'file-format': fileFormat,
	'file-size': fileSize,
	dimensions,
	'aspect-ratio': aspectRatio,
	'background-white': backgroundWhite,
	exposure,
	glare,
	'lighting-uniform': lightingUniform,
	sharpness,
	'face-count': faceCount,
	'face-visible': faceVisible,
	'eyes-open': eyesOpen,
	'neutral-expression': neutralExpression,
	'face-centred': faceCentred,
	'head-size': headSize,
	'head-pose': headPose,
	'natural-colour': naturalColour,
	unaltered,
	recent,
};
