import { UserFacingError } from '../../errors';

/** Splits a trailing page number ("timeline 2024 2", "quotes page 3") off a command's arguments. */
export function takePage(args: string[]): { args: string[]; page: number } {
  const rest = [...args];
  const last = rest[rest.length - 1];
  if (last !== undefined && /^\d{1,3}$/.test(last)) {
    rest.pop();
    if (rest[rest.length - 1]?.toLowerCase() === 'page') rest.pop();
    const page = Number(last);
    if (page < 1) throw new UserFacingError('Pages start at 1.');
    return { args: rest, page };
  }
  return { args: rest, page: 1 };
}

/** The items of one page and how many come after it. */
export function pageOf<T>(items: T[], page: number, size: number): { shown: T[]; remaining: number } {
  const shown = items.slice((page - 1) * size, page * size);
  return { shown, remaining: Math.max(0, items.length - page * size) };
}
