/** The Xinhua page parser: seeds in, article records and diagnostics out. No Astro here. */
export { parseMarkdown, remarkLiteralText, toBlocks } from './blocks.ts';
export type { Block, HeadingBlock, LineBlock } from './blocks.ts';
export { continuesAcrossBreak, hanCharacters, isTitleLike } from './chars.ts';
export { conservationDifference, printedText } from './conservation.ts';
export { parseByline, parsePhotoCredit, splitCaptionCredit } from './credit.ts';
export { matchDateline } from './dateline.ts';
export { splitColumnLabel } from './column.ts';
export { dateFromFileName, pageFromFileName, yearFromText } from './dates.ts';
export { decode, firstInvalidUtf8 } from './decode.ts';
export { DiagnosticSink, formatDiagnostic, hasErrors } from './diagnostics.ts';
export { splitFrontMatter } from './front-matter.ts';
export { articleId, safeId, seedIdFromFile } from './ids.ts';
export { matchJump, splitJump } from './jump.ts';
export { mergeResults, parseSeed, parseSeeds } from './parse.ts';
export { diagnostic, RULE_IDS, RULES, rulesTable } from './rules.ts';
export type { RuleData, RuleId } from './rules.ts';
export {
  articleRecordSchema,
  creditSchema,
  datelineSchema,
  diagnosticSchema,
  jumpSchema,
  personSchema,
} from './schema.ts';
export type * from './types.ts';
export { isSeedFileName, listSeedFiles, readSeedFile } from './files.ts';
export { columnOf, creditedNames, filedFrom } from './views.ts';
