import type { AnalysedQuestion } from './question';
import type { IndexedPassage, PassageIndex } from './passage-index';
import type { StoryEntity } from './story-vocabulary';
import { textTerms, wordTerms } from './text-terms';
import { ASKS_PRESENT, ASKS_SPEAKERS_REASON, FOUNDING, speakerSays, writtenAsFounded, contradictsModifier, contradictsPlace, onlyPast, personDoesVerb, verbClass, verbNear } from './question-focus';

/**
 * The question's focus is not what the passage states: it puts a contrary modifier on the
 * asked noun ("a larger model" for "the small model"), or, asked when or who did something
 * to a named organisation ("when did X join Anthropic"), it never uses that verb or one of
 * its synonyms, so the date or name in it belongs to another event.
 */
export function focusProblem(question: AnalysedQuestion, passage: IndexedPassage, continuation: IndexedPassage | undefined, around: IndexedPassage[], entities: ReadonlyMap<string, StoryEntity>, vocabulary: PassageIndex['vocabulary']): string | undefined {
  const synonymsOf = (t: string) => vocabulary.synonymsOf(t);
  if ([passage, continuation].some((p) => p !== undefined && contradictsModifier(p.text, question.modifiers, synonymsOf))) return 'focus:modifier';
  if (contradictsPlace(passage.text, question.placed)) return 'focus:place';
  if (otherCompound(question.text, passage.text, synonymsOf)) return 'focus:compound';
  // "How many views after a full day": a figure "within an hour" is of another span.
  const askedSpan = spanOf(question.text);
  const statedSpan = askedSpan && spanOf(passage.text);
  if (askedSpan && statedSpan && askedSpan !== statedSpan) return 'focus:span';
  // "Which first project ...": an ordinal on the asked kind must be stated for it, not any one.
  const ordinal = question.head ? askedOrdinal(question.text, question.head) : undefined;
  if (ordinal && ![passage, continuation].some((p) => p !== undefined && new RegExp(`\\b${ordinal}\\b`, 'i').test(p.text))) return 'focus:ordinal';
  // "Who's X's manager now?": a sentence of X's history answers what was, not what is.
  if (ASKS_PRESENT.test(question.text) && (question.type === 'person' || question.type === 'role' || question.type === 'place') && onlyPast(passage.text)) return 'focus:past';
  // "How big is the round OpenAI is negotiating": a figure for another company's round.
  if (question.actingOrganisations.some((o) => !passage.entities.has(o.id) && !continuation?.entities.has(o.id))) return 'focus:actor';
  // "When did Anthropic get started": not when a person started there.
  for (const o of question.actingOrganisations) {
    if (!o.verb) continue;
    const family = new Set([...verbClass(o.verb), ...synonymsOf(o.verb)]);
    const personEnds = vocabulary.mentions(passage.text).filter((m) => m.entity.kind === 'person').map((m) => m.start + m.length);
    if (personDoesVerb(passage.text, family, personEnds)) return 'focus:doer';
  }
  // "What year was Anthropic started": the organisation must be what was founded, not where someone started.
  if (question.type === 'date') {
    for (const o of question.actingOrganisations) {
      if (!o.verb || !FOUNDING.has(o.verb)) continue;
      const founded = [passage, continuation].some((p) => p !== undefined && writtenAsFounded(p.text, vocabulary.mentions(p.text).filter((m) => m.entity.id === o.id)));
      if (!founded) return 'focus:founded';
    }
  }
  // "What year did he help found OpenAI": asked when an organisation was founded, by whoever,
  // the answer is where that organisation is written as founded, not where someone started at
  // another.
  if (question.type === 'date' && question.actingOrganisations.length === 0 && ASKS_FOUNDING.test(question.text)) {
    const organisations = question.entities.filter((e) => e.kind === 'organisation');
    if (organisations.length === 1) {
      const id = organisations[0]!.id;
      const founded = [passage, continuation].some((p) => p !== undefined && writtenAsFounded(p.text, vocabulary.mentions(p.text).filter((m) => m.entity.id === id)));
      if (!founded) return 'focus:founded';
    }
  }
  // "Who led the round": the asked verb must govern its object here ("led ... round"), not
  // stand somewhere else in the sentence ("team lead Nick Joseph ... $965 billion round").
  if (question.type === 'person' && question.predicate) {
    const object = predicateObject(question.text, question.predicate);
    if (object.length > 0 && !verbGoverns(passage.text, new Set([question.predicate, ...synonymsOf(question.predicate)]), new Set(object.flatMap((t) => [t, ...synonymsOf(t)])))) return 'focus:object';
  }
  // "What did Elon Musk say about it": only what that person is written as saying answers.
  const quoted = ASKS_WHAT_PERSON_SAID.exec(question.text);
  if (quoted && question.type !== 'reason') {
    // Not the story's main person, whose words the articles often quote without saying who spoke.
    const speakers = question.entities.filter((e) => e.kind === 'person' && e.id !== vocabulary.mainPerson?.id && quoted[1]!.toLowerCase().includes(e.name.split(' ').at(-1)!.toLowerCase()));
    if (speakers.length > 0) {
      const ids = new Set(speakers.map((e) => e.id));
      const said = [passage, continuation].some((p) => p !== undefined && speakerSays(p.text, vocabulary.mentions(p.text).filter((m) => ids.has(m.entity.id))));
      if (!said) return 'focus:speaker';
    }
  }
  // "Why did he say ...": the reason is the one the speaker gave, not what others argued about him.
  const speaker = ASKS_SPEAKERS_REASON.exec(question.text)?.[1];
  if (question.type === 'reason' && speaker) {
    const asked = /^(?:he|she|him|her)$/i.test(speaker) ? [vocabulary.mainPerson, passage.pronounPerson] : question.entities.filter((e) => e.kind === 'person');
    const ids = new Set(asked.filter((e): e is StoryEntity => e !== undefined).map((e) => e.id));
    const said = [passage, continuation].some((p) => p !== undefined && speakerSays(p.text, vocabulary.mentions(p.text).filter((m) => ids.has(m.entity.id))));
    if (!said) return 'focus:speaker';
  }
  // "What did X work on while at Tesla": the sentence places its fact at Tesla ("at Tesla",
  // "Tesla's Autopilot"), not a title held there in a sentence about another employer.
  for (const id of question.during) {
    const placed = [passage, continuation].some((p) => p !== undefined && vocabulary.mentions(p.text).some((m) => m.entity.id === id && (/\b(?:at|for|with|in|inside|within)\s+(?:the\s+)?$/i.test(p.text.slice(0, m.start)) && !/\b(?:former|ex-|previous|one-time)[^,.;]{0,30}$/i.test(p.text.slice(0, m.start)) || /^['\u2019]s\s+(?!former\b|ex-|previous\b|one-time\b)/i.test(p.text.slice(m.start + m.length)))));
    if (!placed) return 'focus:during';
  }
  const change = question.change;
  if (change && ![passage, continuation].some((p) => p !== undefined && [...change].some((t) => p.terms.has(t)))) return 'focus:change';
  if (question.type === 'date' || question.type === 'person' || question.type === 'place') {
    const persons = question.entities.filter((e) => e.kind === 'person');
    for (const action of question.relations.actions) {
      const family = [...verbClass(action.term), ...synonymsOf(action.term)];
      const familySet = new Set(family);
      // Named in the sentence, the organisation is the verb's, a few words from it.
      const near = (p: IndexedPassage) => {
        const at = vocabulary.mentions(p.text).filter((m) => m.entity.id === action.entity.id).map((m) => m.start);
        return at.length === 0 || verbNear(p.text, familySet, at);
      };
      // The organisation in the verb's sentence, or, when that names no organisation at all,
    // next to it in its paragraph ("In 2017 X was recruited by Y." after "... Tesla ...").
    // Or in the story's role of a less common name in it ("X was recruited by Y", Y "recruited X to Tesla").
    const names = (p: IndexedPassage, e: StoryEntity) => p.entities.has(e.id) || (![...p.entities].some((id) => entities.get(id)?.kind === 'organisation') && (around.some((n) => n.entities.has(e.id)) || vocabulary.roleNames(p.explicit, e.id)));
    // The verb in a sentence that names the organisation and the person asked about.
      // Or a wording that means the verb ("co-founded OpenAI" for "joined OpenAI"), the organisation beside it.
      const paraphrased = (p: IndexedPassage) => {
        const at = vocabulary.mentions(p.text).filter((m) => m.entity.id === action.entity.id);
        return vocabulary.paraphrasesOf(action.term).some((para) => {
          if (!para.pattern) return false;
          const found = new RegExp(para.pattern.source, `${para.pattern.flags.replace('g', '')}g`);
          return [...p.text.matchAll(found)].some((m) => at.some((o) => Math.abs(o.start - m.index) <= 40));
        });
      };
      const shown = [passage, continuation].some((p) => p !== undefined && ((family.some((t) => p.terms.has(t)) && names(p, action.entity) && near(p)) || paraphrased(p)) && persons.every((e) => p.entities.has(e.id)));
      if (!shown) return `focus:${action.term}`;
    }
  }
  return undefined;
}

/** The terms of the noun phrase right after the asked verb ("who led the round that ..." -> round). */
function predicateObject(question: string, predicate: string): string[] {
  const words = question.toLowerCase().replace(/[?!.,]/g, ' ').split(/\s+/).filter(Boolean);
  const at = words.findIndex((w) => textTerms(w)[0] === predicate);
  // "led the round", "led anthropic's round": a determiner or a possessive opens the object.
  if (at < 0 || !/^(?:the|a|an|his|her|its|their|[a-z-]+'s)$/.test(words[at + 1] ?? '')) return [];
  const phrase: string[] = [];
  for (const w of words.slice(at + 2, at + 5)) {
    if (/^(?:that|which|who|whom|at|in|of|for|on|with|to|by|from|as|when|after|before|and|or)$/.test(w)) break;
    phrase.push(w);
  }
  return phrase.flatMap((w) => textTerms(w));
}

/** True when a word of `verbs` has a word of `objects` within four words after it (or before it, passive). */
function verbGoverns(text: string, verbs: ReadonlySet<string>, objects: ReadonlySet<string>): boolean {
  const words = wordTerms(text);
  const isObject = (j: number) => words[j]?.some((o) => objects.has(o)) ?? false;
  for (const [i, terms] of words.entries()) {
    if (!terms.some((t) => verbs.has(t))) continue;
    for (let j = i - 4; j <= i + 4; j++) if (j !== i && isObject(j)) return true;
  }
  return false;
}

/** "What did <someone> say/post/tweet ...": the words of a named speaker are asked for. */
const ASKS_WHAT_PERSON_SAID = /^(?:what (?:did|does|has|have)|did|has|have) ((?:[a-z][\w.-]*\s+){1,3}?)(?:say|said|post|posted|write|wrote|tweet|tweeted|comment|commented|think|thought|claim|claimed)\b/i;

/**
 * Verbs that only ever mean founding (not "start" or "launch", which a person does at a
 * company too), or "the founding of": not "a founding research scientist", which is a role.
 */
const ASKS_FOUNDING = /\b(?:co-?)?found(?:ed|s)?\b|\bestablish(?:ed|es)?\b|\b(?:co-?)?founding of\b/i;

/**
 * The question's hyphenated word is not in the passage, which has the same second part with
 * another first one instead: "post-training" asked, "pre-training" written.
 */
function otherCompound(question: string, passage: string, synonymsOf: (term: string) => ReadonlySet<string>): boolean {
  const text = passage.toLowerCase().replace(/[\u2010\u2011]/g, '-');
  for (const [whole, first, second] of question.toLowerCase().replace(/[\u2010\u2011]/g, '-').matchAll(/\b([a-z]+)-([a-z]{4,})\b/g)) {
    if (text.includes(`${first}-${second}`) || text.includes(`${first}${second}`)) continue;
    // "autonomous-driving" for "self-driving": another first part that says the same.
    const same = synonymsOf(textTerms(whole!)[0] ?? whole!);
    for (const m of text.matchAll(new RegExp(`\\b([a-z]+)-${second}\\b`, 'g'))) if (m[1] !== first && !same.has(textTerms(m[0])[0] ?? m[0])) return true;
  }
  return false;
}

/** The ordinal put on the asked kind ("the first project", "his next big model"), if any. */
function askedOrdinal(question: string, head: string): string | undefined {
  for (const m of question.toLowerCase().matchAll(/\b(first|second|third|last|next|latest|newest|upcoming|debut)\s+([a-z-]+)(?:\s+([a-z-]+))?/g)) {
    if (textTerms(m[2]!).at(-1) === head || (m[3] && textTerms(m[3]).at(-1) === head)) return m[1];
  }
  return undefined;
}

/** The unit of a span a figure is measured over ("within an hour", "after a full day"), if any. */
function spanOf(text: string): string | undefined {
  return /\b(?:within|after|in|over|during)\s+(?:(?:a|an|one|the|its|their)\s+)?(?:(?:full|whole|first|single|entire)\s+)?(minute|hour|day|week|month)s?\b/i.exec(text)?.[1]?.toLowerCase();
}
