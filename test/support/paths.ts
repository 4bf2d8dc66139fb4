import fs from 'node:fs';
import path from 'node:path';

/** The repository root. */
export const repoRoot = path.resolve(__dirname, '../..');

/** The shared folder beside the repository (seeds, eval, fixtures); absent on some machines. */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const seedsDir = path.join(sharedDir, 'seeds');
export const hasShared = fs.existsSync(seedsDir);

/** `describe` that skips, with the reason in its title, when ../shared is absent. */
export const describeWithShared = hasShared ? describe : describe.skip;
