/** First code point of the traditional-character bitset (CJK Extension A). */
export const BITSET_FIRST = 0x3400;

/** Last code point of the bitset (end of CJK Unified Ideographs); others are listed in full. */
export const BITSET_LAST = 0x9fff;
