import { expect, it } from 'vitest';
import * as parser from '../../src/lib/index.ts';

it('the parser exports exactly its public names', () => {
  expect(Object.keys(parser).sort()).toEqual([
    'DiagnosticSink',
    'articleId',
    'articleRecordSchema',
    'conservationDifference',
    'continuesAcrossBreak',
    'creditSchema',
    'dateFromFileName',
    'datelineSchema',
    'decode',
    'diagnosticSchema',
    'firstInvalidUtf8',
    'formatDiagnostic',
    'hanCharacters',
    'hasErrors',
    'isTitleLike',
    'listSeedFiles',
    'matchDateline',
    'mergeResults',
    'parseByline',
    'parseMarkdown',
    'parsePhotoCredit',
    'parseSeed',
    'parseSeeds',
    'printedText',
    'readSeedFile',
    'remarkLiteralText',
    'safeId',
    'seedIdFromFile',
    'splitCaptionCredit',
    'splitFrontMatter',
    'toBlocks',
    'yearFromText',
  ]);
});
