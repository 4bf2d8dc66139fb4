/**
 * Per-feed include/exclude rules: plain keywords (whole words, any case) or `/regex/flags`.
 * Regexes come from users, so they are bounded before they ever run: at most 200
 * characters, no nested or stacked quantifiers (`(a+)+`, `(a|aa)*`), no backreferences or
 * lookbehind, and matched against at most 10,000 characters of an item. What remains runs
 * in linear-ish time on that input.
 */
export interface ItemFilter {
  include: TextRule[];
  exclude: TextRule[];
}

export interface TextRule {
  source: string;
  test(text: string): boolean;
}

export const MAX_PATTERN_LENGTH = 200;
const MAX_INPUT = 10_000;

export class FilterRuleError extends Error {}

/** Compiles one rule; throws `FilterRuleError` with a plain reason for a rule that is refused. */
export function compileRule(source: string): TextRule {
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(source.trim());
  if (!regex) {
    const word = source.trim();
    if (!word) throw new FilterRuleError('an empty keyword');
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
    return { source, test: (text) => pattern.test(text) };
  }
  const body = regex[1]!;
  const flags = regex[2]!;
  if (body.length > MAX_PATTERN_LENGTH) throw new FilterRuleError(`the pattern is longer than ${MAX_PATTERN_LENGTH} characters`);
  if (/[^imsu]/.test(flags)) throw new FilterRuleError(`unsupported flags "${flags}" (use i, m, s or u)`);
  const risk = catastrophicRisk(body);
  if (risk) throw new FilterRuleError(risk);
  let pattern: RegExp;
  try {
    pattern = new RegExp(body, flags);
  } catch (error) {
    throw new FilterRuleError(`not a valid regular expression (${(error as Error).message})`);
  }
  return { source, test: (text) => pattern.test(text.length > MAX_INPUT ? text.slice(0, MAX_INPUT) : text) };
}

/** Why a pattern could backtrack exponentially, or undefined when it looks safe. */
export function catastrophicRisk(body: string): string | undefined {
  if (/\\[1-9]|\\k</.test(body)) return 'backreferences are not allowed';
  if (/\(\?<[=!]/.test(body)) return 'lookbehind is not allowed';
  // Walk the groups: a quantified group that itself contains a quantifier or an alternation.
  const stack: Array<{ quantified: boolean; alternation: boolean }> = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // Skip a character class.
      for (i++; i < body.length && body[i] !== ']'; i++) if (body[i] === '\\') i++;
      continue;
    }
    if (c === '(') {
      stack.push({ quantified: false, alternation: false });
      continue;
    }
    if (c === '|' && stack.length > 0) stack[stack.length - 1]!.alternation = true;
    if (c === ')') {
      const group = stack.pop();
      const next = body[i + 1];
      const quantifiedGroup = next === '*' || next === '+' || next === '{' || next === '?';
      if (group && quantifiedGroup && next !== '?' && (group.quantified || group.alternation)) {
        return 'nested quantifiers such as (a+)+ or (a|b)* can take exponential time';
      }
      if (group && stack.length > 0 && (group.quantified || quantifiedGroup)) stack[stack.length - 1]!.quantified = true;
      continue;
    }
    if (c === '*' || c === '+' || c === '{') {
      if (stack.length > 0) stack[stack.length - 1]!.quantified = true;
      // Two quantified atoms of the same kind in a row (\s*\s*, .*.*) backtrack quadratically or worse.
      if (/^(?:\.\*|\\s\*|\.\+)/.test(body.slice(i + 1))) return 'repeated wildcards such as .*.* can take very long';
    }
  }
  return undefined;
}

/** Compiles a feed's rules; refused rules are returned separately so callers can report them. */
export function compileFilter(include: string[], exclude: string[]): { filter: ItemFilter; refused: string[] } {
  const refused: string[] = [];
  const compile = (rules: string[]) =>
    rules.flatMap((r) => {
      try {
        return [compileRule(r)];
      } catch (error) {
        refused.push(`${r}: ${(error as Error).message}`);
        return [];
      }
    });
  return { filter: { include: compile(include), exclude: compile(exclude) }, refused };
}

/** True when the item passes: no exclude rule matches, and some include rule matches (if any). */
export function passesFilter(filter: ItemFilter, text: string): boolean {
  if (filter.exclude.some((r) => r.test(text))) return false;
  return filter.include.length === 0 || filter.include.some((r) => r.test(text));
}
