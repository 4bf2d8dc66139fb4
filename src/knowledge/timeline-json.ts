import type { StoryKnowledge } from './story-knowledge';
import { formatPartialDate } from './partial-date';

/** The timeline as the CLI prints it with `--json`. */
export interface TimelineJson {
  story: string;
  events: Array<{
    date: string;
    text: string;
    sources: string[];
    citations: Array<{ outlet: string; title: string; url?: string; sentence: string }>;
  }>;
}

export function timelineJson(storyId: string, knowledge: StoryKnowledge): TimelineJson {
  return {
    story: storyId,
    events: knowledge.events.map((e) => ({
      date: formatPartialDate(e.date),
      text: e.text,
      sources: e.sources,
      citations: e.mentions.map((m) => ({ outlet: m.outlet, title: m.title, ...(m.url ? { url: m.url } : {}), sentence: m.sentence })),
    })),
  };
}
