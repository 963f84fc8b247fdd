import { foldLines } from 'ical-generator';
import { foldLine } from './ical-feed';

describe('foldLine', () => {
  it.each([
    ['short', 'SUMMARY:Årlig utbetalning'],
    ['ASCII past 74 octets', `DESCRIPTION:${'a'.repeat(300)}`],
    ['two-octet characters across a fold', `SUMMARY:${'åäö'.repeat(60)}`],
    ['three- and four-octet characters', `DESCRIPTION:${'€𝄞x'.repeat(50)}`],
    ['exactly 74 octets', 'X'.repeat(74)],
    ['75 octets', 'X'.repeat(75)],
  ])('folds %s as ical-generator does', (_, line) => {
    expect(foldLine(line)).toBe(foldLines(line));
  });
});
