import { formatAmount, formatDate, formatDateTime } from './format';

const plain = (text: string) => text.replace(/\u00a0|\u202f/g, ' ');

describe('the formats officials read', () => {
  it('writes a calendar date in words, the same whatever the time zone', () => {
    expect(formatDate('2026-12-01', 'sv')).toBe('1 december 2026');
    expect(formatDate('2018-01-09', 'en')).toBe('9 January 2018');
  });

  it('writes the API’s kronor strings with a space between thousands and öre, as the engine’s Swedish texts do', () => {
    expect(plain(formatAmount('20352.00', 'sv'))).toBe('20 352,00 kr');
    expect(plain(formatAmount('105574.4', 'sv'))).toBe('105 574,40 kr');
    expect(plain(formatAmount('-944.40', 'sv'))).toBe('\u2212944,40 kr');
    expect(formatAmount('472200.00', 'en')).toBe('472,200.00 kr');
  });

  it("writes a moment in Stockholm's time", () => {
    expect(plain(formatDateTime('2026-12-01T13:05:00Z', 'sv'))).toBe('1 december 2026 kl. 14:05');
  });
});
