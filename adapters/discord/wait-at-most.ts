/**
 * Resolves with the promise's value if it settles within `ms`, otherwise with `undefined`
 * (the promise keeps running). The timer is cleared either way so nothing keeps Node alive.
 */
export async function waitAtMost<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
