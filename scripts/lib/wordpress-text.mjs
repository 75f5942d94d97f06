// Text helpers for the WordPress converter: entities, plain text, slugs, and what the seed site
// writes at the top of a post ("Site – Kind: lead", "Name – Role").

import { DecodingMode, decodeHTML } from 'entities';

/**
 * Text with its character references decoded as an HTML parser decodes them in text: every named
 * entity, numeric references (`&#0;` and surrogates become U+FFFD), legacy names without a
 * semicolon (`&amp`, `&copy2024`), and unknown names left as written. `&nbsp;` is U+00A0.
 * tests/fixtures/entity-cases.ts holds this decoder and the search worker's to the same table.
 */
export function decodeEntities(text) {
  return decodeHTML(text, DecodingMode.Legacy);
}

// The whitespace HTML collapses in text: a no-break space (U+00A0) is not part of it.
const HTML_SPACE = /[\t\n\f\r ]+/g;

/**
 * Plain text of an HTML fragment (WordPress's rendered title or excerpt), as a browser shows it:
 * runs of spaces and line breaks become one space, no-break spaces stay ("EE.&nbsp;UU." keeps
 * its two halves on one line), and the ends are trimmed.
 */
export function plainText(html) {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(HTML_SPACE, ' ')
    .trim();
}

export function slugify(text) {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // not percent-encoded
  }
  return decoded
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// "Strategic Council Online – Opinion: December 31, 2021 was…" and "Name – Expert on Iraq affairs",
// as the seed site writes them at the top of a post.
const KIND_AND_LEAD = /^(?:[^:–—]{2,60}?)\s+[–—-]\s+([\p{L}][\p{L} ]{1,30}):\s*(.+)$/su;
// A name and a role may hold full stops ("Dr. Ali Bigdeli", "Expert on U.S. affairs"), never a
// sentence's end followed by another sentence.
const NAME_AND_ROLE = /^([^–—:]{2,60}?)\s+[–—-]\s+([^:]{2,80})$/u;
const TWO_SENTENCES = /[.!?]\s+\p{Lu}/u;
const ABBREVIATION =
  /\b(?:Dr|Mr|Mrs|Ms|Prof|Sr|Jr|St|Gen|Col|Capt|Lt|Sen|Rep|Gov|Amb)\.|\b\p{Lu}\./gu;

/** Whether a line reads as two sentences, titles and initials ("Dr.", "U.S.") aside. */
const isTwoSentences = (text) => TWO_SENTENCES.test(text.replace(ABBREVIATION, 'X'));
const PARAGRAPH = /^\s*<p[^>]*>([\s\S]*?)<\/p>\s*/i;

/**
 * Lifts the kind, the lead and the author's role out of the top of a body, where the site
 * writes them as its first paragraphs, and returns what is left of the body.
 */
export function liftFromBody(html) {
  let body = html;
  const lifted = {};
  const first = PARAGRAPH.exec(body);
  const kindAndLead = first && KIND_AND_LEAD.exec(plainText(first[1]));
  if (first && kindAndLead) {
    lifted.kind = kindAndLead[1].trim();
    lifted.lead = kindAndLead[2].trim();
    body = body.slice(first[0].length);
    const second = PARAGRAPH.exec(body);
    const byline = second && NAME_AND_ROLE.exec(plainText(second[1]));
    if (second && byline && !isTwoSentences(byline[0])) {
      lifted.author = { name: byline[1].trim(), role: byline[2].trim() };
      body = body.slice(second[0].length);
    }
  }
  return { ...lifted, body: body.trim() };
}

/** The words of a text up to `count`, with an ellipsis when it went on. */
export function firstWords(text, count = 40) {
  const words = text.split(HTML_SPACE).filter(Boolean);
  return words.length <= count ? words.join(' ') : `${words.slice(0, count).join(' ')}…`;
}

const ELLIPSIS_END = /\s*(?:\[(?:…|\.\.\.)\]|…|\.\.\.)\s*$/u;

/**
 * Whether WordPress made this excerpt itself from the opening of the content (its automatic
 * excerpt: the first words, then "[…]"), rather than the author writing one.
 */
export function isAutomaticExcerpt(excerptText, contentHtml) {
  // Compared without spaces: WordPress joins the paragraphs it strips with a line break or none.
  const bare = (text) => text.replace(/\s+/g, '');
  const start = bare(excerptText.replace(ELLIPSIS_END, ''));
  return start.length > 0 && bare(plainText(contentHtml)).startsWith(start);
}

// Persian and Arabic letters in Latin, for ids a reader can read back ("دولت-واحد" → "dolt-vahd"):
// a slug of the site's own words, stable, rather than "post-18".
const LATIN = {
  ا: 'a',
  آ: 'a',
  أ: 'a',
  إ: 'e',
  ب: 'b',
  پ: 'p',
  ت: 't',
  ث: 's',
  ج: 'j',
  چ: 'ch',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'z',
  ر: 'r',
  ز: 'z',
  ژ: 'zh',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'z',
  ط: 't',
  ظ: 'z',
  ع: 'a',
  غ: 'gh',
  ف: 'f',
  ق: 'gh',
  ک: 'k',
  ك: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  و: 'v',
  ه: 'h',
  ة: 'h',
  ی: 'i',
  ي: 'i',
  ى: 'a',
  ئ: 'e',
  ؤ: 'o',
  ء: '',
  '۰': '0',
  '۱': '1',
  '۲': '2',
  '۳': '3',
  '۴': '4',
  '۵': '5',
  '۶': '6',
  '۷': '7',
  '۸': '8',
  '۹': '9',
  '٠': '0',
  '١': '1',
  '٢': '2',
  '٣': '3',
  '٤': '4',
  '٥': '5',
  '٦': '6',
  '٧': '7',
  '٨': '8',
  '٩': '9',
};

/** A slug in the feed's id pattern, Persian and Arabic letters spelled in Latin. */
export function latinSlug(text) {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // not percent-encoded
  }
  return slugify([...decoded].map((char) => LATIN[char] ?? char).join(''));
}
