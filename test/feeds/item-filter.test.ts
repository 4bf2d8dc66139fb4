import { compileRule, compileFilter, passesFilter, FilterRuleError } from '../../src/feeds/item-filter';

describe('feed include/exclude rules', () => {
  test('keywords match whole words in any case', () => {
    const rule = compileRule('Karpathy');
    expect(rule.test('andrej KARPATHY joins')).toBe(true);
    expect(rule.test('Karpathyesque')).toBe(false);
  });

  test('a /regex/ with flags works', () => {
    expect(compileRule('/pre-?training/i').test('Pretraining team')).toBe(true);
  });

  test.each([
    ['/(a+)+$/', /nested quantifiers/],
    ['/(a|aa)*b/', /nested quantifiers/],
    ['/(x*)*/', /nested quantifiers/],
    ['/.*.*=.*/', /repeated wildcards/],
    ['/(a)\\1/', /backreferences/],
    [`/${'a'.repeat(201)}/`, /longer than 200/],
    ['/[unclosed/', /not a valid regular expression/],
    ['/abc/g', /unsupported flags/],
  ])('%s is refused', (source, reason) => {
    expect(() => compileRule(source)).toThrow(FilterRuleError);
    expect(() => compileRule(source)).toThrow(reason);
  });

  test('a refused rule is reported and the others still apply', () => {
    const { filter, refused } = compileFilter(['AI', '/(a+)+/'], ['/sponsored/i']);
    expect(refused).toHaveLength(1);
    expect(passesFilter(filter, 'New AI lab')).toBe(true);
    expect(passesFilter(filter, 'Cooking tips')).toBe(false);
    expect(passesFilter(filter, 'Sponsored: AI gadget')).toBe(false);
  });
});
