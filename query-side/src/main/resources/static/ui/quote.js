// From the words a delegate selected to what the API quotes: the paragraph, the exact words and which occurrence
// of them, counted in the paragraph's plain text as the server reads it (brackets as "[…]", a line break as a
// space, footnote marks and other decorations left out).

/** The selection's quote, or null when it is not inside one paragraph's words. */
export function selectedQuote(selection = window.getSelection()) {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const words = wordsOf(range.startContainer);
  if (!words || words !== wordsOf(range.endContainer)) return null;
  const para = words.closest('[data-paragraph]');
  const { text, start, end } = plain(words, range);
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  if (from >= to) return null;
  const quote = text.slice(from, to);
  return { paragraphId: para.dataset.paragraph, quote, occurrence: occurrenceAt(text, quote, from) };
}

/** Which occurrence of quote starts at position from, counting as the server does (overlaps included). */
export function occurrenceAt(text, quote, from) {
  let occurrence = 0;
  for (let at = text.indexOf(quote); at >= 0 && at <= from; at = text.indexOf(quote, at + 1)) occurrence++;
  return occurrence;
}

function wordsOf(node) {
  const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return el?.closest('.words') || null;
}

/** The plain text of a paragraph's words; with a range, where it starts and ends in that text. */
export function plain(words, range = null) {
  let text = '';
  let start = 0;
  let end = 0;
  const count = (node, offsetOf, length) => {
    if (range) {
      start += node === range.startContainer ? range.startOffset
        : range.comparePoint(...offsetOf(0)) < 0 ? length : 0;
      end += node === range.endContainer ? range.endOffset
        : range.comparePoint(...offsetOf(length)) <= 0 ? length : 0;
    }
  };
  const walk = node => {
    if (node.nodeType === Node.TEXT_NODE) {
      count(node, at => [node, at], node.data.length);
      text += node.data;
    } else if (node.nodeType === Node.ELEMENT_NODE && !node.hasAttribute('data-noquote')) {
      if (node.tagName === 'BR') {
        const index = [...node.parentNode.childNodes].indexOf(node);
        count(node, at => [node.parentNode, index + at], 1);
        text += ' ';
      } else {
        node.childNodes.forEach(walk);
      }
    }
  };
  walk(words);
  return { text, start: Math.min(start, text.length), end: Math.min(end, text.length) };
}
