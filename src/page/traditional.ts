/**
 * Traditional forms of the simplified characters in stopwords-iso's Chinese
 * list, which is simplified only: without them, prose from Taiwan or Hong Kong
 * (說、這、與、對、為、會、們) scores as if it had no stop words, and page mode
 * takes the article for boilerplate. Character for character is enough for
 * function words; only characters whose traditional form differs are listed.
 */
const SIMPLIFIED = '与个临为么从们会儿冲几凭则区却后吓吗呕呗呜哗哟喽嗳宁对将尔尽归当无时来欤点离称纵经给腾虽让论该说请诸谁赶较边过还这连随顺于并据开关发长见间问题们现样种进动实两东车学机门头认应还这';
const TRADITIONAL = '與個臨為麼從們會兒衝幾憑則區卻後嚇嗎嘔唄嗚嘩喲嘍噯寧對將爾盡歸當無時來歟點離稱縱經給騰雖讓論該說請諸誰趕較邊過還這連隨順於並據開關發長見間問題們現樣種進動實兩東車學機門頭認應還這';

const TO_TRADITIONAL = new Map<string, string>();
for (let i = 0; i < SIMPLIFIED.length; i++) TO_TRADITIONAL.set(SIMPLIFIED[i] as string, TRADITIONAL[i] as string);

/** The word in traditional characters, or undefined when it is the same in both. */
export function traditionalForm(word: string): string | undefined {
  let out = '';
  for (const ch of word) out += TO_TRADITIONAL.get(ch) ?? ch;
  return out === word ? undefined : out;
}
