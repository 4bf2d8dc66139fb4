import fs from 'node:fs';
import path from 'node:path';
import type { EvalContext, EvalSection } from './eval-section';
import { loadStoryFolder } from '../../../src/story/load-stories';
import { loadCorpusDir } from '../../../src/corpus/load-corpus';
import { buildStoryKnowledge, type StoryKnowledge } from '../../../src/knowledge/story-knowledge';
import { findDates } from '../../../src/knowledge/find-dates';
import { datesCompatible, formatPartialDate } from '../../../src/knowledge/partial-date';
import type { TimelineEvent } from '../../../src/knowledge/merge-events';

/** The development set is about this story. */
const STORY = 'karpathy';
const RECALL_TARGET = 0.95;
const PRECISION_TARGET = 0.9;

interface GoldEvent {
  date: string;
  any: string[];
  note?: string;
}

/**
 * Our labelled precision check: every event the timeline printed on the bundled corpus and on
 * the seeds was read and judged, "is this a real, dated event of this story?". An event takes
 * the verdict of the first label with the same date whose words (case-sensitive, whole words)
 * it contains. Events no label covers count as not confirmed and are listed for review.
 */
interface Label {
  date: string;
  any: string[];
  real: boolean;
  note: string;
}

const LABELS: Label[] = [
  // Judged not to be event lines (commentary, or a clause cut from its sentence); listed first so they win.
  { date: '2017', any: ['argues', 'logic'], real: false, note: 'commentary that mentions "his 2017 move"' },
  { date: '2024', any: ['damage', 'headlines'], real: false, note: 'commentary wrapped around the early-2024 departure' },
  { date: '2015', any: ['Which', 'employer'], real: false, note: 'a relative clause or glossary fragment as a line' },
  { date: '2023', any: ['Which', 'employer', 'Briefly'], real: false, note: 'a relative clause or glossary fragment as a line' },
  { date: '1986', any: ['born', 'Born'], real: true, note: 'born in Slovakia' },
  { date: '2015', any: ['OpenAI', 'co-founded'], real: true, note: 'co-founds OpenAI / founding research scientist there' },
  { date: '2017', any: ['Tesla', 'Musk', '2017 move'], real: true, note: 'recruited by Musk, leaves OpenAI for Tesla' },
  { date: '2021', any: ['Anthropic'], real: true, note: 'Anthropic founded by former OpenAI leaders' },
  { date: '2022', any: ['Tesla'], real: true, note: 'leaves Tesla after about five years' },
  { date: '2023', any: ['OpenAI', 'returned', 'rejoined'], real: true, note: 'returns to OpenAI for about a year' },
  { date: '2024', any: ['Eureka'], real: true, note: 'founds Eureka Labs' },
  { date: '2024', any: ['TIME'], real: true, note: 'TIME 100 most influential people in AI' },
  { date: '2024', any: ['lost'], real: true, note: 'OpenAI loses him in early 2024 (second departure)' },
  { date: '2024-02', any: ['OpenAI'], real: true, note: 'leaves OpenAI a second time' },
  { date: '2024-05', any: ['Leike'], real: true, note: 'Jan Leike joins Anthropic' },
  { date: '2024-08', any: ['Schulman'], real: true, note: 'John Schulman joins Anthropic' },
  { date: '2025', any: ['CTOs'], real: true, note: 'six CTOs join Anthropic as individual contributors' },
  { date: '2025-02', any: ['Vibe Coding', 'vibe coding'], real: true, note: 'coins "vibe coding"' },
  { date: '2026-03', any: ['experiment', 'agent'], real: true, note: 'autoresearch experiment' },
  { date: '2026-05', any: ['Anthropic'], real: true, note: 'joins Anthropic (month only)' },
  { date: '2026-05-19', any: ['joined', 'joining'], real: true, note: 'announces he has joined Anthropic' },
  { date: '2026-05-19', any: ['X'], real: true, note: 'the announcement post on X' },
  // Seen in earlier runs and judged not to be events; kept so a regression shows up here.
  { date: '2026', any: ['benchmark'], real: false, note: 'a comparison with "any benchmark released in 2026"' },
  { date: '2026', any: ['I/O', 'videos'], real: false, note: 'a video title naming Google I/O 2026' },
  { date: '2026-05-19', any: ['news of Tuesday'], real: false, note: 'commentary on how to read the news' },
  { date: '2026-06', any: ['Polymarket', 'model'], real: false, note: 'a bet on the end of June, a forecast' },
];

/*
 * Reviewed on the current output (one line per event):
 * bundled: 1986 born in Slovakia; 2015 co-founds OpenAI (+2 outlets); 2017 leaves OpenAI for
 * Tesla (+1, with "recruited by Musk"); 2021 Anthropic founded; 2022 leaves Tesla; 2023 goes back
 * to OpenAI (+1); 2024 founds Eureka Labs; 2024 TIME list; 2024-02 leaves OpenAI again (with
 * "lost him in early 2024" and "second exit"); 2024-05 Leike (+1); 2024-08 Schulman (+1); 2025
 * six CTOs hired; 2025-02 vibe coding; 2026-03 agent experiment; 2026-05-19 joins Anthropic (+3).
 * seeds: the same fifteen developments, each once.
 */

/** Events beyond the first that take the same label: one development shown on several lines. */
function duplicates(events: TimelineEvent[]): number {
  const seen = new Set<Label>();
  let count = 0;
  for (const e of events) {
    const label = labelFor(e);
    if (!label) continue;
    if (seen.has(label)) count++;
    seen.add(label);
  }
  return count;
}

function labelFor(event: TimelineEvent): Label | undefined {
  const date = formatPartialDate(event.date);
  return LABELS.find((l) => l.date === date && l.any.some((w) => new RegExp(`(?<![\\w])${escapeRegExp(w)}(?![\\w])`).test(event.text)));
}

function matchesGold(event: TimelineEvent, gold: GoldEvent): boolean {
  const text = event.text.toLowerCase();
  return formatPartialDate(event.date).startsWith(gold.date) && gold.any.some((w) => text.includes(w.toLowerCase()));
}

/** Every citation sentence holds the date expression, and that expression reads as the event's date. */
function ungrounded(knowledge: StoryKnowledge): string[] {
  const problems: string[] = [];
  for (const event of knowledge.events) {
    for (const m of event.mentions) {
      const reread = findDates(m.dateText, knowledge.reference);
      const ok = m.sentence.includes(m.dateText) && reread.some((d) => datesCompatible(d.date, m.date)) && datesCompatible(m.date, event.date);
      if (!ok) problems.push(`${formatPartialDate(event.date)} "${m.dateText}" in "${m.sentence}"`);
    }
  }
  return problems;
}

function scoreCorpus(name: string, knowledge: StoryKnowledge, gold: GoldEvent[], ms: number, out: EvalContext['out']): boolean {
  const missed = gold.filter((g) => !knowledge.events.some((e) => matchesGold(e, g)));
  const recall = (gold.length - missed.length) / gold.length;
  const verdicts = knowledge.events.map((e) => ({ event: e, label: labelFor(e) }));
  const real = verdicts.filter((v) => v.label?.real).length;
  const precision = knowledge.events.length === 0 ? 0 : real / knowledge.events.length;
  const problems = ungrounded(knowledge);
  const merged = knowledge.events.filter((e) => e.sources.length > 1).length;
  out(`${name}: ${knowledge.events.length} events (${merged} told by several outlets), extracted in ${ms.toFixed(0)} ms`);
  out(`  recall ${recall.toFixed(2)} (${gold.length - missed.length}/${gold.length})    precision ${precision.toFixed(2)} (${real}/${knowledge.events.length} judged real)    ungrounded citations ${problems.length}    duplicate lines ${duplicates(knowledge.events)}`);
  for (const g of missed) out(`  missed: ${g.date} ${g.any.join('/')}${g.note ? ` (${g.note})` : ''}`);
  for (const v of verdicts) {
    if (!v.label) out(`  not reviewed: ${formatPartialDate(v.event.date)} ${v.event.text}`);
    else if (!v.label.real) out(`  not an event: ${formatPartialDate(v.event.date)} ${v.event.text} (${v.label.note})`);
  }
  for (const p of problems) out(`  ungrounded: ${p}`);
  return recall >= RECALL_TARGET && precision >= PRECISION_TARGET && problems.length === 0;
}

export const timelineEval: EvalSection = {
  name: 'timeline',
  async run({ repoDir, sharedDir, out }) {
    const goldFile = path.join(sharedDir, 'eval', 'timeline.dev.json');
    const gold = (JSON.parse(fs.readFileSync(goldFile, 'utf8')) as { events: GoldEvent[] }).events;
    const story = loadStoryFolder(path.join(repoDir, 'digests', STORY));
    const corpora: Array<[string, string, 'bundled' | 'folder']> = [
      ['bundled corpus', story.articlesDir, 'bundled'],
      ['--corpus ../shared/seeds', path.join(sharedDir, 'seeds'), 'folder'],
    ];
    let ok = true;
    for (const [name, dir, origin] of corpora) {
      if (!fs.existsSync(dir)) {
        out(`${name}: no articles at ${dir}, skipped`);
        continue;
      }
      const articles = loadCorpusDir(dir, origin);
      const started = performance.now();
      const knowledge = buildStoryKnowledge(story.definition, articles, { version: 0, now: new Date() });
      ok = scoreCorpus(name, knowledge, gold, performance.now() - started, out) && ok;
    }
    out(`  targets: recall >= ${RECALL_TARGET}, precision >= ${PRECISION_TARGET}, no ungrounded citation`);
    return ok;
  },
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
