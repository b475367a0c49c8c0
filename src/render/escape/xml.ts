import { refuse } from './unsafe.js';

/*
 * cib.xml: XML 1.0. Attribute values are escaped (&, <, >, ") and in double quotes; XML 1.0 cannot carry most
 * control characters at all, and a parser turns tabs and line breaks in attributes into spaces, so they are refused.
 * Comments may not contain "--".
 */
const FORMAT = 'cib.xml';

export function xmlEscape(value: string, path?: string): string {
  refuse(value, path, FORMAT);
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text inside <!-- -->: escaped like an attribute, and no "--" (which would end the comment or be invalid). */
export function xmlComment(text: string, path?: string): string {
  return xmlEscape(text, path).replace(/-(?=-)/g, '- ');
}
