import { formatCount, formatDate, formatDateTime, formatKronor, formatPercent, isKronorString, percentInput } from './format';

const plain = (text: string) => text.replace(/\u00a0|\u202f/g, ' ');

describe('the formats officials read', () => {
  it('writes a calendar date in words, the same whatever the time zone', () => {
    expect(formatDate('2026-12-01', 'sv')).toBe('1 december 2026');
    expect(formatDate('2018-01-09', 'en')).toBe('9 January 2018');
  });

  it('writes kronor as the engine does: groups of three, decimal comma, always two decimals, exactly', () => {
    expect(plain(formatKronor('105574.40', 'sv'))).toBe('105 574,40 kr');
    expect(plain(formatKronor('20352.00', 'sv'))).toBe('20 352,00 kr');
    expect(plain(formatKronor('-12.5', 'sv'))).toBe('\u221212,50 kr');
    expect(formatKronor('105574.40', 'en')).toBe('105,574.40 kr');
    expect(formatKronor('0.00', 'en')).toBe('0.00 kr');
    // Beyond what a double holds exactly as kronor: still to the öre.
    expect(formatKronor('90071992547409.91', 'en')).toBe('90,071,992,547,409.91 kr');
  });

  it("tells the API's kronor form apart", () => {
    expect(isKronorString('472200.00')).toBe(true);
    expect(isKronorString('472 200')).toBe(false);
    expect(isKronorString(472_200)).toBe(false);
  });

  it('writes index changes and counts as officials read them, and reads percent as typed', () => {
    expect(plain(formatPercent('3.60', 'sv'))).toBe('+3,60 %');
    expect(formatPercent('-0.25', 'en')).toBe('-0.25%');
    expect(percentInput('3,6')).toBe('3.6');
    expect(percentInput('-0,25 %')).toBe('-0.25');
    expect(percentInput('3,601')).toBeNull();
    expect(plain(formatCount(164_616, 'sv'))).toBe('164 616');
  });

  it("writes a moment in Stockholm's time", () => {
    expect(plain(formatDateTime('2026-12-01T13:05:00Z', 'sv'))).toBe('1 december 2026 kl. 14:05');
  });
});
