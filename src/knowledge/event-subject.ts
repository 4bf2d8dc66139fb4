import type { NamedEntity, StoryNames } from './story-names';

/** Pronouns that stand for a person; in a story's articles they mostly mean its main person. */
const PERSON_PRONOUN = /\b(?:he|she|him|his|her)\b/i;

const APPOSITIVE = /,\s+(?:a|an|the|who|whose|another|former|then|now)\s[^,]*,/gi;

/** A line that opens with a past-tense verb ("Left the lab", "Co-founded ..."), not with who did it. */
export const VERB_FIRST = /^(?!Based\s|Located\s)(?:[A-Z][a-z]*-?[a-z]+ed|Left|Became|Quit|Went|Came|Took|Won|Lost|Sold|Bought|Rejoined|Began)\s(?!by\b)/;

/** A clause cut from a longer sentence that starts with its verb: its subject is the sentence's. */
export const CONTINUATION = /^(?:(?:and|but|then|later|also|briefly|soon)\s+)+[a-z]+(?:ed|ined)?\b|^(?:later|briefly)\s/;

/** The date with what leads into it at the start of a clause ("In 2015, ", "2015: "). */
export function leadingDate(dateText: string): RegExp {
  let pattern = leadingDates.get(dateText);
  if (!pattern) {
    if (leadingDates.size >= 10_000) leadingDates.clear();
    leadingDates.set(dateText, (pattern = leadingDatePattern(dateText)));
  }
  return pattern;
}

/** Compiled once per date expression: the same few expressions recur across a corpus. */
const leadingDates = new Map<string, RegExp>();

function leadingDatePattern(dateText: string): RegExp {
  return new RegExp(`^(?:(?:late|early)\\s+)?(?:in|on|by|since|during|from)?\\s*(?:the\\s+)?${dateText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[,:]?\\s+`, 'i');
}

/**
 * Who a dated clause is about: the person named nearest before the date ("Leike joined in May
 * 2024", "after Leike (May 2024) and Schulman (August 2024)"), else the nearest after it ("In
 * 2017 Musk recruited ..."), else the main person when a pronoun stands for them, else the
 * first organisation named. Tellings about different subjects are never one event.
 */
export function subjectOf(clause: string, dateText: string, sentence: string, names: StoryNames): NamedEntity | undefined {
  // An aside (", a PhD student of Hinton,") names someone the clause is not about.
  const plain = clause.replace(APPOSITIVE, ' ');
  const dateIndex = Math.max(0, plain.indexOf(dateText));
  const opening = plain.replace(leadingDate(dateText), '');
  // A timeline line with no subject ("2015: Co-founded the lab") is about the main person.
  if (VERB_FIRST.test(opening)) return names.mainPerson;
  // "..., and later returned to the lab": the sentence's subject did it.
  if (CONTINUATION.test(opening)) {
    const named = names.findNamed(sentence.replace(APPOSITIVE, ' '));
    return (named.find((n) => n.entity.kind === 'person') ?? named[0])?.entity ?? names.mainPerson;
  }
  const named = names.findNamed(plain);
  const main = names.mainPerson;
  // "he"/"she" as a subject stands for the main person where it is written.
  if (main) for (const m of plain.matchAll(/\b(?:he|she)\b/gi)) named.push({ entity: main, index: m.index });
  named.sort((a, b) => a.index - b.index);
  const people = named.filter((n) => n.entity.kind === 'person');
  let before: NamedEntity | undefined;
  let after: NamedEntity | undefined;
  for (const p of people) {
    if (p.index < dateIndex) before = p.entity;
    else if (!after) after = p.entity;
  }
  if (before ?? after) return before ?? after;
  if (PERSON_PRONOUN.test(clause) && names.mainPerson) return names.mainPerson;
  return named[0]?.entity;
}
