import type { Feature, NewsdeskContext } from './feature';

/**
 * Every feature of the bot, in the order their subcommands appear in help.
 * Each feature is one line here; its code lives in its own folder.
 */
export function createFeatures(_context: NewsdeskContext): Feature[] {
  return [];
}
