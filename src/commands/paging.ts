import { UserFacingError } from '../errors';

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

/**
 * The items of one page and how many come after it. A page past the last one is a plain
 * error naming how many there are (`noun`: what is listed, e.g. "events in 2024").
 */
export function pageOf<T>(items: T[], page: number, size: number, noun: string): { shown: T[]; remaining: number } {
  const pages = Math.ceil(items.length / size);
  if (page > 1 && page > pages) {
    throw new UserFacingError(pages === 1 ? `There is only 1 page of ${noun}.` : `There are only ${pages} pages of ${noun}.`);
  }
  const shown = items.slice((page - 1) * size, page * size);
  return { shown, remaining: Math.max(0, items.length - page * size) };
}
