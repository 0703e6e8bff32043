/**
 * `photo-requirements`: check a portrait against the PR card's photo requirements in Node, one
 * photo (`validatePhoto`), many (`validatePhotos`) or a long-lived pool (`createValidator`).
 *
 * @module photo-requirements
 */
export {type BatchItem, validatePhotos, validatePhotosIterable} from './batch/index.js';
export {
	createValidator,
	QueueFullError,
	type Validator,
	type ValidatorCallOptions,
	ValidatorClosedError,
	type ValidatorOptions,
	type ValidatorStats,
} from './batch/validator.js';
export {CHECK_IDS, type CheckId} from './checks/registry.js';
export type {PhotoFile, PhotoInput} from './input/read.js';
export type {Progress, ValidateManyOptions, ValidateOptions} from './options.js';
export {caPrCard, findProfile, type Profile, type ProfileOverrides, profileOverridesSchema, profileSchema, profiles, unknownChecks} from './profiles/index.js';
export {RETURN_REASON_CODES, RETURN_REASONS, type ReturnReason} from './reasons.js';
export {renderAnnotatedPng} from './report/annotate-png.js';
export {type HtmlOptions, renderHtml} from './report/html.js';
export {
	type Advice,
	type AdviceAction,
	type Annotations,
	adviceActionSchema,
	adviceSchema,
	type CheckResult,
	checkResultSchema,
	type FaceSummary,
	type FixAction,
	fixActionSchema,
	type PhotoReport,
	type Provenance,
	photoReportSchema,
	provenanceSchema,
	type Status,
	type SuggestedCrop,
	statusSchema,
	suggestedCropSchema,
	type Verdict,
	verdictSchema,
} from './report/schema.js';
export {type FormatOptions, formatReport} from './report/text.js';
export {validatePhoto} from './validate.js';
export {LIBRARY_VERSION} from './version.js';
