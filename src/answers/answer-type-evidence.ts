import type { AnalysedQuestion } from './question';
import type { IndexedPassage } from './passage-index';
import type { EntityMention, StoryEntity } from './story-vocabulary';
import { parseDateMention, type DateMention } from './date-mentions';
import { isWeakTerm, textTerms, wordTerms } from './text-terms';

/**
 * Does a passage contain the kind of thing the question asks for? A "when" question needs
 * a date, "how many" a number, "who" a person other than the ones asked about. Returns the
 * found values (they tie agreeing sources together) and how specific the find is.
 */
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE = new RegExp(
  [
    `\\b${MONTH}\\.? \\d{1,2}(?:st|nd|rd|th)?\\b(?:,? (?:19|20)\\d{2})?`,
    `\\b\\d{1,2} ${MONTH}\\b(?: (?:19|20)\\d{2})?`,
    `\\b${MONTH} (?:of )?(?:19|20)\\d{2}\\b`,
    `(?<=\\b(?:in|since|until|by|from|early|late|mid|mid-) )${MONTH}\\b`,
    '\\b(?:19|20)\\d{2}-\\d{2}(?:-\\d{2})?\\b',
    '\\b(?:19|20)\\d{2}\\b',
    '\\b(?:this|last|next) (?:week|month|year)\\b',
    // Not "today's models": a possessive is of the present generally, not an event's date.
    "\\b(?:yesterday|today)\\b(?!['\u2019]s\\b)",
  ].join('|'),
  'gi',
);
const NUMBER_WORD = '(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen|dozens|hundreds|thousands|million|millions|billion|trillion)';
const COUNT = new RegExp(`(?<![\\w.])\\d[\\d,.]*(?:[kKmM]|bn)?(?: (?:million|billion|trillion|thousand|hundred))?(?!\\w)|\\b${NUMBER_WORD}(?: ${NUMBER_WORD})?\\b`, 'gi');
const AMOUNT = /[$€£]\s?\d[\d,.]*(?:\s?(?:k|m|bn|million|billion|trillion))?|\b\d[\d,.]*\s?(?:%|percent|per cent)|\b\d[\d,.]*\s?(?:million|billion|trillion)\b|\b(?:six|seven|eight|nine|ten)-figure\b/gi;
const YEAR = /^(?:19|20)\d{2}$/;
/** A word that puts what follows it after what comes before ("coined X, later picked as ..."). */
const LATER = /\b(?:later|subsequently|afterwards?)\b/i;
const DURATION = new RegExp(`\\b(?:\\d+(?:\\.\\d+)?|${NUMBER_WORD}|one|an?|half an?|several|a few|a couple of)[\\s-](?:years?|months?|weeks?|days?|decades?|hours?)\\b`, 'gi');
const REASON = /\b(?:because|reason|motivat\w*|citing|cited|believ\w*|driven by|due to|so that|in order to|wants? to|wanted to|desire|to return|to get back|draw|drew|reflects?)\b/i;
/** Words that name a job or position. */
const TITLE_TERMS = textTerms('president chairman chairwoman chair ceo cto cfo coo founder cofounder director leader chief scientist officer researcher engineer manager partner investor professor vp');
const TITLE_TERM_SET: ReadonlySet<string> = new Set(TITLE_TERMS);
/** Generic words for persons: what they did names what is counted. */
const PEOPLE = new Set(textTerms('people persons individuals users'));
/** Which-words that ask for one person by how they appear (a user, a poster, a commenter). */
const PERSON_HEADS = new Set(textTerms('user users account poster commenter redditor person individual'));
/** "Who on X ...", "which Reddit user ...": the answer may be a handle. */
const ASKS_FOR_POSTER = /\b(?:on (?:x|twitter|reddit|threads|bluesky)|x users?|twitter users?|redditors?|posters?|accounts?|handles?|tweets?|tweeted)\b/i;

/** Which-words that ask for an organisation: a name the story lists as one is of that kind. */
const ORGANISATION_HEADS = new Set(textTerms('company companies firm lab labs organisation organization startup start-up business employer rival competitor'));
/** Heads of "which outlet ..." questions: the answer is a name written as a source. */
const SOURCE_HEADS = new Set(textTerms('outlet outlets publication site newspaper magazine paper media press newsletter blog'));
const SOURCE_AFTER = /^(?:['\u2019]s?\s+(?:own\s+)?(?:coverage|reporting|report|piece|analysis|story|article|summary|write-?up|timeline|take)\b|\s+(?:\w+ly\s+)?(?:called|calls|said|says|reported|reports|wrote|writes|noted|notes|argued|argues|framed|frames|described|describes|characteri[sz]ed|characteri[sz]es|added|adds|claimed|claims|cast|casts|labeled|labelled|dubbed|put|puts|summed|sums|observed|observes|concluded|concludes|warned|warns|predicted|predicts|suggested|suggests|stated|states|explained|explains|estimated|estimates)\b)/i;
const SOURCE_BEFORE = /\b(?:(?:said|says|told|tells|confirmed|confirms|spoke|speaking|talking) to|per|according to|reported by|characteri[sz]ed by|described by|framed by)\s+(?:the\s+)?$/i;

/** True when the name at `m` is written as where something was said or reported. */
function writtenAsSource(text: string, m: RegExpMatchArray): boolean {
  const start = m.index ?? 0;
  return SOURCE_AFTER.test(text.slice(start + m[0].length)) || SOURCE_BEFORE.test(text.slice(0, start));
}
const MONTH_NAME = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;

export interface TypeEvidence {
  /** True when the passage has what the answer type needs (always true for open types). */
  satisfied: boolean;
  /** 0..1: how well the find fits (a full date beats a bare year); 0 = nothing found. */
  strength: number;
  /** Normalised values found (dates, numbers, entity ids). */
  values: string[];
  /** The person (or place) that answers a who/where question, when it is a known entity. */
  entity?: StoryEntity;
  /** Character offsets in the passage text where the found values are written. */
  positions: number[];
  /** For "which outlet ran the piece", the outlet of the passage's article, which the sentence does not name. */
  publisher?: string;
}

export interface TypeContext {
  entities: ReadonlyMap<string, StoryEntity>;
  /** True for entities named so often in the corpus that they identify nothing. */
  isUbiquitous(entity: StoryEntity): boolean;
  /** Story entities named in a text, with their positions. */
  mentions(text: string): EntityMention[];
  /** Other words the articles use for a question term. */
  synonymsOf(term: string): ReadonlySet<string>;
  /** True when the person named at this mention is written in a senior role (boss, adviser, lead). */
  isSenior(passage: IndexedPassage, mention: EntityMention, asked: StoryEntity[]): boolean;
  /** The person the story is about, whom a question's "he" means. */
  mainPerson?: StoryEntity;
}

/** Where an entity is named in the text (the start, for a pronoun's referent). */
function entityPositions(context: TypeContext, text: string, entity: StoryEntity): number[] {
  const found = context.mentions(text).filter((m) => m.entity.id === entity.id).map((m) => m.start);
  return found.length ? found : [0];
}

/** A story name found in the text, shaped as a regular-expression match (for the nearness checks). */
function mentionMatch(text: string, m: EntityMention): RegExpMatchArray {
  return Object.assign([text.slice(m.start, m.start + m.length)], { index: m.start }) as RegExpMatchArray;
}

function notInQuestion(values: string[], question: AnalysedQuestion): string[] {
  const q = question.text.toLowerCase();
  return values.filter((v) => !q.includes(v));
}

const hard = (values: string[], strength: number, positions: number[], entity?: StoryEntity): TypeEvidence => ({
  satisfied: values.length > 0,
  strength: values.length > 0 ? strength : 0,
  values,
  positions: values.length > 0 ? positions : [],
  ...(entity ? { entity } : {}),
});
const soft = (strength: number, values: string[] = [], positions: number[] = [], entity?: StoryEntity): TypeEvidence => ({
  satisfied: true,
  strength,
  values,
  positions,
  ...(entity ? { entity } : {}),
});
const at = (matches: RegExpMatchArray[]): number[] => matches.map((m) => m.index ?? 0);

export function typeEvidence(question: AnalysedQuestion, p: IndexedPassage, context: TypeContext): TypeEvidence {
  const text = p.text;
  // What the question names is not its answer, and neither is an organisation that only dates it.
  const asked = new Set([...question.entities.map((e) => e.id), ...question.timeMarks]);
  // "Who took over after he left": "he" is the story's main person, who is then not the answer.
  if (context.mainPerson && /\b(?:he|him|his|he's|he'd)\b/i.test(question.text) && !question.entities.some((e) => e.kind === 'person')) asked.add(context.mainPerson.id);
  const others = [...p.entities]
    .filter((id) => !asked.has(id))
    .map((id) => context.entities.get(id))
    .filter((e): e is StoryEntity => Boolean(e));
  // Rarely named entities are the informative answers; a pronoun's referent comes last.
  const rank = (e: StoryEntity) => (e.id === p.pronounPerson?.id && !p.explicit.has(e.id) ? 2 : context.isUbiquitous(e) ? 1 : 0);
  others.sort((a, b) => rank(a) - rank(b));
  switch (question.type) {
    case 'date': {
      const q = question.text.toLowerCase();
      const matches = [...text.matchAll(DATE)].filter((m) => !q.includes(m[0].toLowerCase()));
      // "Which month ...", "what date ...": a date less precise than asked (a bare year) does not answer.
      const needed = askedPrecision(q);
      // "Which month in 2024 ...": a date of another year is another event's.
      const years = q.match(/\b(?:19|20)\d{2}\b/g) ?? [];
      const kept: Array<{ m: RegExpMatchArray; d: DateMention }> = [];
      for (const m of matches) {
        const d = parseDateMention(m[0].toLowerCase(), p.article.published);
        if (!d || d.precision < needed) continue;
        if (needed > 0 && years.length > 0 && !years.some((y) => d.key.startsWith(y))) continue;
        kept.push({ m, d });
      }
      // "In February 2025 he coined X, which was later picked as Word of the Year": the date
      // is of what comes before "later"; what the question asks about comes after it.
      const later = LATER.exec(text);
      // Not when the question tells the order itself ("the buzzword Collins later honoured").
      if (later && !LATER.test(question.text) && kept.length > 0 && kept.every((x) => (x.m.index ?? 0) < later.index)) {
        const asked = question.terms.filter((t) => !isWeakTerm(t) && !question.sourceTerms.includes(t));
        const before = new Set(textTerms(text.slice(0, later.index)));
        const after = new Set(textTerms(text.slice(later.index)));
        if (asked.filter((t) => after.has(t) && !before.has(t)).length > asked.filter((t) => before.has(t)).length) return hard([], 0, []);
      }
      const best = Math.max(0, ...kept.map((x) => x.d.precision));
      return hard(kept.map((x) => x.d.key), 0.5 + 0.5 * best, at(kept.map((x) => x.m)));
    }
    case 'count': {
      const found = [...text.matchAll(COUNT)].filter((m) => !YEAR.test(m[0].replace(/[,.]$/, '')));
      // "How many people work at X": only a number of people (or a word for them) answers;
      // a number of something else in the sentence is a count of that.
      // "How old was X": an age ("at age 15", "aged 29", "29 years old"), nothing else.
      if (question.head === 'old') {
        const ages = found.filter((m) => /\b(?:age|aged|at)\s+$/i.test(text.slice(0, m.index ?? 0)) || /^[\s-]*years?[\s-]+old\b/i.test(text.slice((m.index ?? 0) + m[0].length)));
        return hard(notInQuestion(ages.map((m) => m[0].toLowerCase()), question), 1, at(ages));
      }
      // "How long did he stay": a stretch of time ("about five years", "a year", "three-year").
      if (question.head === 'long') {
        const spans = [...text.matchAll(DURATION)];
        return hard(notInQuestion(spans.map((m) => m[0].toLowerCase()), question), 1, at(spans));
      }
      if (question.head) {
        const heads = [question.head, ...context.synonymsOf(question.head)];
        // "How many people watched": people are counted by what they did (views, viewers),
        // written right after the number ("3 million views"), not a few words on ("five
        // years at Tesla building").
        const deeds = PEOPLE.has(question.head) ? question.terms.filter((t) => t !== question.head).flatMap((t) => [t, ...context.synonymsOf(t)]) : [];
        const counted = found.filter((m) => heads.some((h) => followedBy(text, m, h)) || deeds.some((h) => followedBy(text, m, h, 1)));
        if (counted.length > 0) return hard(notInQuestion(counted.map((m) => m[0].toLowerCase().replace(/[,.]$/, '')), question), 1, at(counted));
        return hard([], 0, []);
      }
      const numbers = notInQuestion(found.map((m) => m[0].toLowerCase().replace(/[,.]$/, '')), question);
      return hard(numbers, found.some((m) => nearQuestionTerm(text, m, question, 3)) ? 0.5 : 0.4, at(found));
    }
    case 'amount': {
      // "What is OpenAI valued at": a figure whose owner is another organisation answers nothing.
      const owners = question.entities.filter((e) => e.kind === 'organisation');
      // With several organisations asked about, one of them owning it will do ("Meta dangled ... before OpenAI engineers").
      const found = [...text.matchAll(AMOUNT)].filter((m) => owners.length === 0 || owners.some((o) => ownsFigure(text, context.mentions(text), m.index ?? 0, o.id)));
      const amounts = notInQuestion(found.map((m) => m[0].toLowerCase().replace(/\s+/g, ' ')), question);
      return hard(amounts, found.some((m) => nearQuestionTerm(text, m, question, 5)) ? 1 : 0.6, at(found));
    }
    case 'person': {
      // Asked for someone's boss or adviser: only a person written in that senior role
      // answers ("under X", "X leads"), never the one being led.
      const senior = question.relations.asksForSuperior;
      const mentions = senior ? context.mentions(text) : [];
      const inRole = (e: StoryEntity) => !senior || mentions.some((m) => m.entity.id === e.id && context.isSenior(p, m, question.entities));
      // "Who is Anthropic's CTO": the person written next to the role ("CEO Dario Amodei").
      const role = question.roleWord ? [question.roleWord, ...context.synonymsOf(question.roleWord)] : undefined;
      const beside = (e: StoryEntity) => !role || context.mentions(text).some((m) => m.entity.id === e.id && nearTerms(text, mentionMatch(text, m), role, 3));
      const person = others.find((e) => e.kind === 'person' && inRole(e) && beside(e));
      if (role && !person) return hard([], 0, []);
      // "Who is OpenAI's CEO" is not answered by "former OpenAI leaders, including CEO X": the role is held elsewhere.
      if (role && formerOnly(question, context.mentions(text), text)) return hard([], 0, []);
      if (person) return hard([person.id], rank(person) === 0 ? 1 : rank(person) === 1 ? 0.8 : 0.6, entityPositions(context, text, person), person);
      if (senior && others.some((e) => e.kind === 'person')) return hard([], 0, []);
      // "Who on X said ...": a handle written as the speaker ("X user @name wrote") is who.
      if (ASKS_FOR_POSTER.test(question.text)) {
        const handles = [...text.matchAll(/(?<![\w@])@\w{2,}/g)];
        // No handle here: the poster may be named where the quote closes, in the next sentence.
        return hard(handles.map((m) => m[0]), 0.8, at(handles));
      }
      // A capitalised name that is not one the question asks about (under another alias:
      // "Andrej Karpathy" for "Karpathy") nor a story name of another kind.
      // Not a hyphenated product ("Full Self-Driving").
      const named = [...text.matchAll(/\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b(?![\w-])/g)].filter((m) => {
        if (m[0].includes('-') && !/^[A-Z][a-z]+-[A-Z][a-z]+ [A-Z]/.test(m[0])) return false;
        // A sentence opening with a capitalised common word ("One Reddit reading") names nobody.
        if (/^(?:One|The|A|An|In|On|At|For|But|And|Some|Many|Most|This|That|These|Those|Its|His|Her|Their|After|Before|When|While|Meanwhile|Still|Yet|Both|Each|Every|Other|Several|Former|Members)\b/.test(m[0])) return false;
        if (question.text.includes(m[0])) return false;
        if (context.mentions(m[0]).length > 0) return false;
        return !senior || context.isSenior(p, { entity: { id: '', kind: 'person', name: m[0] }, start: m.index ?? 0, length: m[0].length }, question.entities);
      });
      // Or a handle written as the speaker ("X user @name commented"): whoever it is, they said it.
      if (named.length === 0) {
        const speakers = [...text.matchAll(/(?<=\buser\s)@\w{2,}|(?<![\w@])@\w{2,}(?=\s+(?:said|says|wrote|writes|posted|posts|commented|comments|added|adds|replied|tweeted)\b)/g)];
        if (speakers.length > 0) return hard(speakers.map((m) => m[0]), 0.6, at(speakers));
      }
      return hard(named.map((m) => m[0]), 0.5, at(named));
    }
    case 'place': {
      if (question.head) {
        // "Who is Anthropic's rival": an organisation written next to "rival" (or its synonym).
        const head = [question.head, ...context.synonymsOf(question.head)];
        const inRole = context.mentions(text).filter((m) => !asked.has(m.entity.id) && m.entity.kind === 'organisation' && nearTerms(text, mentionMatch(text, m), head, 3));
        const first = inRole[0];
        return first ? hard([first.entity.id], 1, [first.start], first.entity) : hard([], 0, []);
      }
      const org = others.find((e) => e.kind === 'organisation');
      if (org) return hard([org.id], rank(org) === 0 ? 1 : 0.8, entityPositions(context, text, org), org);
      const places = [...text.matchAll(/\b(?:in|at|from) (?:the )?([A-Z][a-z]+(?: [A-Z][a-z]+)*)/g)].filter((m) => {
        const n = m[1] ?? '';
        // A place the question names itself, however it is capitalised there, is not the answer.
        return n && !question.text.toLowerCase().includes(n.toLowerCase()) && !MONTH_NAME.test(n);
      });
      return hard(places.map((m) => m[1] ?? ''), 0.8, at(places));
    }
    case 'role': {
      // A title within a few words of the person asked about ("president Daniela Amodei",
      // "Nick Joseph, who leads pre-training", "X, Anthropic's chief scientist").
      const people = question.entities.filter((e) => e.kind === 'person');
      // "What was his role": the main person's, who may be "he" in the sentence.
      const main = people.length === 0 && context.mainPerson && /\b(?:his|her)\b/i.test(question.text) ? context.mainPerson : undefined;
      if (main) people.push(main);
      const found: RegExpMatchArray[] = [];
      const mentions = context.mentions(text);
      const askedOrganisations = question.entities.filter((e) => e.kind === 'organisation');
      for (const m of mentions) {
        if (!people.some((e) => e.id === m.entity.id)) continue;
        const around = mentionMatch(text, m);
        // "co-founder John Schulman followed Leike": a title beside another person is theirs.
        const others = mentions.filter((o) => o.entity.kind === 'person' && o.entity.id !== m.entity.id);
        const from = Math.max(0, ...others.filter((o) => o.start + o.length <= m.start).map((o) => o.start + o.length));
        const to = Math.min(text.length, ...others.filter((o) => o.start >= m.start + m.length).map((o) => o.start));
        const own = ' '.repeat(from) + text.slice(from, to) + ' '.repeat(text.length - to);
        // "Jan Leike, who had led alignment at OpenAI": what a person led is their post.
        const ledWhat = /^,?\s+who (?:had |has |once |previously |formerly )?(?:led|leads|headed|heads|ran|runs|oversaw|oversees|managed|manages|directed|directs)\b/i.test(text.slice(m.start + m.length));
        // "former OpenAI alignment lead Jan Leike": a lead written as the name's title.
        // The organisation asked about is in that title ("what was his job at OpenAI").
        const leadTitle =
          /\b[a-z-]+ (?:lead|head)\s+$/i.test(text.slice(0, m.start)) &&
          askedOrganisations.every((e) => mentions.some((o) => o.entity.id === e.id && o.start < m.start && m.start - o.start <= 40));
        if (ledWhat || leadTitle || nearTerms(own, around, TITLE_TERMS, 3)) found.push(around);
      }
      if (found.length === 0 && main && p.entities.has(main.id)) {
        const titles = [...text.matchAll(/\b[\w-]+\b/g)].filter((m) => TITLE_TERM_SET.has(textTerms(m[0])[0] ?? ''));
        return hard(titles.map((m) => m[0]), 0.8, at(titles));
      }
      return hard(found.map((m) => m[0]), 1, at(found));
    }
    case 'reason':
      return soft(REASON.test(text) ? 1 : 0);
    case 'definition':
      return soft(definesSubject(question.subject ?? '', text) ? 1 : 0);
    case 'name': {
      // "Which startup ...": a name not asked about, best right next to "startup".
      const mentions = context.mentions(text);
      const candidates: RegExpMatchArray[] = [];
      // "Which company ...": an organisation of the story is a company, whatever the sentence calls it.
      const ofAskedKind: RegExpMatchArray[] = [];
      const asksForOrganisation = question.head !== undefined && ORGANISATION_HEADS.has(question.head);
      for (const m of mentions) {
        if (asked.has(m.entity.id) || context.isUbiquitous(m.entity)) continue;
        // "What is the team called": a thing's name, never a person of the story.
        if (question.naming && m.entity.kind === 'person') continue;
        const match = mentionMatch(text, m);
        candidates.push(match);
        if (asksForOrganisation && m.entity.kind === 'organisation') ofAskedKind.push(match);
      }
      // After a quote's byline dash too ('..." - Nate Herk, ...').
      for (const m of text.matchAll(/(?<=[a-z,]\s|["\u201d]\s[-\u2014]\s)(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)*|[A-Z]{1,5}\d+\w*)/g)) {
        if (question.text.includes(m[0]) || MONTH_NAME.test(m[0]) || context.mentions(m[0]).length > 0) continue;
        candidates.push(m);
      }
      // A quoted title ("Zero to Hero", "autoresearch") is a name as well, and so is a word
      // with a capital inside it ("nanoGPT").
      for (const m of text.matchAll(/["\u201c]([A-Za-z][^"\u201d]{1,40})["\u201d]/g)) if ((m[1] ?? '').split(' ').length <= 5) candidates.push(m);
      for (const m of text.matchAll(/\b[a-z]+[A-Z][A-Za-z0-9]*\b/g)) if (!question.text.includes(m[0])) candidates.push(m);
      // A handle ("X user @name") names a person as well.
      for (const m of text.matchAll(/(?<![\w@])@\w{2,}/g)) candidates.push(m);
      // "Which outlet ...": a name written as a source ("Axios called", "Winbuzzer's coverage",
      // "confirmed to TechCrunch") is an outlet, whatever words surround it.
      // The sentence's first word is a candidate here too ("Axios called ...").
      if (question.head !== undefined && SOURCE_HEADS.has(question.head)) {
        const opening = /^[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*/.exec(text);
        const sourceCandidates = opening && !question.text.includes(opening[0]) && context.mentions(opening[0]).length === 0 ? [...candidates, opening] : [...candidates];
        // And a name right after a quote closes ('..., large-scale training," TechCrunch noted').
        for (const m of text.matchAll(/(?<=["\u201d]\s)[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*/g)) if (!question.text.includes(m[0]) && context.mentions(m[0]).length === 0) sourceCandidates.push(m);
        const sourced = sourceCandidates.filter((m) => writtenAsSource(text, m));
        if (sourced.length > 0) return hard(sourced.map((m) => m[0]), 1, at(sourced));
        // "Which outlet ran the piece on X": a sentence citing no one is its own outlet's.
        if (question.asksPublisher) {
          const publisher = publisherOf(p);
          return publisher ? { ...hard([publisher], 0.8, []), publisher } : hard([], 0, []);
        }
      }
      // "Which model will his team train first": what is to come is named next to its kind
      // when the coverage knows it; a name elsewhere in the sentence is about something else.
      const future = /\b(?:will|going to|gonna|upcoming|planned)\b/i.test(question.text);
      // "Which small language model did he use": a sentence that writes the asked kind in full
      // with no name next to it says there was one, not which.
      const kindWords = question.headWords ?? [];
      const unnamedKind = () => kindWords.length > 0 && question.head !== undefined && writesPhrase(text, [...kindWords, question.head]);
      if (candidates.length === 0) return question.naming || future || unnamedKind() ? hard([], 0, []) : soft(0);
      // The head word as the article may write it ("company" for "startup").
      const head = question.head ? [question.head, ...context.synonymsOf(question.head)] : [];
      // Or written as the object of the question's verb: "which companies has OpenAI been
      // acquiring" is answered by "buying Chat.com, io Products ...".
      const verbs = question.terms.filter((t) => t !== question.head && !question.sourceTerms.includes(t) && !isWeakTerm(t)).flatMap((t) => [t, ...context.synonymsOf(t)]);
      // "CS231n, a computer vision class": or next to every other word of the asked phrase.
      const near = candidates.some((m) => nearTerms(text, m, head, 3) || objectOf(text, m, verbs) || (kindWords.length > 0 && kindWords.every((w) => nearTerms(text, m, [w], 3))));
      // "What is X called": the name must be written next to X, not anywhere in the sentence.
      // "Which X user ...": a person, so the name must be the one written as that user.
      if (question.naming || (question.head !== undefined && PERSON_HEADS.has(question.head))) {
        let named = candidates.filter((m) => nearTerms(text, m, head, 3));
        // "CS231n, a computer vision class": next to every other word of the asked phrase.
        const words = question.headWords ?? [];
        if (named.length === 0 && words.length > 0) named = candidates.filter((m) => words.every((w) => nearTerms(text, m, [w], 3)));
        return named.length > 0 ? hard(named.map((m) => m[0]), 1, at(named)) : hard([], 0, []);
      }
      if (!near && (future || unnamedKind())) return hard([], 0, []);
      const entity = mentions.find((m) => !asked.has(m.entity.id) && !context.isUbiquitous(m.entity))?.entity;
      return soft(near ? 1 : ofAskedKind.length > 0 ? 0.8 : 0.6, candidates.map((m) => m[0]), at(candidates), entity);
    }
    default:
      return soft(0);
  }
}

/** The outlet that published the passage's article, when the corpus names one (not a file's id). */
function publisherOf(p: IndexedPassage): string | undefined {
  const { outlet, id } = p.article;
  return outlet && outlet !== id && /[A-Za-z]{2}/.test(outlet) ? outlet : undefined;
}

/** True when the text has these terms as consecutive words ("small language model"). */
function writesPhrase(text: string, terms: string[]): boolean {
  const words = wordTerms(text).map((ts) => ts.at(-1) ?? '');
  return words.some((_, i) => terms.every((t, j) => words[i + j] === t));
}

/** True when the words right after the number are (or include) the counted thing. */
function followedBy(text: string, m: RegExpMatchArray, head: string, words = 3): boolean {
  // Up to three words on, within the phrase ("20 autonomously discovered optimizations").
  const after = text.slice((m.index ?? 0) + m[0].length).split(/[.;:,()]/)[0]!.split(/\s+/).slice(0, 5).join(' ');
  return textTerms(after).slice(0, words).includes(head);
}

/** True when a question term is within `words` words of the match ("700 experiments"). */
function nearQuestionTerm(text: string, m: RegExpMatchArray, question: AnalysedQuestion, words: number): boolean {
  return nearTerms(text, m, question.terms, words);
}

function nearTerms(text: string, m: RegExpMatchArray, terms: string[], words: number): boolean {
  if (terms.length === 0) return false;
  const start = m.index ?? 0;
  const before = text.slice(0, start).trimEnd().split(/\s+/).slice(-words - 1).join(' ');
  const after = text.slice(start + m[0].length).split(/\s+/).slice(0, words + 1).join(' ');
  const near = new Set(textTerms(`${before} ${after}`));
  // "CS231n, a computer vision class", "Nate Herk, an AI automation creator and YouTube
  // analyst": the phrase set beside the name says what it is, however long.
  const appositive = /^,\s+(?:a|an|the)\s+([^,.;:"\u201c\u201d()]{1,200}?)(?=[,.;:"\u201c\u201d()]|$)/.exec(text.slice(start + m[0].length))?.[1];
  // A byline under a quote ('..." - Nate Herk, AI automation creator (YouTube analyst)'): the role to the end.
  const bylineRole = /\s[-\u2014]\s*$/.test(text.slice(0, start)) ? /^,\s+([^"\u201c\u201d]{1,80})$/.exec(text.slice(start + m[0].length))?.[1] : undefined;
  const described = (appositive ?? bylineRole)?.split(/\s+(?:whose|which|who|that|where|with)\s+/)[0];
  if (described && described.split(/\s+/).length <= 8) for (const t of textTerms(described)) near.add(t);
  return terms.some((t) => near.has(t));
}

/**
 * True when the name follows one of the verbs (as terms) directly, a participle or past
 * form with nothing between ("buying Chat.com", not "team"), Winbuzzer"), or is joined to
 * one by a hyphen ("Microsoft-backed").
 */
function objectOf(text: string, m: RegExpMatchArray, verbs: readonly string[]): boolean {
  const word = /(?:^|\s)([A-Za-z]+(?:ing|ed))\s+$/.exec(text.slice(0, m.index ?? 0))?.[1];
  // "Microsoft-backed OpenAI": the name joined to the participle is who does it.
  const joined = /^-([a-z]+ed)\b/.exec(text.slice((m.index ?? 0) + m[0].length))?.[1];
  return [word, joined].some((w) => {
    const term = w ? textTerms(w)[0] : undefined;
    return term !== undefined && verbs.includes(term);
  });
}

/** "X is ...", "X, the ...", "called X": the passage says what X is. */
function definesSubject(subject: string, text: string): boolean {
  const words = subject
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, '')
    .split(/[\s-]+/)
    .filter(Boolean);
  if (words.length === 0) return false;
  const s = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s-]?');
  const after = new RegExp(`\\b${s}\\w{0,3}["\u201d]?,?["\u201d]?\\s+(?:(?:which |that )?(?:is|are|was|were) (?:a|an|the|one|its|his|her|their|\\w+'s)\\b|(?:which |that )?(?:refers to|means|describes|denotes)|,? ?(?:a|an|the)\\b|-\\s)`, 'i');
  const before = new RegExp(`\\b(?:called|termed|dubbed|known as|named|coined)\\s+(?:(?:this|the|it)\\s+(?:\\w+\\s+)?)?"?${s}`, 'i');
  return after.test(text) || before.test(text) || new RegExp(`\\b${s}\\w{0,3}"?,\\s`, 'i').test(text);
}

/** Every organisation the question asks about is named in the text only as a former one ("former OpenAI leaders", "ex-OpenAI"). */
function formerOnly(question: AnalysedQuestion, mentions: EntityMention[], text: string): boolean {
  if (/\b(?:former|ex|previous|onetime|old)\b/i.test(question.text)) return false;
  const asked = new Set(question.entities.filter((e) => e.kind === 'organisation').map((e) => e.id));
  const named = mentions.filter((m) => asked.has(m.entity.id));
  return named.length > 0 && named.every((m) => /\b(?:former|ex-|previous|onetime)\s*$/i.test(text.slice(0, m.start)));
}

/** Precision a date question asks for: 1 for "which day"/"what date", 0.6 for "month and year", 0.4 for "which month", else any. */
function askedPrecision(lowerQuestion: string): number {
  if (/\b(?:which|what) (?:exact )?(?:day|date)\b|\bon what (?:day|date)\b/.test(lowerQuestion)) return 1;
  // "Month and year please", "what month and year": both.
  if (/\bmonth (?:and|\+|&) year\b|\byear and month\b/.test(lowerQuestion)) return 0.6;
  // "Which month": a month named ("in March") answers, its year or not.
  if (/\b(?:which|what) month\b/.test(lowerQuestion)) return 0.4;
  return 0;
}

/**
 * True when the organisation owns the figure written at `offset`: it is named before the
 * figure, not as the object of a comparison ("more than OpenAI"). A figure written before
 * it ("a $965 billion valuation, briefly overtaking OpenAI") is another's.
 */
function ownsFigure(text: string, mentions: EntityMention[], offset: number, organisation: string): boolean {
  // The closest organisation before the figure that stands as a name, not as a noun's
  // modifier ("OpenAI engineers", "the OpenAI orbit") or the object of a comparison.
  const owners = mentions.filter((m) => m.entity.kind === 'organisation' && m.start < offset && !/\b(?:than|over|overtaking|overtook|topping|topped|beating|beat|against|versus|vs|the|a|an)\s+$/i.test(text.slice(0, m.start)) && !/^\s+(?:engineers|researchers|employees|staff|team|orbit|people|talent|users)\b/.test(text.slice(m.start + m.length)));
  return owners.at(-1)?.entity.id === organisation;
}
