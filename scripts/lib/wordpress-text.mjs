// Text helpers for the WordPress converter: entities, plain text, slugs, and what the seed site
// writes at the top of a post ("Site – Kind: lead", "Name – Role").

const ENTITIES = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Plain text of an HTML fragment (WordPress's rendered title or excerpt). */
export function plainText(html) {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
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
const NAME_AND_ROLE = /^([^–—:.]{2,60}?)\s+[–—-]\s+([^.:]{2,80})$/u;
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
    if (second && byline) {
      lifted.author = { name: byline[1].trim(), role: byline[2].trim() };
      body = body.slice(second[0].length);
    }
  }
  return { ...lifted, body: body.trim() };
}
