import type { EntityMention, StoryEntity } from './story-vocabulary';
import { termOf } from './text-terms';

/**
 * The relations a question states between its words and the story's names, which a
 * passage must state the same way to answer it. Retrieval alone matches words, not roles:
 * "when did X leave Anthropic" finds "X left OpenAI", "who is Joseph's boss" finds
 * "Joseph leads the team X joined". These are read from the question here and checked
 * against a passage in `relation-checks.ts`.
 */

/** "leave Anthropic", "set up Eureka Labs": a verb whose object is a named entity. */
export interface ActionOnEntity {
  /** Term of the verb ("leav", "found"). */
  term: string;
  entity: StoryEntity;
}

/** "did Nick Joseph start ...": the named person who does the verb. */
export interface AgentOfAction {
  term: string;
  entity: StoryEntity;
}

export interface QuestionRelations {
  actions: ActionOnEntity[];
  agent?: AgentOfAction;
  /**
   * Set when the question asks for someone above another person: a boss, manager, lead,
   * adviser or mentor ("X's boss", "who supervised X", "who does X report to", "who leads
   * ..."). The answer must be written in that senior role, not as the one being led.
   */
  asksForSuperior: boolean;
}

/**
 * Verbs that tie a person to an organisation (joining, leaving, founding, working for).
 * Only these make an "action on an entity": for other words before a name ("team at
 * Anthropic", "rival of OpenAI") the name is not the verb's object.
 */
const AFFILIATION_VERBS = new Set(
  `join joins joined joining leave leaves left leaving quit quits quitting depart departs departed exit exits exited
  found founds founded co-found co-founded cofound cofounded start starts started set launch launched launches
  establish established create created build built return returns returned rejoin rejoined move moved moves go went
  come came defect defected work worked works run ran runs lead led leads head headed heads sell sold buy bought
  acquire acquired invest invested fund funded back backed sue sued fire fired hire hired recruit recruited
  poach poached sign signed bring brought recruit recruits`.split(/\s+/),
);
/** Words allowed between such a verb and its object ("move to", "set up", "work for"). */
const LINKS = new Set(['to', 'from', 'up', 'at', 'for', 'back', 'the', 'over', 'with', 'into', 'in']);
const AUXILIARY = /\b(?:did|does|do|will|would|has|have|had|can|could|should|is|was|are|were)\s+$/i;
const SUPERIOR_NOUN = '(?:boss|bosses|manager|managers|supervisor|supervisors|adviser|advisers|advisor|advisors|mentor|mentors|lead|leader|head|superior|superiors|chief)';
const SUPERIOR_VERB = '(?:supervised|supervises|supervise|mentored|mentors|mentor|advised|advises|advise|managed|manages|manage|oversaw|oversees|oversee|directed|directs|direct|led|leads|lead|heads|headed|head|runs|ran|run)';
const POSSESSIVE_SUPERIOR = new RegExp(`'s? (?:\\w+ ){0,2}${SUPERIOR_NOUN}\\b|\\b(?:the |a )?${SUPERIOR_NOUN} of\\b`, 'i');
const WHO_SUPERIOR = new RegExp(`^(?:who|whom|which person)(?: (?:will|would|could|should|might|is going to|now|currently|\\w+ly))? ${SUPERIOR_VERB}\\b|\\breports? to\\b|\\bwork(?:s|ed)? (?:for|under)\\b|\\bunder whom\\b`, 'i');

const COMPARISON = /\b(?:compar(?:e|ed|es|ing|ison|isons)|liken(?:ed|s)?|analog(?:y|ies)|resembl(?:e|ed|es|ing))\b/;

function wordsBefore(text: string, end: number, n: number): string[] {
  return text.slice(0, end).toLowerCase().split(/[^a-z'-]+/).filter(Boolean).slice(-n);
}

export function questionRelations(text: string, lower: string, mentions: EntityMention[]): QuestionRelations {
  const actions: ActionOnEntity[] = [];
  for (const m of mentions) {
    const before = wordsBefore(text, m.start, 3).reverse();
    let i = 0;
    while (i < before.length - 1 && LINKS.has(before[i]!)) i++;
    // "brought Karpathy to Tesla": the verb acts on a person and takes them to the organisation.
    const between = text.slice(0, m.start).replace(/\s+(?:to|from|into)\s*$/i, '');
    const person = mentions.find((o) => o.entity.kind === 'person' && o.start + o.length === between.length);
    if (person && i > 0) {
      const verbBefore = wordsBefore(text, person.start, 1)[0];
      if (verbBefore && AFFILIATION_VERBS.has(verbBefore)) {
        const term = termOf(verbBefore);
        if (term) actions.push({ term, entity: m.entity });
        continue;
      }
    }
    const verb = before[i];
    // "leads Anthropic's team": the object is the team, not the organisation.
    if (/^['\u2019]s\b/.test(text.slice(m.start + m.length))) continue;
    if (!verb || !AFFILIATION_VERBS.has(verb)) continue;
    // "the team he leads at Anthropic": only a direct object or "to/from/up/for".
    if (before.slice(0, i).some((w) => w === 'at' || w === 'in') && !/^(?:work|worked|works)$/.test(verb)) continue;
    const term = termOf(verb.replace(/-/g, ''));
    if (term) actions.push({ term, entity: m.entity });
  }
  // "Reddit likened Karpathy joining Anthropic to which player": the joining names what was
  // compared, which an article may call "the move"; it is not the relation asked about.
  if (COMPARISON.test(lower)) actions.length = 0;
  let agent: AgentOfAction | undefined;
  for (const m of mentions) {
    if (m.entity.kind !== 'person' || !AUXILIARY.test(text.slice(0, m.start))) continue;
    const next = /^[\s,]*([a-z][a-z-]*)/i.exec(text.slice(m.start + m.length))?.[1]?.toLowerCase();
    const term = next ? termOf(next.replace(/-/g, '')) : undefined;
    if (term) agent = { term, entity: m.entity };
    break;
  }
  const asksForSuperior = /^(?:who|whom|whose|which person)\b/.test(lower) && (POSSESSIVE_SUPERIOR.test(lower) || WHO_SUPERIOR.test(lower));
  return { actions, ...(agent ? { agent } : {}), asksForSuperior };
}
