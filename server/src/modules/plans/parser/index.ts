/**
 * The action-plan parser's public surface: text extraction from an upload and the pure parser.
 * Other code (the plans service, the CLI) imports only from here.
 */
export { extractDocumentText, MAX_PLAN_FILE_BYTES, type DocumentTextErrorCode, type DocumentTextResult, type UploadedFile } from './document-text.js';
export { flattenItems, parsePlan, planParseSummary, WHOLE_TEXT_PATH, type PlanParse, type TextSpan } from './parse-plan.js';
export { findChineseDate, findDashedDate, titlePeriod } from './dates.js';
export { findTargets } from './targets.js';
export { splitUnitNames } from './units.js';
