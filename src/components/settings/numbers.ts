// Counts on the Settings page in the reader's language and digits: "10,000", "10.000", "۱۰٬۰۰۰".
const formats = new Map<string, Intl.NumberFormat>();

export function formatCount(value: number, lang: string): string {
  let format = formats.get(lang);
  if (format === undefined) {
    format = new Intl.NumberFormat(lang);
    formats.set(lang, format);
  }
  return format.format(value);
}
