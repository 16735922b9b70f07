import type { DiagnosticSink } from './diagnostics.ts';

/** The encodings a seed may come in. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** A decoded seed: its text (line endings normalised to LF) and how it was read. */
export interface Decoded {
  /** The text, or null when the bytes could not be decoded. */
  text: string | null;
  /** The encoding used. */
  encoding: Encoding | null;
}

/** Control characters that are never printed text (tab and newline are kept). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/gu;

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) {
      i += 1;
      continue;
    }
    const size =
      byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (size === 0 || i + size > bytes.length) return i;
    for (let k = 1; k < size; k += 1) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    const second = bytes[i + 1] ?? 0;
    if ((byte === 0xe0 && second < 0xa0) || (byte === 0xed && second > 0x9f)) return i;
    if ((byte === 0xf0 && second < 0x90) || (byte === 0xf4 && second > 0x8f)) return i;
    i += size;
  }
  return -1;
}

/** Whether decoded text reads as Chinese or ASCII rather than mojibake. */
function looksLikeText(text: string): boolean {
  if (text.includes('\ufffd')) return false;
  let plausible = 0;
  let total = 0;
  for (const char of text) {
    total += 1;
    if (/[\p{Script=Han}\p{P}\p{Zs}\s\u0020-\u007e\uff00-\uffef\u3000-\u303f]/u.test(char)) plausible += 1;
  }
  return total === 0 || plausible / total >= 0.95;
}

function decodeWith(encoding: Encoding, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a seed's bytes: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, or GB18030/GBK
 * (detected when the bytes are not UTF-8). Normalises CRLF and CR to LF and drops control
 * characters, reporting each decision to `sink`.
 */
export function decode(content: Uint8Array | string, sink: DiagnosticSink): Decoded {
  let text: string | null;
  let encoding: Encoding;
  if (typeof content === 'string') {
    text = content.replace(/^\ufeff/u, '');
    encoding = 'utf-8';
  } else if (content[0] === 0xff && content[1] === 0xfe) {
    encoding = 'utf-16le';
    text = decodeWith(encoding, content);
  } else if (content[0] === 0xfe && content[1] === 0xff) {
    encoding = 'utf-16be';
    text = decodeWith(encoding, content);
  } else {
    const bad = firstInvalidUtf8(content);
    if (bad < 0) {
      encoding = 'utf-8';
      text = decodeWith(encoding, content);
    } else {
      encoding = 'gb18030';
      const gb = decodeWith(encoding, content);
      text = gb !== null && looksLikeText(gb) ? gb : null;
      if (text === null) {
        sink.report(
          0,
          'decode/invalid',
          `is neither UTF-8 nor GB18030: the first byte that is not UTF-8 is at offset ${bad} (0x${(content[bad] ?? 0).toString(16).padStart(2, '0')})`,
        );
        return { text: null, encoding: null };
      }
      sink.report(0, 'decode/gb18030', bad);
    }
  }
  if (text === null) {
    sink.report(0, 'decode/invalid', `starts with a ${encoding} byte-order mark but is not valid ${encoding}`);
    return { text: null, encoding: null };
  }
  text = text.replace(/^\ufeff/u, '').replace(/\r\n?/gu, '\n');
  const firstControl = text.search(CONTROL);
  if (firstControl >= 0) {
    const line = text.slice(0, firstControl).split('\n').length;
    const count = text.match(CONTROL)?.length ?? 0;
    text = text.replace(CONTROL, '');
    sink.report(line, 'text/control-character', count);
  }
  return { text, encoding };
}
