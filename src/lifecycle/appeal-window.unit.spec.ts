import { appealWindowEnd, finalFrom } from './appeal-window';

describe('the appeal window', () => {
  it.each([
    ['2022-11-15', '2022-12-06', '2022-12-07'], // Linköping: three weeks end on a Tuesday
    ['2024-03-08', '2024-04-02', '2024-04-03'], // ends on långfredag: past Easter to the Tuesday
    ['2023-12-03', '2023-12-27', '2023-12-28'], // ends on julafton (a Sunday): past juldagen and annandag jul
  ])('posted %s: ends %s, final from %s', (postedOn, ends, final) => {
    expect(appealWindowEnd(postedOn)).toBe(ends);
    expect(finalFrom(appealWindowEnd(postedOn))).toBe(final);
  });
});
