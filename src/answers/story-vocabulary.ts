import type { StoryDefinition } from '../story/story-definition';
import { textTerms } from './text-terms';
import { BASEBALL_TEAM, BASKETBALL_TEAM, FOOTBALL_CLUB, SPORTS_TEAM } from './well-known-names';

/**
 * What a story tells retrieval about its words: the people and organisations (each with
 * every alias) and groups of words that mean the same thing in questions about it.
 */
export interface StoryEntity {
  /** Stable id: `person:0`, `org:3`. */
  id: string;
  kind: 'person' | 'organisation';
  /** Canonical name, shown in answers ("Nick Joseph" for "Nicholas Joseph"). */
  name: string;
  /** What story.json says the entity is ("recruited Karpathy to Tesla in 2017"), if anything. */
  role?: string;
}

export interface EntityMention {
  entity: StoryEntity;
  /** Character offset and length of the alias in the text. */
  start: number;
  length: number;
}

/**
 * Paraphrases that hold for any news story, on top of the story's own `synonyms`.
 * Kept small on purpose: every group widens what counts as evidence.
 */
const GENERIC_SYNONYMS: string[][] = [
  ['create', 'build', 'develop', 'launch', 'design'],
  ['course', 'class', 'lecture'],
  ['begin', 'start'],
  ['announce', 'announcement', 'post', 'statement', 'reveal', 'tweet'],
  ['cut', 'reduce', 'reduction', 'lower', 'decrease', 'shrink', 'drop'],
  ['increase', 'grow', 'rise'],
  ['speed', 'accelerate', 'fast', 'quick', 'quicken'],
  ['focus', 'focused', 'aim', 'goal', 'mandate', 'dedicated'],
  ['experiment', 'trial', 'test'],
  ['hire', 'recruit', 'poach', 'sign', 'bring', 'brought', 'absorb'],
  ['team', 'group', 'unit'],
  ['follower', 'subscriber', 'fan'],
  ['country', 'nation'],
  ['university', 'college', 'school'],
  ['phd', 'doctorate'],
  ['big', 'large', 'huge'],
  ['famous', 'renowned', 'prominent', 'recognizable', 'known', 'high-profile'],
  ['competitor', 'rival', 'competition'],
  ['battle', 'fight', 'war', 'struggle', 'showdown'],
  ['write', 'wrote', 'post', 'state', 'comment', 'tweet'],
  ['money', 'funding', 'capital'],
  ['fund', 'back', 'finance', 'invest', 'backer', 'investor'],
  ['firm', 'company', 'business'],
  ['teach', 'teaching', 'education', 'educator', 'lecture'],
  ['ceo', 'chief executive'],
  ['cto', 'chief technology officer'],
  ['born', 'birth', 'native'],
  ['supervise', 'supervisor', 'adviser', 'advisor', 'mentor', 'mentored', 'mentorship', 'guidance'],
  ['boss', 'manager', 'lead', 'leader', 'head', 'supervisor'],
  ['again', 'second', 'anew'],
  ['origin', 'originally', 'born', 'native', 'hometown'],
  ['company', 'startup', 'start-up', 'firm', 'venture', 'organization', 'organisation'],
  ['quit', 'leave', 'depart', 'departure', 'exit', 'resign'],
  ['rival', 'competitor', 'challenger', 'opponent'],
  ['call', 'dub', 'describe', 'characterize', 'label'],
  ['nickname', 'dub', 'moniker'],
  ['comparison', 'compare', 'analogy'],
  ['return', 'back', 'rejoin', 'rejoined'],
  ['discover', 'find', 'found', 'identify', 'uncover'],
  ['establish', 'found', 'launch', 'start', 'create'],
  ['outlet', 'publication', 'magazine', 'newspaper', 'site', 'media', 'press'],
  ['odds', 'chance', 'probability', 'likelihood'],
  ['top', 'best', 'leading'],
  ['acquire', 'acquisition', 'buy', 'purchase', 'takeover'],
  ['win', 'victory', 'triumph', 'coup'],
  ['overtake', 'surpass', 'outpace', 'eclipse', 'overtaking', 'pass'],
  ['relocate', 'emigrate', 'immigrate'],
  ['honour', 'honor', 'award', 'accolade', 'recognition'],
  ['former', 'ex', 'previous', 'past'],
  ['ic', 'individual contributor'],
  ['llm', 'large language model'],
  ['role', 'position', 'title', 'job'],
  ['undergraduate', 'bachelor', 'degree'],
  // A sport is not another sport: a football question is not answered by a basketball team.
  ['sports', 'basketball'],
  ['sports', 'football', 'soccer'],
  ['sports', 'baseball'],
  ['basketball', 'nba'],
  ['earlier', 'ago', 'previously'],
  ['self-driving', 'autonomous-driving', 'driverless', 'autonomous'],
  ['improvement', 'optimization', 'optimisation', 'tweak', 'enhancement', 'gain'],
  ['tweak', 'adjust', 'adjustment', 'change', 'modify', 'modification'],
  ['skill', 'ability', 'capability', 'competence'],
  ['area', 'domain', 'setting', 'environment', 'sphere', 'arena'],
  ['aim', 'meant', 'intend', 'intended'],
  ['basics', 'essentials', 'fundamentals'],
  ['interpret', 'interpretation', 'read'],
  ['talks', 'negotiate', 'negotiation', 'negotiating'],
  ['worldwide', 'world', 'global', 'globally'],
  ['stint', 'tenure', 'spell'],
  ['reshape', 'alter', 'transform', 'redraw'],
  ['edtech', 'education'],
  ['method', 'approach', 'technique'],
  ['user', 'poster', 'commenter', 'account'],
  ['pitch', 'offer'],
  ['outbid', 'outspend', 'outpay'],
  ['important', 'key', 'crucial', 'critical', 'vital'],
  ['few', 'rare', 'handful'],
  ['connect', 'bridge', 'link'],
  ['theory', 'reading', 'explanation', 'hypothesis'],
  ['lure', 'woo', 'recruit', 'poach'],
  ['dominance', 'supremacy', 'leadership', 'primacy'],
  ['tune', 'optimize', 'optimise', 'tweak', 'adjust'],
  ['teach', 'teaching', 'education', 'educate'],
];

/**
 * Paraphrases a single synonym cannot express. A question word is also shown by a passage
 * that has one word of EACH set ("faster" = "cut ... time"), or that matches a pattern
 * ("supervised by X" = "a PhD under X"). Generic: no story's names or facts.
 */
export interface Paraphrase {
  /** Every set must have a term in the passage. */
  allOf?: ReadonlyArray<ReadonlySet<string>>;
  /** Or the passage text matches this. */
  pattern?: RegExp;
  /** Words that find passages the pattern may match ("madrid" for a football club). */
  searchTerms?: ReadonlySet<string>;
}

const termSet = (words: string): ReadonlySet<string> => new Set(words.split(' ').flatMap((w) => textTerms(w)));
const LESS_TIME: Paraphrase = { allOf: [termSet('cut reduce reduction shorten lower decrease less fewer shave halve'), termSet('time hours days weeks duration')] };
const LESS_COST: Paraphrase = { allOf: [termSet('cut reduce reduction lower decrease less halve'), termSet('cost costs price spend spending')] };
const MORE_TIME: Paraphrase = { allOf: [termSet('increase more longer double extend'), termSet('time hours days weeks duration')] };
/** "under X", "under the mentorship of X": someone senior to the subject. */
const UNDER_SOMEONE: Paraphrase = { pattern: /\bunder (?:the (?:\w+ )?(?:mentorship|supervision|guidance|leadership|direction|management) of )?(?:[A-Z][\w-]+ )*[A-Z][\w-]+/ };
/** "became director of AI at Tesla": a post taken at an organisation is joining it. */
const POST_TAKEN_AT: Paraphrase = { pattern: /\bbec(?:ame|ome|omes|oming) (?:[\w-]+ ){1,5}at (?:[A-Z][\w-]*)/ };
/** "co-founded OpenAI", "a founding member of it": a founder joined what they founded, at its start. */
const FOUNDED_IT: Paraphrase = { pattern: /\b(?:co-?found(?:ed|ing)|founding (?:member|team|engineer|scientist|research scientist|researcher|staff))\b/i, searchTerms: termSet('cofounded founding') };
/** "Anthropic looks like Real Madrid": a likeness drawn is a comparison. */
const LIKENED: Paraphrase = { pattern: /\b(?:look|looks|looking|looked) like\b|\bakin to\b|\breminiscent of\b/i, searchTerms: termSet('look akin reminiscent') };
/** A club or team the reader knows the sport of, though the sentence never names the sport. */
const FOOTBALL_NAMED: Paraphrase = { pattern: FOOTBALL_CLUB.pattern, searchTerms: termSet(FOOTBALL_CLUB.words) };
const BASKETBALL_NAMED: Paraphrase = { pattern: BASKETBALL_TEAM.pattern, searchTerms: termSet(BASKETBALL_TEAM.words) };
const BASEBALL_NAMED: Paraphrase = { pattern: BASEBALL_TEAM.pattern, searchTerms: termSet(BASEBALL_TEAM.words) };
const TEAM_NAMED: Paraphrase = { pattern: SPORTS_TEAM.pattern, searchTerms: termSet(SPORTS_TEAM.words) };
/** "Cannot outbid those balance sheets": winning, or not, on money. */
const ON_MONEY: Paraphrase = { pattern: /\b(?:outbid\w*|outspend\w*|outpay\w*|balance sheets?|deep(?:er)? pockets)\b/i, searchTerms: termSet('outbid outspend outpay balance') };
const GENERIC_PARAPHRASES: Array<[string, Paraphrase]> = [
  ['cash', ON_MONEY], ['money', ON_MONEY], ['pay', ON_MONEY],
  ['compare', LIKENED], ['comparison', LIKENED], ['liken', LIKENED],
  ['football', FOOTBALL_NAMED], ['soccer', FOOTBALL_NAMED], ['club', FOOTBALL_NAMED], ['team', TEAM_NAMED],
  ['basketball', BASKETBALL_NAMED], ['nba', BASKETBALL_NAMED], ['baseball', BASEBALL_NAMED], ['mlb', BASEBALL_NAMED],
  ['join', POST_TAKEN_AT], ['join', FOUNDED_IT],
  ['fast', LESS_TIME], ['speed', LESS_TIME], ['quick', LESS_TIME], ['accelerate', LESS_TIME],
  ['cheap', LESS_COST], ['slow', MORE_TIME],
  ['supervise', UNDER_SOMEONE], ['supervisor', UNDER_SOMEONE], ['advisor', UNDER_SOMEONE], ['adviser', UNDER_SOMEONE],
  ['mentor', UNDER_SOMEONE], ['boss', UNDER_SOMEONE], ['manager', UNDER_SOMEONE], ['report', UNDER_SOMEONE],
];

/** An alias's hyphen as articles may type it (plain, or the Unicode hyphen and non-breaking hyphen). */
const HYPHENS = '[-\\u2010\\u2011]';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class StoryVocabulary {
  readonly entities: StoryEntity[] = [];
  readonly mainPerson: StoryEntity | undefined;
  private readonly aliasToEntity = new Map<string, StoryEntity>();
  private readonly aliasesById = new Map<string, string[]>();
  private readonly aliasPattern: RegExp | undefined;
  /** term -> the other terms of its synonym groups. */
  private readonly synonyms = new Map<string, Set<string>>();
  private readonly paraphrases = new Map<string, Paraphrase[]>();
  private readonly roleCache = new Map<string, ReadonlySet<string>>();

  constructor(definition: StoryDefinition) {
    const aliases: string[] = [];
    const add = (kind: StoryEntity['kind'], prefix: string) => (e: { name: string; aliases: string[]; role?: string | undefined }, i: number) => {
      const entity: StoryEntity = { id: `${prefix}:${i}`, kind, name: e.name, ...(e.role ? { role: e.role } : {}) };
      this.entities.push(entity);
      this.aliasesById.set(entity.id, [e.name, ...e.aliases]);
      for (const alias of [e.name, ...e.aliases]) {
        const key = alias.toLowerCase();
        if (!this.aliasToEntity.has(key)) {
          this.aliasToEntity.set(key, entity);
          aliases.push(alias);
        }
      }
    };
    definition.people.forEach(add('person', 'person'));
    definition.organisations.forEach(add('organisation', 'org'));
    // Longest aliases first, so "Nick Joseph" wins over "Joseph".
    aliases.sort((a, b) => b.length - a.length);
    this.aliasPattern = aliases.length
      ? new RegExp(`(?<![\\w@])(?:${aliases.map((a) => escapeRegExp(a).replace(/-/g, HYPHENS)).join('|')})(?!\\w)`, 'gi')
      : undefined;
    const main = definition.mainPerson?.toLowerCase();
    this.mainPerson = main ? this.aliasToEntity.get(main) : undefined;
    for (const group of [...GENERIC_SYNONYMS, ...definition.synonyms]) {
      const terms = [...new Set(group.flatMap((w) => textTerms(w.replace(/-/g, ''))))];
      for (const t of terms) {
        const set = this.synonyms.get(t) ?? new Set<string>();
        for (const other of terms) if (other !== t) set.add(other);
        this.synonyms.set(t, set);
      }
    }
    for (const [word, paraphrase] of GENERIC_PARAPHRASES) {
      const term = textTerms(word)[0];
      if (term) this.paraphrases.set(term, [...(this.paraphrases.get(term) ?? []), paraphrase]);
    }
  }

  /** Every entity alias in the text, left to right, without overlaps. */
  mentions(text: string): EntityMention[] {
    if (!this.aliasPattern) return [];
    const out: EntityMention[] = [];
    for (const m of text.matchAll(this.aliasPattern)) {
      const entity = this.aliasToEntity.get(m[0].toLowerCase().replace(/\s+/g, ' ').replace(/[\u2010\u2011]/g, '-'));
      if (entity) out.push({ entity, start: m.index, length: m[0].length });
    }
    return out;
  }

  /** Entities named in an entity's role ("recruited Karpathy to Tesla": Karpathy, Tesla). */
  roleEntities(entityId: string): ReadonlySet<string> {
    let found = this.roleCache.get(entityId);
    if (!found) {
      const role = this.entities.find((e) => e.id === entityId)?.role ?? '';
      found = new Set(this.mentions(role).map((m) => m.entity.id));
      this.roleCache.set(entityId, found);
    }
    return found;
  }

  /**
   * True when one of the names written in a text (other than the main person's) has a story
   * role that names the entity: "recruited by Elon Musk" places Tesla, Musk's role being
   * "recruited Karpathy to Tesla".
   */
  roleNames(written: Iterable<string>, entityId: string): boolean {
    for (const id of written) if (id !== this.mainPerson?.id && this.roleEntities(id).has(entityId)) return true;
    return false;
  }

  /** The entity's name and aliases. */
  aliasesOf(entityId: string): string[] {
    return this.aliasesById.get(entityId) ?? [];
  }

  /** Terms a question term may be written as in the articles (not including itself). */
  synonymsOf(term: string): ReadonlySet<string> {
    return this.synonyms.get(term) ?? EMPTY;
  }

  /** Multi-word or pattern paraphrases of a question term (empty for most terms). */
  paraphrasesOf(term: string): readonly Paraphrase[] {
    return this.paraphrases.get(term) ?? NONE;
  }
}

const EMPTY: ReadonlySet<string> = new Set();
const NONE: readonly Paraphrase[] = [];
