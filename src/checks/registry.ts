import {aspectRatio} from './aspect-ratio/index.js';
import {backgroundWhite} from './background-white/index.js';
import type {AnyCheck} from './define.js';
import {dimensions} from './dimensions/index.js';
import {exposure} from './exposure/index.js';
import {eyesOpen} from './eyes-open/index.js';
import {faceCentred} from './face-centred/index.js';
import {faceCount} from './face-count/index.js';
import {faceVisible} from './face-visible/index.js';
import {fileFormat} from './file-format/index.js';
import {fileSize} from './file-size/index.js';
import {glare} from './glare/index.js';
import {glasses} from './glasses/index.js';
import {headPose} from './head-pose/index.js';
import {headSize} from './head-size/index.js';
import {lightingUniform} from './lighting-uniform/index.js';
import {naturalColour} from './natural-colour/index.js';
import {neutralExpression} from './neutral-expression/index.js';
import {originalPhoto} from './original-photo/index.js';
import {recent} from './recent/index.js';
import {sharpness} from './sharpness/index.js';
import {unaltered} from './unaltered/index.js';

/**
 * Every check, by id, in the report's order: the catalogue. A new check is a folder beside this
 * file and one line here; its thresholds join the profile schema from its own `limits`.
 */
export const checks = {
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
	glasses,
	'natural-colour': naturalColour,
	unaltered,
	'original-photo': originalPhoto,
	recent,
} as const satisfies Record<string, AnyCheck>;

/** A check id of the catalogue (DESIGN.md): the contract; add, never rename. */
export type CheckId = keyof typeof checks;

/** The catalogue's ids, in report order. */
export const CHECK_IDS = Object.keys(checks) as [CheckId, ...CheckId[]];

/** The check with this id (the registry is complete: every id has one). */
export function checkById(id: CheckId): AnyCheck {
	return checks[id];
}

type Checks = typeof checks;
type WithLimits = {[Id in CheckId]: Checks[Id] extends {readonly limits: {readonly group: string}} ? Id : never}[CheckId];

/** The threshold groups of the checks, by their camelCase key: `{fileSize: schema, …}`. */
export type LimitGroups = {
	[Id in WithLimits as Checks[Id]['limits']['group']]: Checks[Id]['limits']['schema'];
};
