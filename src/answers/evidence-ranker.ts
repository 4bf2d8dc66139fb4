import type { AnalysedQuestion } from './question';
import { quoteBefore, quoteOpening, SAYS_WITHOUT_WORDS } from './statement-shape';
import { POSTINGS_BUDGET, type IndexedPassage, type PassageHit, type PassageIndex } from './passage-index';
import type { EntityMention, Paraphrase, StoryEntity } from './story-vocabulary';
import { degreeForms, isWeakTerm as isWeakWord, textTerms } from './text-terms';
import { proximity, type ProximityUnit } from './term-proximity';
import { typeEvidence, type TypeContext, type TypeEvidence } from './answer-type-evidence';
import type { RefusalReason } from './answer';
import { RelationChecker } from './relation-checks';
import { focusProblem } from './focus-problems';
import { FOUNDING } from './question-focus';

/**
 * Scores retrieved passages by how much of the question they actually cover, and decides
 * whether the best one is good enough to answer from. Raw BM25 only finds candidates:
 * a passage that matches one rare word scores high but answers nothing.
 */

/** One thing the question asks about: a content term or a story entity. */
interface Unit {
  kind: 'term' | 'entity';
  key: string;
  weight: number;
  synonyms: ReadonlySet<string>;
  paraphrases: readonly Paraphrase[];
  /**
   * Must be shown by the answer sentence itself: a word matched only as another spelling
   * of it ("succeed" ~ "successor") is a guess the sentence has to confirm.
   */
  required?: boolean;
}

export interface RankedPassage {
  passage: IndexedPassage;
  /** The next sentence, when it holds what the answer type needs ("He wrote:" + the quote). */
  continuation?: IndexedPassage;
  /** The line before, when it introduces this quote and holds what the answer type needs. */
  introduction?: IndexedPassage;
  /** True when the question's most specific term or entity is shown. */
  keyCovered: boolean;
  /** Weighted share (0..1) of the question's distinctive terms and entities found. */
  coverage: number;
  /** The rarest specific question word is in the sentence, and at least half of the others near it. */
  wordsMatch: boolean;
  type: TypeEvidence;
  /** True when every person the question names is in the passage (or meant by its pronoun). */
  subjectOk: boolean;
  /** Set when the passage puts the question's names in other roles ("left OpenAI" for "leave Anthropic"). */
  relationProblem?: string;
  score: number;
}

export interface RankOutcome {
  ranked: RankedPassage[];
  /** Set when the question cannot be answered from this corpus at all. */
  refusal?: RefusalReason;
  /** Question terms the corpus never uses (nor any synonym of them). */
  unknownTerms: string[];
}

/** Verbs of saying a "who said" question asks with. */
const SPEAKING_TERMS: ReadonlySet<string> = new Set(textTerms('say said write wrote post posted tweet tweeted comment commented add added'));
/** Kinds of outlet a question may ask for ("which magazine"). */
const OUTLET_KINDS: ReadonlySet<string> = new Set(textTerms('magazine newspaper publication newsletter'));
/** Score for a passage from the article the question says it read (all its naming words there). */
const SOURCE_BONUS = 0.15;
/** Words of a source phrase that name a kind of writing, not which one ("piece", "summary"). */
const SOURCE_KINDS: ReadonlySet<string> = new Set(textTerms('piece article articles story summary write-up writeup report post analysis page coverage comparison section thread video outlet site source one'));

/** Coverage of the question's other words that lets a passage answer without its key word. */
const KEY_FREE_COVERAGE = 0.8;
/** Coverage the best passage needs before it may answer. */
export const MIN_COVERAGE = 0.62;
/** Coverage enough when the question's words match one by one (`wordsMatch`). */
const SOFT_COVERAGE = 0.4;
/** Coverage needed when a word of the question was left out as framing. */
const FRAMING_COVERAGE = 0.62;
/** An entity named in at least this share of passages says nothing about any one of them. */
const UBIQUITOUS_SHARE = 0.12;
const CANDIDATES = 80;
/** "The move", "the recruitment": the story's own event, which is its main person's. */
const STORY_EVENT = /\bthe (?:move|switch|recruitment|signing|appointment)\b/i;
/** The main person gained or lost, as the question puts it ("getting Karpathy", "losing him"). */
const ASKS_GAIN_OR_LOSS = /\b(?:getting|hiring|landing|acquiring|gaining|signing|poaching|adding|losing|snagging|nabbing)\s+(?:him|\S+)\b/i;
/** A sentence telling that gain or loss with a description for the name ("acquiring a top AI evangelist"). */
const DESCRIBED_GAIN_OR_LOSS = /\b(?:getting|hiring|landing|acquiring|gaining|signing|poaching|adding|losing|snagging|nabbing) (?:a|an) (?:[\w-]+ ){0,5}(?:researcher|evangelist|practitioner|scientist|engineer|figure|leader|co-?founder|name|talent|star|hire)s?\b/i;
/** Heads of a question asking for a name as such ("what label ..."): the name shows them. */
const NAMING_HEADS: ReadonlySet<string> = new Set(['label', 'name', 'term', 'title', 'phrase', 'nickname', 'moniker', 'brand'].flatMap((w) => textTerms(w)));
/** Answer types a passage must satisfy; the others only earn a bonus. */
export const HARD_TYPES: ReadonlySet<string> = new Set(['person', 'date', 'place', 'count', 'amount', 'role']);

function idf(df: number, n: number): number {
  return Math.log(1 + (n + 1) / (df + 0.5));
}

export function rankEvidence(asked: AnalysedQuestion, index: PassageIndex, entities: ReadonlyMap<string, StoryEntity>): RankOutcome {
  const question = withSlipsMended(asked, index);
  // Words of where the user read it count as little as weak words.
  const isWeakTerm = (t: string) => isWeakWord(t) || question.sourceTerms.includes(t);
  const n = Math.max(1, index.size);
  const vocabulary = index.vocabulary;
  const ubiquitous = (e: StoryEntity) => e.id === vocabulary.mainPerson?.id || index.entityFrequency(e.id) / n >= UBIQUITOUS_SHARE;
  const units: Unit[] = [];
  const unknownTerms: string[] = [];
  // Two candidate searches: the question's own words, and those widened by synonyms and
  // paraphrases. With only the widened one, passages that happen to hold several synonyms
  // of one word crowd out the passage that uses the question's exact words.
  const exactWeights = new Map<string, number>();
  const searchWeights = new Map<string, number>();
  const raise = (weights: Map<string, number>, t: string, w: number) => weights.set(t, Math.max(weights.get(t) ?? 0, w));
  // "What year was X started": founding is what is asked, whichever verb an article uses for it.
  const foundingVerbs = new Set(question.type === 'date' ? question.actingOrganisations.filter((o) => o.verb && FOUNDING.has(o.verb)).map((o) => o.verb!) : []);
  for (const term of question.terms) {
    let synonyms = foundingVerbs.has(term) ? new Set([...vocabulary.synonymsOf(term), ...FOUNDING]) : vocabulary.synonymsOf(term);
    // Other degrees of the word the corpus uses: a superlative is always shown by them ("the
    // deepest bench": "no one has a deeper bench"); an -er word only when it is not used itself.
    const degrees = isWeakTerm(term) ? [] : degreeForms(term).filter((t) => index.termFrequency(t) > 0);
    if (degrees.length > 0 && term.endsWith('est')) synonyms = new Set([...synonyms, ...degrees]);
    let paraphrases = vocabulary.paraphrasesOf(term);
    let dfs = [term, ...synonyms].map((t) => index.termFrequency(t)).filter((df) => df > 0);
    let required = false;
    if (dfs.length === 0) {
      // The same word written otherwise ("undergrad", "optimise", "redditors"), or another
      // degree of it ("bigger" for "big").
      const same = degrees.length > 0 ? degrees : index.sameWordTerms(term);
      if (same.length > 0) {
        synonyms = new Set([...synonyms, ...same]);
        dfs = same.map((t) => index.termFrequency(t));
        // Where the user read it is never required ("studio" is not "studied").
        required = !isWeakTerm(term);
      }
    }
    // "RL" the articles spell out ("reinforcement-learning"): its letters start the words.
    const spelled = dfs.length === 0 && paraphrases.length === 0 ? acronymParaphrase(term, question.text) : undefined;
    if (spelled) {
      paraphrases = [spelled];
      required = true;
    }
    // "GPT" written in capitals is shown by a name that ends in it ("nanoGPT").
    const embedded = acronymInName(term, question.text);
    if (embedded) paraphrases = [...paraphrases, embedded];
    // "bare-bones" unknown as one word: its parts are in the question as words of their own.
    if (dfs.length === 0 && question.compounds.includes(term)) continue;
    if (dfs.length === 0 && !isWeakTerm(term) && paraphrases.length === 0) unknownTerms.push(term);
    // "Which magazine named him ...": the outlet is named ("TIME included him"), rarely called a magazine.
    const outletKind = term === question.head && OUTLET_KINDS.has(term);
    const weight = idf(dfs.length ? Math.min(...dfs) : paraphrases.length ? n / 4 : 0, n) * (isWeakTerm(term) || outletKind ? 0.25 : 1);
    // "What did he leave OpenAI in 2023 to launch": a year the question gives dates what is asked.
    if (/^(?:19|20)\d{2}$/.test(term) && question.type !== 'date') required = true;
    // "How many stars does nanoGPT have": what has the counted things must be in the sentence.
    if (question.owner?.includes(term)) required = true;
    // "Which soccer team": the kind's qualifier is shown (a known club's name will do), not just any team.
    if (question.headWords?.includes(term) && paraphrases.some((p) => p.searchTerms)) required = true;
    units.push({ kind: 'term', key: term, weight, synonyms, paraphrases, ...(required ? { required } : {}) });
    raise(exactWeights, term, 1);
    raise(searchWeights, term, 1);
    for (const s of synonyms) raise(searchWeights, s, 0.7);
    for (const p of paraphrases) for (const set of p.allOf ?? []) for (const s of set) raise(searchWeights, s, 0.4);
    for (const p of paraphrases) for (const s of p.searchTerms ?? []) raise(searchWeights, s, 0.4);
  }
  for (const e of question.entities) {
    // A name in most passages still says what the question is about ("when was Anthropic
    // founded"), but counts for little.
    const weight = idf(index.entityFrequency(e.id), n) * (ubiquitous(e) ? 0.35 : 1);
    units.push({ kind: 'entity', key: e.id, weight, synonyms: new Set(), paraphrases: [] });
  }
  // Words the corpus never uses, in a question whose other words are specific and known,
  // are often only framing ("attend", "originally", "snapping", "odds"): they are left out,
  // and the rest must then match strongly. Never the asked-for thing itself ("which car"),
  // a number, a word of the counted thing ("how many graduate students"), or a word written
  // as a name or quoted ("Which car does Musk drive?").
  let framingDropped = false;
  const knownSpecific = units.filter((u) => (u.kind === 'entity' && question.entities.some((e) => e.id === u.key && !ubiquitous(e))) || (u.kind === 'term' && !isWeakTerm(u.key) && !unknownTerms.includes(u.key))).length;
  const knownTerms = units.filter((u) => u.kind === 'term' && !isWeakTerm(u.key) && !unknownTerms.includes(u.key)).length;
  const droppable = unknownTerms.every((t) => t !== question.head && t !== question.predicate && !/^\d/.test(t) && !question.hardTerms.includes(t) && !question.countedWords?.includes(t));
  if (unknownTerms.length > 0 && droppable && knownSpecific >= 2 && knownTerms >= 1 && knownSpecific >= unknownTerms.length) {
    for (const t of unknownTerms) {
      const dropped = units.findIndex((u) => u.kind === 'term' && u.key === t);
      if (dropped >= 0) units.splice(dropped, 1);
    }
    unknownTerms.length = 0;
    framingDropped = true;
  }
  // Entities are found through their names' terms.
  for (const e of question.entities) {
    for (const t of entityTerms(e, index)) {
      raise(searchWeights, t, ubiquitous(e) ? 0.3 : 1.2);
      raise(exactWeights, t, ubiquitous(e) ? 0.3 : 1.2);
    }
  }
  const persons = question.entities.filter((e) => e.kind === 'person');
  const organisations = question.entities.filter((e) => e.kind === 'organisation');
  // "Karpathy joining Anthropic", "Anthropic landing Karpathy": the story's event, shown by a
  // sentence on the organisation's side of it that leaves the person unnamed.
  // Not with another organisation asked about ("did Tesla comment on Karpathy joining Anthropic").
  const questionMentions = vocabulary.mentions(question.text);
  const eventOrganisation = organisations.length === 1 ? storyEventOrganisation(question.text, questionMentions, vocabulary.mainPerson?.id) : undefined;
  // "Karpathy's Anthropic tweet": the organisation only says which tweet; the sentence may leave it out.
  const modifiers = modifyingOrganisations(question.text, questionMentions);
  // "What does getting Karpathy do for Anthropic": a sentence on gaining "a top AI evangelist" tells it.
  const main = vocabulary.mainPerson;
  const gainVerbs = main === undefined ? [] : [...question.text.matchAll(new RegExp(ASKS_GAIN_OR_LOSS.source, 'gi'))].filter((m) => {
    const object = m.index + m[0].length;
    return /\bhim$/i.test(m[0]) || questionMentions.some((q) => q.entity.id === main.id && q.start + q.length === object);
  }).flatMap((m) => textTerms(m[0].split(/\s+/)[0]!));
  const gainOrLoss = gainVerbs.length > 0;
  const personNamed = (p: IndexedPassage) => [...p.entities].some((id) => entities.get(id)?.kind === 'person');
  const ubiquitousIds = new Set(question.entities.filter(ubiquitous).map((e) => e.id));
  // Only when synonyms widened the search does the literal one find anything new; it gets a
  // smaller postings budget (its rarest words are what it is for).
  const widened = searchWeights.size > exactWeights.size;
  const hits = mergeHits(index.find(searchWeights, CANDIDATES), widened ? index.find(exactWeights, CANDIDATES, false, POSTINGS_BUDGET / 3) : []);
  const topScore = hits[0]?.score ?? 1;
  const total = units.reduce((s, u) => s + u.weight, 0);
  // The question's most specific word must be in the evidence: "who will replace X" is
  // not answered by a sentence about X that never mentions a replacement.
  const key = units.filter((u) => !(u.kind === 'term' && isWeakTerm(u.key)) && !(u.kind === 'entity' && ubiquitousIds.has(u.key))).sort((a, b) => b.weight - a.weight)[0];
  // Words as rare as the key (each in one passage, say) are as specific: half of them will do.
  const keys = key ? units.filter((u) => u === key || (u.kind === key.kind && u.weight >= key.weight - 1e-9 && !(u.kind === 'term' && isWeakTerm(u.key)))) : [];
  // Specific (not weak) question words, rarest first.
  const specificTerms = units.filter((u) => u.kind === 'term' && !isWeakTerm(u.key)).sort((a, b) => b.weight - a.weight);
  const relations = relationChecker(vocabulary);
  const typeContext: TypeContext = {
    entities,
    isSenior: (passage, m, asked) => relations.isSenior(passage, m, asked),
    isUbiquitous: ubiquitous,
    mentions: (text) => vocabulary.mentions(text),
    synonymsOf: (term) => vocabulary.synonymsOf(term),
    ...(vocabulary.mainPerson ? { mainPerson: vocabulary.mainPerson } : {}),
  };
  // The unit of the hyphenated word each of its parts came from ("tech" of "ed-tech").
  const compoundOf = units.map((u) => {
    if (u.kind !== 'term' || question.compounds.includes(u.key)) return undefined;
    const whole = units.findIndex((w) => w.kind === 'term' && question.compounds.includes(w.key) && w.key !== u.key && w.key.includes(u.key));
    return whole >= 0 ? whole : undefined;
  });
  // For closeness, every word of the question counts alike (a weak word a little).
  const proximityUnits: ProximityUnit[] = units.map((u) => ({
    weight: u.kind === 'term' && isWeakTerm(u.key) ? 0.25 : 1,
    ...(u.kind === 'entity' ? { entity: u.key } : { terms: new Set([u.key, ...u.synonyms]) }),
  }));
  // The asked kind as an article may write it ("companies" for "startup").
  const headTerms = new Set([...(question.head ? [question.head] : []), ...(question.headWords ?? [])].flatMap((t) => [t, ...vocabulary.synonymsOf(t)]));
  const askedUnits = question.askedTerms ? units.flatMap((u, i) => (u.kind === 'term' && question.askedTerms!.includes(u.key) && !isWeakTerm(u.key) ? [i] : [])) : [];
  const askingUnits = question.askingTerms ? units.flatMap((u, i) => (u.kind === 'term' && question.askingTerms!.includes(u.key) && !isWeakTerm(u.key) ? [i] : [])) : [];
  // "Per the Studio Global piece": passages of an article whose outlet, title or text has the
  // words that name where the user read it come first among equals.
  const sourceNames = question.sourceTerms.filter((t) => !SOURCE_KINDS.has(t) && index.termFrequency(t) < n);
  const sourceShare = (p: IndexedPassage) => {
    if (sourceNames.length === 0) return 0;
    const terms = index.articleTerms(p);
    return sourceNames.filter((t) => terms.has(t)).length / sourceNames.length;
  };
  // An organisation of the scene a question sets ("why he'd leave for Anthropic") named in the article.
  const sceneInArticle = (p: IndexedPassage, e: StoryEntity) => {
    const terms = index.articleTerms(p);
    return entityTerms(e, index).some((t) => terms.has(t));
  };
  // An organisation is shown, as context, by a name whose story role holds it ("Musk": "recruited Karpathy to Tesla").
  const roleNames = (p: IndexedPassage, id: string) => vocabulary.roleNames(p.explicit, id);
  const ranked = hits.map(({ passage, score }): RankedPassage => {
    const prev = index.neighbour(passage, -1, false);
    const next = index.neighbour(passage, 1);
    const paragraph = index.paragraphTerms(passage);
    let covered = 0;
    let keysShown = 0;
    // "Who will replace X": the asked relation's verb is never one of several that may be
    // missing, nor the asked kind of a name ("which dictionary").
    let predicateMissing = false;
    let missingRequired = false;
    let specificShown = 0;
    let rarestShown = false;
    let type = typeEvidence(question, passage, typeContext);
    // "Who put out the 'redraw the battlefield' piece": an outlet another article cites is not its publisher.
    if (question.asksPublisher && sourceNames.length > 0 && sourceShare(passage) < 1) type = { satisfied: false, strength: 0, values: [], positions: [] };
    // The answer found is the asked kind of thing: "which university" is shown by "Stanford".
    const realised = type.satisfied && type.strength >= 0.8 && type.values.length > 0;
    // Each unit's own coverage, kept for the key-free check below.
    // Where the user read it is shown by the article itself ("per the ATA summary").
    const articleTerms = sourceNames.length > 0 ? index.articleTerms(passage) : undefined;
    // "Which outlet ran the piece on redrawing the battlefield": the piece's title describes it too.
    const titleTerms = question.asksPublisher ? index.titleTerms(passage) : undefined;
    const inTitle = (u: Unit) => (titleTerms === undefined || u.kind !== 'term' ? 0 : titleTerms.has(u.key) ? 1 : hasSynonym(titleTerms, u) ? 0.8 : 0);
    const shown = units.map((u) => (articleTerms && u.kind === 'term' && sourceNames.includes(u.key) && articleTerms.has(u.key) ? 1 : Math.max(unitCoverage(u, passage, paragraph, prev, next, roleNames), inTitle(u))));
    // "Ed-tech startup" is shown by "education startup": a hyphenated word's parts are shown by the whole.
    for (const i of units.keys()) {
      const whole = compoundOf[i];
      if (whole !== undefined && shown[whole]! > shown[i]!) shown[i] = shown[whole]!;
    }
    // A quote that runs on into the next sentence is one statement with its speaker line
    // ('"Anthropic looks like Real Madrid ... super team," X user @name commented').
    // So is a quote with the line that introduces it ('X user @name commented:').
    const quoteOpensHere = /^["\u201c]/.test(passage.text) && !/["\u201d]/.test(passage.text.slice(1));
    // So is a later sentence of a quote with the line that introduced its first one.
    const opening = quoteOpening(passage, index);
    const introLine = opening ? index.neighbour(opening, -1, false) : prev;
    const speakerLine = /^["\u201c]/.test((opening ?? passage).text) && introLine && /:\s*$/.test(introLine.text) ? introLine : quoteOpensHere && next && /["\u201d]/.test(next.text) ? next : undefined;
    if (speakerLine) {
      for (const [i, u] of units.entries()) if (u.kind === 'term' && shown[i]! < 0.9 && (speakerLine.terms.has(u.key) || hasSynonym(speakerLine.terms, u))) shown[i] = 0.9;
    }
    // "When was the autoresearch experiment": a name a later sentence gives to what this one
    // describes ("... He called the method "autoresearch."") stands for it here.
    const laterName = units.some((u, i) => u.kind === 'term' && shown[i]! < 0.8) ? namedLater(passage, index) : undefined;
    if (laterName) for (const [i, u] of units.entries()) if (u.kind === 'term' && shown[i]! < 0.8 && laterName.has(u.key)) shown[i] = 0.8;
    // "Hiring Karpathy" is told by "gaining a top AI evangelist".
    if (gainOrLoss && DESCRIBED_GAIN_OR_LOSS.test(passage.text)) for (const [i, u] of units.entries()) if (u.kind === 'term' && gainVerbs.includes(u.key)) shown[i] = Math.max(shown[i]!, 0.8);
    // "He called the method X": what the method is, the sentences before it in its paragraph say.
    if (question.naming) {
      const described = describedBefore(passage, index, headTerms);
      for (const [i, u] of units.entries()) if (u.kind === 'term' && shown[i]! < 0.8 && described.some((d) => d.terms.has(u.key) || hasSynonym(d.terms, u))) shown[i] = 0.8;
    }
    // The question proper shown in full: the scene's words count as shown anywhere in the paragraph.
    const askingShown = askingUnits.length >= 2 && askingUnits.every((i) => shown[i]! >= 0.8);
    if (askingShown) for (const [i, u] of units.entries()) if (u.kind === 'term' && !askingUnits.includes(i) && shown[i]! >= 0.45) shown[i] = Math.max(shown[i]!, 0.8);
    for (const [i, u] of units.entries()) {
      const c = realised && u.kind === 'term' && u.key === question.typeWord ? 1 : shown[i]!;
      if (specificTerms.includes(u)) {
        if (c >= 0.8) specificShown++;
        if (u === specificTerms[0] && c >= 0.8) rarestShown = true;
      }
      covered += u.weight * c;
      if (keys.includes(u) && c >= (u.kind === 'term' ? 0.8 : 0.5)) keysShown++;
      else if (keys.includes(u) && (u.key === question.predicate || (question.type === 'name' && u.key === question.head && !NAMING_HEADS.has(u.key)))) predicateMissing = true;
      if (u.required && c < 0.8) missingRequired = true;
    }
    let keyCovered = key === undefined || (keysShown >= Math.ceil(keys.length / 2) && !predicateMissing);
    // Most of what was asked shown, and the missing key only a word the article put otherwise
    // ("tweaks" for "changes"): not a name, number, quoted or capitalised word, nor the verb
    // or kind asked for.
    if (!keyCovered && !predicateMissing && key?.kind === 'term' && !question.hardTerms.includes(key.key) && key.key !== question.head && key.key !== question.predicate && relaxedCoverage(units, keys, shown, total) >= KEY_FREE_COVERAGE) keyCovered = true;
    if (missingRequired) keyCovered = false;
    // "Which outlet ran the piece about his salary": any article's outlet is an outlet, so the
    // piece is known only by its own words; "paying him" does not make a piece on his salary.
    const describing = question.asksPublisher ? specificTerms.find((u) => u.key !== question.head) : undefined;
    if (describing && shown[units.indexOf(describing)]! < 1) keyCovered = false;
    // "In that March experiment ..., how much faster ...": the asking clause shown in full answers it.
    if (askingShown && !predicateMissing && !missingRequired) keyCovered = true;
    // "If Anthropic can't win on cash, what does it pitch instead": the lead-in's words alone
    // do not answer; the asking clause must be there too.
    if (askedUnits.length > 0 && !askedUnits.some((i) => shown[i]! >= 0.8)) keyCovered = false;
    const coverage = total > 0 ? covered / total : 0;
    let continuation: IndexedPassage | undefined;
    // Not for a person: a name in the next sentence is not who did what this one says.
    // A next sentence ending in a colon introduces what comes after it, not this one.
    // A quote that runs on into the next sentence is one statement: its speaker is there.
    const quoteRunsOn = /^["\u201c]/.test(passage.text) && !/["\u201d]/.test(passage.text.slice(1));
    const runsOn = question.type === 'person' && quoteRunsOn;
    // Nor for a date or a name unless the next sentence points back ("That was in 2015"): its
    // date or name is of what it tells ("At Stanford he built CS231n ... in 2015"), not of this
    // sentence; a name may follow a sentence that ends in a colon.
    const pointsBack = next !== undefined && /^(?:that|this|it|then|the (?:move|change|deal|hire|news))\b/i.test(next.text);
    const typeMayContinue =
      question.type === 'person' ? runsOn
      : question.type === 'date' ? pointsBack
      : question.type === 'name' ? pointsBack || quoteRunsOn || /:\s*$/.test(passage.text) || (next !== undefined && namesAskedKind(next.text, headTerms))
      : question.type !== 'reason' && question.type !== 'other';
    if (type.strength === 0 && next && !/:\s*$/.test(next.text) && typeMayContinue) {
      const following = typeEvidence(question, next, typeContext);
      if (following.strength > 0) {
        type = { ...following, strength: following.strength * 0.8 };
        continuation = next;
      }
    }
    // "In March he let an agent tune training code ... He called the method "autoresearch."":
    // a name given a few sentences on, to what this one describes, is this sentence's answer.
    if (type.strength === 0 && question.naming) {
      const naming = namingLater(passage, index, headTerms);
      const named = naming ? typeEvidence(question, naming, typeContext) : undefined;
      if (naming && named && named.strength > 0) {
        type = { ...named, strength: named.strength * 0.8 };
        continuation = naming;
      }
    }
    // A quote introduced by the line before it ("X user @name commented:"): who said it is there.
    // So is one that opened a sentence or two before, in the same paragraph.
    let introduction: IndexedPassage | undefined;
    // "Who wrote that ...": the quote's own "he" is whom it is about, its speaker is in that line.
    const asksSpeaker = question.type === 'person' && question.terms.some((t) => SPEAKING_TERMS.has(t));
    if ((type.strength === 0 || asksSpeaker) && introLine && /:\s*$/.test(introLine.text) && /^["\u201c']/.test((opening ?? passage).text) && question.type !== 'reason' && question.type !== 'other') {
      const before = typeEvidence(question, introLine, typeContext);
      if (before.strength > 0) {
        // A bare speaker line ("User @name added:") says nothing but who: as sure as the quote's own.
        const speakerLine = introLine.text.split(/\s+/).length <= 6;
        type = { ...before, strength: before.strength * (speakerLine ? 1 : 0.8) };
        introduction = introLine;
      }
    }
    // The rarest specific word in the sentence and at least half of the others in it or
    // next to it: the sentence is about what was asked even when the question's weighting
    // puts its coverage under the bar (a common word of the question missing).
    // Only with the answer plainly there: a name next to the asked-for kind of thing.
    // Or the question proper shown in full after a scene it sets ("the Reddit theory for why ...").
    const wordsMatch = ((rarestShown && specificTerms.length >= 2 && specificShown - 1 >= (specificTerms.length - 1) / 2) || (askingShown && !question.askedTerms)) && (question.type !== 'name' || type.strength >= 1);
    // Every name asked about is in the answer sentence: a person (or their pronoun) always;
    // an organisation there or in a sentence next to it in its paragraph, which often sets
    // the scene, or in the story's role of a less common name in it ("X was recruited by Y"
    // with Y "recruited X to Tesla").
    // "Nicholas Joseph wrote on X:": the words, and whom they are about, are in the quote next to it.
    const quoted = /:\s*$/.test(passage.text) ? [index.neighbour(passage, 1, false)] : SAYS_WITHOUT_WORDS.test(passage.text) && !/["\u201c\u201d]/.test(passage.text) ? quoteBefore(passage, index) : [];
    const subjectOk = persons.every((e) => passage.entities.has(e.id) || quoted.some((q) => q?.entities.has(e.id)) || opening?.entities.has(e.id) || continuation?.entities.has(e.id) || (e.id === vocabulary.mainPerson?.id && (STORY_EVENT.test(passage.text) || (eventOrganisation !== undefined && passage.explicit.has(eventOrganisation)) || (gainOrLoss && DESCRIBED_GAIN_OR_LOSS.test(passage.text) && !personNamed(passage))))) && organisations.every((e) => passage.entities.has(e.id) || modifiers.has(e.id) || [prev, next].some((n) => n?.passage.paragraph === passage.passage.paragraph && n.entities.has(e.id)) || roleNames(passage, e.id) || (askingShown && sceneInArticle(passage, e)));
    const relationProblem = relations.problem(question.relations, question.entities, passage) ?? focusProblem(question, passage, continuation, [prev, next].filter((n): n is IndexedPassage => n?.passage.paragraph === passage.passage.paragraph), entities, vocabulary);
    // A run-on sentence covers many words by accident and reads badly as an answer.
    const words = passage.text.split(' ').length;
    const longPenalty = Math.min(0.3, Math.max(0, words - 40) / 100);
    // The question's words in the same clause as the answer (or, with no answer to point
    // at, close together) mean the sentence says it; scattered over a long sentence, the
    // words may belong to different statements ("founded Eureka Labs" vs "Anthropic").
    const close = proximity(passage.text, proximityUnits, continuation || introduction ? [] : type.positions, vocabulary);
    const value = coverage + (HARD_TYPES.has(question.type) ? 0.4 : 0.15) * type.strength + 0.1 * (score / topScore) + 0.25 * close - longPenalty + SOURCE_BONUS * sourceShare(passage);
    return { passage, ...(continuation ? { continuation } : {}), ...(introduction ? { introduction } : {}), keyCovered, wordsMatch, coverage, type, subjectOk, ...(relationProblem ? { relationProblem } : {}), score: value };
  });
  // Passages that may answer come first: a weak match must not hide a usable one.
  const usable = new Map(ranked.map((r) => [r, gate(r) ? 0 : 1]));
  ranked.sort((a, b) => usable.get(b)! - usable.get(a)! || b.score - a.score || a.passage.ordinal - b.passage.ordinal);
  const outcome: RankOutcome = { ranked, unknownTerms };
  if (ranked.length === 0) return { ...outcome, refusal: 'no-match' };
  if (unknownTerms.length > 0) return { ...outcome, refusal: 'unknown-terms' };
  if (total === 0 && question.type !== 'definition' && question.type !== 'role') return { ...outcome, refusal: 'weak-evidence' };
  const refusal = gate(ranked[0]!);
  if (!refusal && framingDropped && (ranked[0]!.coverage < FRAMING_COVERAGE || !ranked[0]!.type.satisfied || (HARD_TYPES.has(question.type) && ranked[0]!.type.strength < 0.8))) {
    return { ...outcome, refusal: 'weak-evidence' };
  }
  return refusal ? { ...outcome, refusal } : outcome;
}

/** Between the main person and an organisation: he joins it ("Karpathy going to Anthropic"). */
const JOINING = /^(?:'s|\u2019s)? (?:joining|join|joined|going to|going over to|moving to|move to|moved to|switching to|switch to|jumping to|jump to|signing with|heading to|arrival at|landing at)(?: the)? $/i;
/** Between an organisation and the main person: it hires him ("Anthropic signing Karpathy"). */
const HIRING = /^(?:'s|\u2019s)? (?:signing|hiring|landing|poaching|getting|recruiting|snagging|nabbing|recruitment of|hire of|signing of|hiring of)(?: of)? $/i;

/** Organisations written between a possessive and a noun ("Karpathy's Anthropic tweet"). */
function modifyingOrganisations(text: string, mentions: readonly EntityMention[]): Set<string> {
  const out = new Set<string>();
  for (const m of mentions) {
    if (m.entity.kind !== 'organisation') continue;
    const before = text.slice(0, m.start);
    const after = text.slice(m.start + m.length);
    if (/['\u2019]s\s+$/.test(before) && /^\s+(?:tweet|post|announcement|news|update|thread|statement|video)s?\b/i.test(after)) out.add(m.entity.id);
  }
  return out;
}

/** The organisation of a "Karpathy joining Anthropic" phrase about the story's main person, if the question has one. */
function storyEventOrganisation(text: string, mentions: readonly EntityMention[], main: string | undefined): string | undefined {
  if (!main) return undefined;
  for (let i = 0; i + 1 < mentions.length; i++) {
    const [a, b] = [mentions[i]!, mentions[i + 1]!];
    const between = text.slice(a.start + a.length, b.start);
    if (a.entity.id === main && b.entity.kind === 'organisation' && JOINING.test(between)) return b.entity.id;
    if (a.entity.kind === 'organisation' && b.entity.id === main && HIRING.test(between)) return a.entity.id;
  }
  return undefined;
}

/**
 * An abbreviation the corpus never uses as such ("RL", "TPU"), written in capitals in the
 * question: shown by words that start with its letters, in order
 * ("reinforcement-learning").
 */
function acronymParaphrase(term: string, questionText: string): Paraphrase | undefined {
  if (!/^[a-z]{2,4}$/.test(term)) return undefined;
  const written = new RegExp(`\\b${term}s?\\b`, 'i').exec(questionText)?.[0];
  if (!written || written.slice(0, term.length) !== term.toUpperCase()) return undefined;
  return { pattern: new RegExp(`\\b${[...term].map((c) => `${c}[a-z]{2,}`).join('[\\s-]+')}\\b`, 'i') };
}

/**
 * An abbreviation written in capitals in the question ("GPT") and as the capitalised end of
 * a name in a passage ("nanoGPT", "minGPT"): the name shows it.
 */
function acronymInName(term: string, questionText: string): Paraphrase | undefined {
  if (!/^[a-z]{2,5}$/.test(term)) return undefined;
  const upper = term.toUpperCase();
  if (!new RegExp(`\\b${upper}s?\\b`).test(questionText)) return undefined;
  return { pattern: new RegExp(`\\b[a-z]+${upper}(?:-?\\d+)?\\b`) };
}

/** "He called the method X", "the approach was nicknamed X": a name given to what was just described. */
const NAMES_WHAT_CAME_BEFORE = /\b(?:called|dubbed|named|nicknamed|termed|branded|labell?ed) (?:the|this|that) ([a-z]+)\b|\b(?:the|this|that) ([a-z]+) (?:was|is|became|got|has been) (?:later |since |widely |quickly |soon )?(?:called|dubbed|named|nicknamed|termed|branded|labell?ed|known as)\b/i;
/** How far on in its paragraph a sentence may name what this one describes. */
const NAMING_REACH = 3;

/** The sentences of the passage's paragraph within naming reach of it, after (1) or before (-1) it, nearest first. */
function withinNamingReach(passage: IndexedPassage, index: PassageIndex, direction: -1 | 1): IndexedPassage[] {
  const out: IndexedPassage[] = [];
  let at: IndexedPassage | undefined = passage;
  while (out.length < NAMING_REACH && (at = index.neighbour(at, direction))) out.push(at);
  return out;
}

/** True when the text names what came before it as the asked kind of thing ("He called the method X"). */
function namesAskedKindBefore(text: string, headTerms: ReadonlySet<string>): boolean {
  const named = NAMES_WHAT_CAME_BEFORE.exec(text);
  const kind = named ? (named[1] ?? named[2])! : undefined;
  return kind !== undefined && textTerms(kind).some((t) => headTerms.has(t));
}

/** The terms of a quoted name a later sentence of the paragraph gives to what the passage describes, if any. */
function namedLater(passage: IndexedPassage, index: PassageIndex): ReadonlySet<string> | undefined {
  const naming = withinNamingReach(passage, index, 1).find((at) => NAMES_WHAT_CAME_BEFORE.test(at.text));
  const quoted = naming && /["\u201c]([^"\u201d]{2,40})["\u201d]/.exec(naming.text)?.[1];
  return quoted ? new Set(textTerms(quoted)) : undefined;
}

/**
 * A later sentence of the passage's paragraph that names what the passage describes, as the
 * asked kind of thing ("the method" for "what did he call his method of ..."), if any.
 */
function namingLater(passage: IndexedPassage, index: PassageIndex, headTerms: ReadonlySet<string>): IndexedPassage | undefined {
  return withinNamingReach(passage, index, 1).find((at) => namesAskedKindBefore(at.text, headTerms));
}

/**
 * For a sentence that names the asked kind of thing it points back at ("He called the method
 * X"), the sentences before it in its paragraph that describe it; otherwise none.
 */
function describedBefore(passage: IndexedPassage, index: PassageIndex, headTerms: ReadonlySet<string>): IndexedPassage[] {
  return namesAskedKindBefore(passage.text, headTerms) ? withinNamingReach(passage, index, -1) : [];
}

/** True when a sentence opens by pointing back at the asked kind ("The six companies were ...", "He termed this method ..."). */
function namesAskedKind(text: string, headTerms: ReadonlySet<string>): boolean {
  const opening = text.split(/\s+/).slice(0, 6).join(' ');
  return [...opening.matchAll(/\b(?:the|this|that|these|those|its|his|their|both)\s+((?:[\w-]+\s+){0,2}[\w-]+)/gi)].some((m) => textTerms(m[1]!).some((t) => headTerms.has(t)));
}

/**
 * The asked thing or relation mistyped ("how many folowers", "who did he sucede"): when the
 * corpus never uses the word, nor any synonym or other form of it, but uses one word a
 * typing slip away, the question is read with that word.
 */
function withSlipsMended(question: AnalysedQuestion, index: PassageIndex): AnalysedQuestion {
  const mended = new Map<string, string>();
  for (const term of [question.head, question.predicate]) {
    if (term === undefined || mended.has(term) || index.termFrequency(term) > 0) continue;
    if ([...index.vocabulary.synonymsOf(term)].some((t) => index.termFrequency(t) > 0) || index.sameWordTerms(term).length > 0) continue;
    const slip = index.misspeltTerm(term);
    if (slip) mended.set(term, slip);
  }
  if (mended.size === 0) return question;
  const mend = (t: string) => mended.get(t) ?? t;
  return {
    ...question,
    terms: question.terms.map(mend),
    ...(question.head ? { head: mend(question.head) } : {}),
    ...(question.predicate ? { predicate: mend(question.predicate) } : {}),
    ...(question.headWords ? { headWords: question.headWords.map(mend) } : {}),
    ...(question.askedTerms ? { askedTerms: question.askedTerms.map(mend) } : {}),
  };
}

/** Why this passage may not answer, or undefined when it may. */
export function gate(best: RankedPassage): RefusalReason | undefined {
  if (!best.subjectOk) return 'wrong-subject';
  if (best.relationProblem) return 'wrong-relation';
  if (!best.keyCovered) return 'weak-evidence';
  if (!best.type.satisfied) return 'no-answer-type';
  if (best.coverage < MIN_COVERAGE && !(best.wordsMatch && best.coverage >= SOFT_COVERAGE)) return 'weak-evidence';
  return undefined;
}

/** True when the terms hold a synonym of the unit's word. */
function hasSynonym(terms: ReadonlySet<string>, u: Unit): boolean {
  for (const s of u.synonyms) if (terms.has(s)) return true;
  return false;
}

/**
 * How much one passage shows one unit: fully, through a synonym, or only in the sentence
 * before or after it (context such as "At Stanford, ..." that the answer sentence relies on).
 */
function unitCoverage(u: Unit, p: IndexedPassage, paragraph: ReadonlySet<string>, prev: IndexedPassage | undefined, next: IndexedPassage | undefined, roleNames: (p: IndexedPassage, id: string) => boolean): number {
  if (u.kind === 'entity') {
    if (p.entities.has(u.key)) return 1;
    return prev?.entities.has(u.key) || roleNames(p, u.key) ? 0.7 : next?.entities.has(u.key) ? 0.6 : 0;
  }
  if (p.terms.has(u.key)) return 1;
  if (hasSynonym(p.terms, u)) return 0.8;
  if (u.paraphrases.some((para) => paraphrased(para, p))) return 0.8;
  for (const near of [prev, next]) {
    if (!near) continue;
    const credit = near.passage.paragraph === p.passage.paragraph ? 0.6 : 0.4;
    if (near.terms.has(u.key)) return credit;
    for (const s of u.synonyms) if (near.terms.has(s)) return credit * 0.8;
  }
  if (paragraph.has(u.key)) return 0.45;
  for (const s of u.synonyms) if (paragraph.has(s)) return 0.35;
  return 0;
}

function paraphrased(para: Paraphrase, p: IndexedPassage): boolean {
  if (para.allOf && para.allOf.every((set) => [...set].some((t) => p.terms.has(t)))) return true;
  return para.pattern ? para.pattern.test(p.text) : false;
}

/** Coverage of the units other than the keys (`shown[i]` for `units[i]`), as a share of their weight. */
function relaxedCoverage(units: Unit[], keys: Unit[], shown: number[], total: number): number {
  let weight = 0;
  let covered = 0;
  for (const [i, u] of units.entries()) {
    if (keys.includes(u)) continue;
    weight += u.weight;
    covered += u.weight * shown[i]!;
  }
  return weight > 0 && weight >= total * 0.3 ? covered / weight : 0;
}

/** Candidates of both searches, once each, scored on a common scale (each search's best = 1). */
function mergeHits(...lists: PassageHit[][]): PassageHit[] {
  const best = new Map<number, PassageHit>();
  for (const list of lists) {
    const top = list[0]?.score || 1;
    for (const h of list) {
      const scaled = h.score / top;
      const seen = best.get(h.passage.ordinal);
      if (!seen || seen.score < scaled) best.set(h.passage.ordinal, { passage: h.passage, score: scaled });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

const checkers = new WeakMap<object, RelationChecker>();
function relationChecker(vocabulary: PassageIndex['vocabulary']): RelationChecker {
  let c = checkers.get(vocabulary);
  if (!c) checkers.set(vocabulary, (c = new RelationChecker(vocabulary)));
  return c;
}

/** Per index, the entity terms found at one generation (an update may add or drop some). */
const entityTermCache = new WeakMap<PassageIndex, { generation: number; terms: Map<string, string[]> }>();

/** The terms of an entity's name as they appear in passages (for candidate search). */
function entityTerms(e: StoryEntity, index: PassageIndex): string[] {
  let entry = entityTermCache.get(index);
  if (!entry || entry.generation !== index.generation) entityTermCache.set(index, (entry = { generation: index.generation, terms: new Map() }));
  const cache = entry.terms;
  const hit = cache.get(e.id);
  if (hit) return hit;
  const aliases = index.vocabulary.aliasesOf(e.id);
  const terms = [...new Set(aliases.flatMap((a) => textTerms(a)))].filter((t) => index.termFrequency(t) > 0);
  cache.set(e.id, terms);
  return terms;
}
