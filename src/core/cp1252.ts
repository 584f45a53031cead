/**
 * Windows-1252's bytes 0x80-0x9F: curly quotes, dashes, €, ™... where Latin-1
 * has C1 control codes. Shared by mojibake repair and by the CLI's decoding:
 * Node 20's TextDecoder('windows-1252') (and every label that means it:
 * latin1, iso-8859-1, ascii) decodes those bytes as the C1 controls, which
 * normalization would then delete: "“quoted”" would lose its quotes.
 */

// By byte 0x80 + index; 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned and stay
// the C1 control of the same number, as the WHATWG decoder leaves them.
export const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

const C1 = /[\u0080-\u009F]/g;

/** Text decoded as Latin-1 where the bytes were Windows-1252: the C1 controls become the characters 1252 puts there. */
export function windows1252FromLatin1(text: string): string {
  return text.replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] as string);
}
