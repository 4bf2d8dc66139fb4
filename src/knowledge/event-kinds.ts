/**
 * What kind of development a clause tells, read from its verbs: "returned", "went back" and
 * "rejoined" are all a return; "co-founded", "founding member" and "launched" a founding.
 * Two tellings of one development use different words for it, so merging compares these kinds
 * instead of the words. Only verbs of the main clause count: in "founded a start-up after
 * leaving the lab" the departure is background, not the event.
 */
const KINDS: Array<[kind: string, pattern: RegExp]> = [
  ['born', /\b(?:born|birth)\b/i],
  // "co-founder" is a title ("its co-founder Jane Roe"), not something done at the date.
  ['found', /\b(?:co-?)?found(?:s|ed|ing)?\b|\blaunch(?:es|ed|ing)?\b|\bestablish(?:es|ed|ing)?\b|\bset up\b|\bstart(?:s|ed)? (?:a|an|the|his|her|their|its)\b/i],
  ['join', /\b(?:joins?|joined|joining|hired?|hires|hiring|recruit(?:s|ed|ing)?|bec[oa]mes?|became|appointed|named (?:as|to head)|land(?:s|ed)? at|started at|moved? to|move|moving to|signs? with|signed with)\b|\bfollow(?:s|ed)? \S+(?: \S+)? to\b/i],
  ['leave', /\b(?:left|leaves?|leaving|quit(?:s|ting)?|depart(?:s|ed|ure)?|exit(?:s|ed)?|lost|loses?|losing|resign(?:s|ed)?|step(?:s|ped)? down|fired|ousted|part(?:s|ed) ways)\b/i],
  ['return', /\b(?:return(?:s|ed|ing)?|rejoin(?:s|ed|ing)?|(?:went|go|goes|going|came|come|comes|coming|get|got|is|was) back)\b/i],
  ['announce', /\b(?:announc(?:es?|ed|ing|ement)|post(?:s|ed)|unveil(?:s|ed)|reveal(?:s|ed)|statement)\b/i],
  ['honour', /\b(?:list(?:s|ed)?|includ(?:es|ed)|rank(?:s|ed)?|award(?:s|ed)?|honou?r(?:s|ed)?|prize)\b/i],
  ['coin', /\b(?:coin(?:s|ed)|popularis(?:es|ed)|populariz(?:es|ed))\b/i],
  ['buy', /\b(?:b(?:uys|ought)|acquir(?:es|ed)|takeover|merg(?:es|ed)|sold|sells?)\b/i],
  ['close', /\b(?:clos(?:es|ed)|shut(?:s)? down|scrapp(?:ed)|cancel(?:s|led|ed))\b/i],
  ['open', /\b(?:open(?:s|ed)|reopen(?:s|ed))\b/i],
];

/** Words after which the rest of a clause is background to its event. */
const SUBORDINATE = /,?\s+\b(?:after|following|before|until|while|when|whereas|where|because|since|which|who|whose|having)\b/i;
/** A non-restrictive relative clause (", who had led the team,") says something else about a name. */
const RELATIVE_ASIDE = /,\s+(?:who|which|whose|where)\b[^,]*,/g;

/** The kinds of development the main clause of `text` tells (empty when no verb is known). */
export function eventKinds(text: string): string[] {
  let main = text.replace(RELATIVE_ASIDE, '');
  const cut = SUBORDINATE.exec(main);
  // A clause that opens with "After ..." keeps what follows its comma ("After X, she joined Y").
  if (cut && cut.index > 0) main = main.slice(0, cut.index);
  else if (cut) main = main.slice(main.indexOf(',') + 1 || 0);
  return KINDS.filter(([, pattern]) => pattern.test(main)).map(([kind]) => kind);
}
