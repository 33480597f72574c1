// Apart from the element, so that what shows initials (the kudos feed) does not bring the whole person card.

/** Made once: a segmenter is costly, and a feed shows initials for hundreds of people. */
let segmenter: Intl.Segmenter | undefined;

/** Up to two initials from a name, by grapheme so that emoji and combined letters stay whole. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '?';
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const graphemes = segmenter;
  const first = (word: string) => graphemes.segment(word)[Symbol.iterator]().next().value?.segment ?? '';
  const letters = words.length === 1 ? first(words[0]) : first(words[0]) + first(words[words.length - 1]);
  return letters.toLocaleUpperCase();
}
