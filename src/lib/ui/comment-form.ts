export interface CommentFields {
  name: string;
  email: string;
  content: string;
}

export type CommentField = keyof CommentFields;

/** Each message names what to do, one per field, so errors can sit next to their field. */
export type FieldErrors = Partial<
  Record<
    CommentField,
    'commentNameMissing' | 'commentEmailMissing' | 'commentEmailInvalid' | 'commentTextMissing'
  >
>;

// Deliberately loose: the site is the judge of an address; this only catches slips.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateComment(fields: CommentFields): FieldErrors {
  const errors: FieldErrors = {};
  if (!fields.name.trim()) errors.name = 'commentNameMissing';
  const email = fields.email.trim();
  if (!email) errors.email = 'commentEmailMissing';
  else if (!EMAIL.test(email)) errors.email = 'commentEmailInvalid';
  if (!fields.content.trim()) errors.content = 'commentTextMissing';
  return errors;
}
