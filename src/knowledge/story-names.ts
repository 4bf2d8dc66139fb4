import type { StoryDefinition } from '../story/story-definition';

/** A person or organisation of the story, or a name only the articles know. */
export interface NamedEntity {
  /** Canonical name as shown to users. */
  name: string;
  kind: 'person' | 'organisation' | 'name';
  aliases: string[];
  /** The story's own line on who this is, when story.json has one. */
  role?: string;
}

/** Capitalised words that start sentences or name things that are not people or organisations. */
const NOT_NAMES = new Set(
  `The A An In On At By For From With As And But Or If When While After Before Since During This That These Those
  It Its He She His Her They Their We Our You Your I My Me There Here What Why How Who Where Which Over Under Even Also
  Still Yet Now Then Today However Meanwhile According Although Because Though Some Many Most More One Two Three
  Four Five Six Seven Eight Nine Ten First Second Third Every Each Both Few Several Late Early Mid Personal Comments
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
  September October November December Mr Mrs Ms Dr Prof CEO CTO AI LLM LLMs PhD IPO US UK EU X Why Key Top Not No Yes
  Strip Anyone Against Across Among Within Without Over Only Just Taken Together Talent Star Skeptics Losing`.split(/\s+/),
);

const JOINERS = new Set(['of', 'de', 'van', 'von', 'der', 'la', 'du', 'da', 'del', 'bin', 'al']);

/**
 * Looks names up: the story's people and organisations with their aliases, then names that
 * only appear in the articles (runs of capitalised words, @handles).
 */
export class StoryNames {
  readonly entities: NamedEntity[];
  private readonly byKey = new Map<string, NamedEntity>();
  private readonly matcher: RegExp | undefined;
  private readonly mainSurname: string | undefined;
  private readonly lowerCaseForms = new Set<string>();

  constructor(readonly definition: StoryDefinition) {
    this.entities = [
      ...definition.people.map((p) => ({ name: p.name, kind: 'person' as const, aliases: p.aliases, ...(p.role ? { role: p.role } : {}) })),
      ...definition.organisations.map((o) => ({ name: o.name, kind: 'organisation' as const, aliases: o.aliases, ...(o.role ? { role: o.role } : {}) })),
    ];
    for (const e of this.entities) {
      for (const n of [e.name, ...e.aliases]) {
        if (!this.byKey.has(key(n))) this.byKey.set(key(n), e);
        if (!/\p{Lu}/u.test(n)) this.lowerCaseForms.add(key(n));
      }
    }
    const all = [...this.byKey.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.matcher = all.length > 0 ? new RegExp(`(?<![\\w@])(?:${all.join('|')})(?![\\w])`, 'giu') : undefined;
    this.mainSurname = definition.mainPerson?.split(/\s+/).pop();
  }

  /** The story's main person (pronouns resolve to them), if the story names one. */
  get mainPerson(): NamedEntity | undefined {
    const main = this.definition.mainPerson;
    return main ? (this.lookup(main) ?? { name: main, kind: 'person', aliases: [] }) : undefined;
  }

  /** Short form of the main person's name for event text ("Karpathy"). */
  get mainPersonShort(): string | undefined {
    return this.mainSurname;
  }

  /** The story entity a name or alias refers to (case-insensitive), if any. */
  lookup(name: string): NamedEntity | undefined {
    return this.byKey.get(key(name)) ?? this.byKey.get(key(name.replace(/^@+/, '@').replace(/\d+$/, '')));
  }

  /** Story entities named in a text, once each, in order of first mention. */
  findEntities(text: string): NamedEntity[] {
    const out: NamedEntity[] = [];
    for (const { entity } of this.findNamed(text)) if (!out.includes(entity)) out.push(entity);
    return out;
  }

  /** Every naming of a story entity in a text, with its offset, in text order. */
  findNamed(text: string): Array<{ entity: NamedEntity; index: number }> {
    if (!this.matcher) return [];
    const out: Array<{ entity: NamedEntity; index: number }> = [];
    for (const m of text.matchAll(this.matcher)) {
      const e = this.byKey.get(key(m[0]));
      // A name written with capitals in story.json must appear with a capital ("Eureka", not "eureka");
      // an alias the story writes in lower case ("the bridge") matches as written.
      if (!/^[\p{Lu}@]/u.test(m[0]) && !this.lowerCaseForms.has(key(m[0]))) continue;
      if (e) out.push({ entity: e, index: m.index });
    }
    return out;
  }

  /**
   * Entities a story entity is tied to by its role in story.json ("recruited her to Nimbus"
   * ties that person to Nimbus), both ways, so a telling that names the person and one that
   * names the organisation can be recognised as the same development.
   */
  linkedTo(entity: NamedEntity): NamedEntity[] {
    if (!this.links) {
      this.links = new Map();
      for (const e of this.entities) {
        for (const other of e.role ? this.findEntities(e.role) : []) {
          if (other === e) continue;
          for (const [a, b] of [[e, other], [other, e]] as const) {
            const list = this.links.get(a) ?? [];
            if (!list.includes(b)) list.push(b);
            this.links.set(a, list);
          }
        }
      }
    }
    return this.links.get(entity) ?? [];
  }

  private links: Map<NamedEntity, NamedEntity[]> | undefined;

  /** Runs of capitalised words and @handles: candidate names the story file does not list. */
  properNounRuns(sentence: string): string[] {
    const runs: string[] = [];
    const tokens = sentence.split(/\s+/);
    let current: string[] = [];
    const flush = () => {
      while (current.length > 0 && JOINERS.has(current[current.length - 1]!)) current.pop();
      if (current.length > 0) runs.push(current.join(' '));
      current = [];
    };
    tokens.forEach((raw, i) => {
      const word = raw.replace(/^[("'[]+/, '').replace(/(?:'s)?[)"'\],.;:!?]*$/u, '');
      const capital = /^(?:\p{Lu}[\p{L}\p{N}'-]*|@[\w]+)$/u.test(word) && !NOT_NAMES.has(word);
      if (capital && !(i === 0 && current.length === 0 && !this.lookup(word) && !/^@/.test(word) && tokens.length > 1 && isCommonStart(word))) {
        current.push(word);
      } else if (current.length > 0 && JOINERS.has(word)) {
        current.push(word);
      } else {
        flush();
      }
      if (word !== raw.replace(/^[("'[]+/, '') && /[,.;:!?)"\]]$/.test(raw)) flush();
    });
    flush();
    return runs;
  }
}

/** Sentence-initial words that are capitalised only because they start the sentence. */
function isCommonStart(word: string): boolean {
  return /^[A-Z][a-z]+$/.test(word) && !/^[A-Z][a-z]+(?:[A-Z]|\d)/.test(word);
}

function key(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
