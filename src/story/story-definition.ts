import { z } from 'zod';

/**
 * A story's definition: `digests/<id>/story.json`. Everything story-specific lives here
 * and in the story's `articles/` folder; the code is the same for every story.
 */
const entitySchema = z.object({
  /** Canonical name as shown to users. */
  name: z.string().min(1),
  /** Other ways the articles or users refer to this entity (case-insensitive). */
  aliases: z.array(z.string().min(1)).default([]),
  /** One line on who or what this is in the story. */
  role: z.string().optional(),
});

const feedSchema = z.object({
  url: z.string().url(),
  /** Outlet name shown next to the feed's items; defaults to the feed's own title. */
  outlet: z.string().optional(),
  /** Keep only items matching one of these keywords or /regexes/. */
  include: z.array(z.string()).default([]),
  /** Drop items matching one of these keywords or /regexes/. */
  exclude: z.array(z.string()).default([]),
});

export const storyDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  /** Slash command name without the slash, e.g. `karpathy`. */
  command: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'a Slack/Discord command name: lowercase, at most 32 characters'),
  title: z.string().min(1),
  /** One or two sentences on what the story is about (shown by help). */
  summary: z.string().default(''),
  /** A question help shows as an example of what to ask. */
  exampleQuestion: z.string().min(1).default('what happened most recently?'),
  /** The story's main person: "he"/"she" in an article without another antecedent resolves to them. */
  mainPerson: z.string().optional(),
  people: z.array(entitySchema).default([]),
  organisations: z.array(entitySchema).default([]),
  /** Groups of words a question may use for the same thing (boss/lead, watched/views). */
  synonyms: z.array(z.array(z.string().min(1)).min(2)).default([]),
  /** Words that make a feed item about this story (besides names and aliases). */
  keywords: z.array(z.string()).default([]),
  feeds: z.array(feedSchema).default([]),
  digest: z
    .object({
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour').default('08:00'),
      timezone: z.string().default('UTC'),
    })
    .default({ time: '08:00', timezone: 'UTC' }),
});

export type StoryDefinition = z.infer<typeof storyDefinitionSchema>;
export type StoryEntity = z.infer<typeof entitySchema>;
export type StoryFeed = z.infer<typeof feedSchema>;
