import { findDates } from '../../src/knowledge/find-dates';
import { formatPartialDate } from '../../src/knowledge/partial-date';

const reference = new Date('2026-05-20T12:00:00Z');
const dates = (sentence: string) => findDates(sentence, reference).map((d) => `${d.text}=${formatPartialDate(d.date)}${d.until ? `..${formatPartialDate(d.until)}` : ''}`);

describe('findDates', () => {
  it('finds bare years that chrono leaves out', () => {
    expect(dates('In 2015, he became a research scientist.')).toEqual(['2015=2015']);
  });

  it('reads qualified years and ranges at year precision', () => {
    expect(dates('Six executives joined between mid-2025 and early 2026.')).toEqual(['between mid-2025 and early 2026=2025..2026']);
    expect(dates('He ran the team from 2017 to 2022.')).toEqual(['from 2017 to 2022=2017..2022']);
    expect(dates('It happened in mid-2025.')).toEqual(['mid-2025=2025']);
    expect(dates('He was back briefly in 2023-2024.')).toEqual(['2023-2024=2023..2024']);
  });

  it('keeps the precision the text gives and completes a missing year from the reference', () => {
    expect(dates('In February 2025, he coined a term.')).toEqual(['February 2025=2025-02']);
    expect(dates('Late on May 19, he posted.')).toEqual(['May 19=2026-05-19']);
    expect(dates('In March of this year, he ran an experiment.')).toEqual(['March of this year=2026-03']);
  });

  it('ignores relative expressions, decades, amounts and the modal "may"', () => {
    expect(dates('He started this week and today he posted; now it is news.')).toEqual([]);
    expect(dates('They were strong in the mid-2000s.')).toEqual([]);
    expect(dates('It may cost $2024 or 2019% more.')).toEqual([]);
  });
});
