/**
 * One RFC 4180 field, for a file spreadsheets open. A value a spreadsheet would read as a formula
 * (starting with =, +, -, @, a tab or a carriage return; names come from requests and tokens) is
 * prefixed with a single quote and quoted, as OWASP's CSV injection advice says, so that it shows
 * as the text it is. `separator`: `,` by RFC 4180; `;` where the decimal separator is a comma, as
 * in Swedish spreadsheets.
 */
export function csvField(value: string, separator: ',' | ';' = ','): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const quoted = separator === ',' ? /^'|[",\r\n]/ : /^'|[";\r\n]/;
  return quoted.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
