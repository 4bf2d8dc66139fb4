import type { Feature, NewsdeskContext } from './feature';
import { createDigestsFeature } from '../digests/digests-feature';
import { createKnowledgeFeature } from '../knowledge/knowledge-feature';

/**
 * Every feature of the bot, in the order their subcommands appear in help.
 * Each feature is one line here; its code lives in its own folder.
 */
export function createFeatures(context: NewsdeskContext): Feature[] {
  return [
    createKnowledgeFeature(context),
    createDigestsFeature(context),
  ];
}
