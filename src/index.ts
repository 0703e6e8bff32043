export {validatePhoto} from './validate.js';
export {validatePhotos, validatePhotosIterable, type BatchItem} from './batch/index.js';
export type {ValidateOptions, ValidateManyOptions, Progress} from './options.js';
export type {PhotoInput} from './input/read.js';
export {profiles, caPrCard, profileSchema, profileOverridesSchema, type Profile, type ProfileOverrides} from './profiles/index.js';
export {CHECK_IDS, type CheckId} from './checks/ids.js';
export {RETURN_REASONS, RETURN_REASON_CODES, type ReturnReason} from './reasons.js';
export {
	photoReportSchema,
	checkResultSchema,
	statusSchema,
	verdictSchema,
	type PhotoReport,
	type CheckResult,
	type Status,
	type Verdict,
	type FaceSummary,
	type Annotations,
} from './report/schema.js';
export {formatReport} from './report/text.js';
export {renderHtml, type HtmlOptions} from './report/html.js';
export {renderAnnotatedPng} from './report/annotate-png.js';
