import type { StoryDefinition } from '../story/story-definition';
import { textTerms } from './text-terms';

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
  ['announce', 'announcement', 'post', 'statement', 'reveal'],
  ['cut', 'reduce', 'reduction', 'lower', 'decrease', 'shrink'],
  ['increase', 'grow', 'rise'],
  ['speed', 'accelerate', 'faster', 'quicken'],
  ['focus', 'focused', 'aim', 'goal', 'mandate', 'dedicated'],
  ['experiment', 'trial', 'test'],
  ['hire', 'recruit', 'poach', 'sign'],
  ['team', 'group', 'unit'],
  ['follower', 'subscriber', 'fan'],
  ['country', 'nation'],
  ['university', 'college', 'school'],
  ['phd', 'doctorate'],
  ['big', 'large', 'huge'],
  ['famous', 'renowned', 'prominent', 'recognizable', 'known'],
  ['competitor', 'rival', 'competition'],
  ['write', 'wrote', 'post', 'state', 'comment'],
  ['money', 'funding', 'capital'],
  ['firm', 'company', 'business'],
  ['teach', 'teaching', 'education', 'educator', 'lecture'],
  ['ceo', 'chief executive'],
  ['cto', 'chief technology officer'],
  ['born', 'birth', 'native'],
  ['supervise', 'supervisor', 'adviser', 'advisor', 'mentor', 'mentored', 'guidance'],
  ['return', 'back', 'rejoin', 'rejoined'],
  ['discover', 'find', 'found', 'identify', 'uncover'],
  ['establish', 'found', 'launch', 'start', 'create'],
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class StoryVocabulary {
  readonly entities: StoryEntity[] = [];
  readonly mainPerson: StoryEntity | undefined;
  private readonly aliasToEntity = new Map<string, StoryEntity>();
  private readonly aliasesById = new Map<string, string[]>();
  private readonly aliasPattern: RegExp | undefined;
  /** term -> the other terms of its synonym groups, and whether the link is story-specific. */
  private readonly synonyms = new Map<string, Set<string>>();

  constructor(definition: StoryDefinition) {
    const aliases: string[] = [];
    const add = (kind: StoryEntity['kind'], prefix: string) => (e: { name: string; aliases: string[] }, i: number) => {
      const entity: StoryEntity = { id: `${prefix}:${i}`, kind, name: e.name };
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
      ? new RegExp(`(?<![\\w@])(?:${aliases.map(escapeRegExp).join('|')})(?!\\w)`, 'gi')
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
  }

  /** Every entity alias in the text, left to right, without overlaps. */
  mentions(text: string): EntityMention[] {
    if (!this.aliasPattern) return [];
    const out: EntityMention[] = [];
    for (const m of text.matchAll(this.aliasPattern)) {
      const entity = this.aliasToEntity.get(m[0].toLowerCase().replace(/\s+/g, ' '));
      if (entity) out.push({ entity, start: m.index, length: m[0].length });
    }
    return out;
  }

  /** The entity's name and aliases. */
  aliasesOf(entityId: string): string[] {
    return this.aliasesById.get(entityId) ?? [];
  }

  /** Terms a question term may be written as in the articles (not including itself). */
  synonymsOf(term: string): ReadonlySet<string> {
    return this.synonyms.get(term) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<string> = new Set();
