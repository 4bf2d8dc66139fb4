import type { StoryEntity, StoryVocabulary } from './story-vocabulary';
import { HEDGES, compoundTerms, isIrregularPast, isWeakTerm, textTerms } from './text-terms';
import { questionRelations, type QuestionRelations } from './question-relations';
import { actingOrganisations, askedChange, focusModifiers, namedThing, placedNouns, type ActingOrganisation, type FocusModifier, type PlacedNoun } from './question-focus';

/** What kind of thing an answer must contain. */
export type AnswerType = 'person' | 'date' | 'place' | 'count' | 'amount' | 'reason' | 'definition' | 'name' | 'role' | 'other';

/** A question, ready for retrieval. */
export interface AnalysedQuestion {
  text: string;
  type: AnswerType;
  /** Content terms, in order, without words that name an entity. */
  terms: string[];
  /** Story entities the question names. */
  entities: StoryEntity[];
  /** Numbers written in the question (an answer repeating them adds nothing). */
  numbers: string[];
  /**
   * For "which X" / "how many X" questions, the term of X ("startup", "experiments"); for
   * "who is <organisation>'s rival", the role ("rival").
   */
  head?: string;
  /** The other words of a "which ..." phrase ("computer vision" of "computer vision class"): a name may stand next to them too. */
  headWords?: string[];
  /**
   * The word naming the kind of thing asked for, which the answer itself realises: "which
   * university" (Stanford), "what month" (March), "how much money" ($30 billion).
   */
  typeWord?: string;
  /** For a definition question, the words being defined ("pre-training"). */
  subject?: string;
  /**
   * Terms the evidence must have as written: words capitalised inside the question (names
   * the story does not list), quoted words and numbers. Never dropped as framing.
   */
  hardTerms: string[];
  /** In "who will replace X", the asked relation's verb ("replac"): never framing. */
  predicate?: string;
  /** Joined terms of the question's hyphenated words (their parts are terms too). */
  compounds: string[];
  /** Roles the question puts its names in (verb objects, who acts, who is senior). */
  relations: QuestionRelations;
  /** Modifiers the question puts on a noun ("small model"): evidence must not contradict them. */
  modifiers: FocusModifier[];
  /** True for "what is X called": the answer is a name or quoted title next to X (`head`). */
  naming: boolean;
  /** For "by how much did X drop", the verbs stating that change. */
  change?: ReadonlySet<string>;
  /** Nouns tied to a name ("studies at Stanford"): evidence must not tie them to another. */
  placed: PlacedNoun[];
  /** Organisations of a period asked about ("while at Tesla"): the answer must place its fact there. */
  during: string[];
  /** Organisations that do the question's verb: the answer sentence itself must name them. */
  actingOrganisations: ActingOrganisation[];
  /** Terms only of where the user read it ("per the piece on compute"): weak, never key words. */
  sourceTerms: string[];
  /** Organisations that only date the question ("after his time at Anthropic"): never the answer. */
  timeMarks: string[];
  /**
   * Terms of the asking clause after a lead-in ("if Anthropic can't win on cash, what does it
   * pitch instead"): the answer must show one of them, not only the lead-in's words.
   */
  askedTerms?: string[];
  /**
   * The words of the question proper after a clause that sets the scene ("in that March
   * experiment where ..., how much faster ..."): shown in full, they answer it, with the
   * scene's words anywhere around the answer.
   */
  askingTerms?: string[];
  /** For "who is Anthropic's CTO", the role ("cto"): the person must be written next to it. */
  roleWord?: string;
  /** The words before the counted thing ("graduate" of "how many graduate students"): never framing. */
  countedWords?: string[];
  /** For "how many stars does the nanoGPT repo have", the terms of what has them (not a pronoun). */
  owner?: string[];
  /** "What day of the week": the answer's full date is also given as its weekday. */
  weekday?: boolean;
  /** "Which outlet ran the piece on ...": the outlet that published the passage's article answers. */
  asksPublisher?: boolean;
}

/** "Which outlet ...", "what site ...": a source is asked for. */
const ASKS_SOURCE = /^(?:which|what) (?:news )?(?:outlet|site|website|publication|newspaper|magazine|paper|blog|newsletter)s?\b/;
/** A piece of writing: what an outlet publishes. */
const PIECE = '(?:piece|article|story|write-?up|report|analysis|summary|op-ed|column|explainer)';
const PIECE_WORDS = new RegExp(`\\b${PIECE}\\b`, 'gi');
/** Publishing it: verbs that only mean that, and those that do before a piece ("runs the story"). */
const PUBLISHING = new RegExp(`\\b(?:ran|published|publish|publishes|put out|puts out|carried|carries)\\b|\\b(?:run|runs|had|has)(?= (?:the|a|an|that|this) (?:[\\w'\u2019-]+ ){0,5}?${PIECE}\\b)`, 'gi');

/** "What year", "on which date": the date word asked for (group 1). */
const DATE_WORD = /^(?:in |on |by |at )?(?:what|which) (year|date|day|month|time)\b/;

const TYPE_RULES: Array<[RegExp, AnswerType]> = [
  [new RegExp(`${DATE_WORD.source}|^when\\b|\\bsince when\\b|^how long ago\\b|^(?:over|during|in|across) (?:what|which) (?:period|stretch|span|time ?frame|window)\\b`), 'date'],
  [/^(?:by )?how much\b|^(?:at )?what (?:valuation|price|amount|salary|percentage|share|sum)\b|^what (?:[\w-]+ )?(?:bonus|bonuses|salary|salaries|pay ?packages?|payouts?|compensation)\b|^how (?:big|large|high|fast)\b/, 'amount'],
  [/^(?:by )?how many\b|^what (?:is the )?number of\b|^how old\b|^(?:for )?how long\b/, 'count'],
  [/^(?:from |in )?where\b|^(?:in |from |at )?(?:what|which) (?:country|city|place|university|school|college)\b/, 'place'],
  [/^why\b|^what (?:made|led|motivated|drove|prompted|caused)\b|\bwhat (?:is|was) the reason\b|\bfor what reason\b/, 'reason'],
  [/^(?:who|whom|whose)\b|^(?:which|what) (?:person|people|researcher|executive|engineer)\b/, 'person'],
  [/^(?:which|what) (?!is\b|are\b|was\b|were\b|did\b|does\b|do\b|will\b|would\b|has\b|have\b|had\b|can\b|could\b|should\b)\w+/, 'name'],
];

/** Asking about one of these asks for an amount of money. */
const MONEY_WORDS = /\b(?:salary|salaries|pay|paid|compensation|cost|costs|price|worth|valuation|valued|revenue|earn\w*|income|funding|fee|fees)\b/;

const HEDGE = new RegExp(`\\b(?:${HEDGES.join('|')}) `, 'g');

/** "The old name of", "its official name": a name of a kind, not the name everyone uses. */
const QUALIFIED_NAME = /\b(?:old|new|official|full|real|original|former|previous|earlier|current|working|code) name (?:of|for)\b/;

/** Roles that only an organisation fills for another organisation. */
const ORG_ROLE = /^who(?: is| are| was| were|'s) (?:the )?[\w\s-]*?'s? (?:\w+ )?(rivals?|competitors?|challengers?|competition|partners?|investors?|backers?|owners?|parent|acquirer|customers?)\b/;

/** Words that only frame a question; they are not evidence to look for. */
const FRAME = new Set(['what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'does', 'did', 'do']);

/**
 * Ways of asking that the articles word otherwise: "where is X from" asks where X was born;
 * phrasal verbs become the single verb an article uses ("set up" a company = establish it).
 */
const REWORDINGS: Array<[RegExp, string]> = [
  [/^where (?:is|was|does|did) (.+?) (?:originally |come |hail |hails |comes )?from\??$/i, 'Where was $1 born?'],
  // "Karpathy birth year?", "his date of birth", "name of his lecture series?": asked in full.
  [/^(?:what(?:'s| is| was) )?(?:the )?(?:birth ?year|year of birth) of (.+?)\??$/i, 'What year was $1 born?'],
  [/^(?:what(?:'s| is| was) )?(.+?)(?:'s|’s)? (?:birth ?year|year of birth)\??$/i, 'What year was $1 born?'],
  [/^(?:what(?:'s| is| was) )?(?:the )?(?:birth ?date|date of birth|birthday) of (.+?)\??$/i, 'When was $1 born?'],
  [/^(?:what(?:'s| is| was) )?(.+?)(?:'s|’s)? (?:birth ?date|date of birth|birthday)\??$/i, 'When was $1 born?'],
  [/^(?:the )?name of /i, 'what is the name of '],
  // "Leike's old job at OpenAI?": a bare noun phrase asks what it is.
  [/^(?!(?:what|which|who|whom|whose|when|where|why|how)\b)((?:[\w.-]+ ){0,2}[\w.-]+['\u2019]s (?:(?:old|former|previous|earlier|first|last) )?(?:job|role|title|position)\b)/i, 'what was $1'],
  // "Karpathy's 'personal update' post": the quoted words only say which post; the sentence
  // about it rarely repeats them.
  [/(\b[\w-]+['\u2019]s|\bhis|\bher|\btheir|\bthe|\bthat|\bthis) ['"\u2018\u201c][^'"\u2019\u201d]{3,60}['"\u2019\u201d] (posts?|tweets?|announcements?|messages?|threads?|statements?|videos?)\b/gi, '$1 $2'],
  // "When did he post his 'personal update'": what he posted, named by its opening words.
  [/\b(post|posts|posted|posting|tweet|tweets|tweeted|tweeting|publish|publishes|published|publishing|share|shares|shared|sharing) (?:his|her|their|the|that|this) ['"\u2018\u201c][^'"\u2019\u201d]{3,60}['"\u2019\u201d]/gi, '$1'],
  [/\bset(?:s|ting)? up\b/gi, 'established'],
  // "Who runs Anthropic as CEO": who its CEO is.
  [/^who (?:runs|leads|heads|ran|led|headed) (.+?) as (?:its |the )?(ceo|cto|cfo|coo|president|chair(?:man|woman)?)\b/i, 'who is the $2 of $1'],
  // "Where did he go after his time at Anthropic": after leaving it.
  [/\bafter (?:his|her|their) (?:time|stint|tenure|years|run|days) (?:at|with) /gi, 'after leaving '],
  [/\bbr(?:ing|ings|ought|inging) (\S+(?: \S+)?) (on board|in)\b/gi, 'hired $1'],
  // "Who talked him into going to Tesla", "persuaded him to join": recruited him to it.
  [/\b(?:talk(?:s|ed|ing)?|coax(?:es|ed|ing)?) (\S+) into (?:going (?:over )?to|joining|moving to|coming to)\b/gi, 'recruited $1 to'],
  [/\b(?:persuad|convinc)(?:e|es|ed|ing) (\S+) to (?:join|go to|move to|come to)\b/gi, 'recruited $1 to'],
  [/\b(?:get|gets|got|getting) (him|her|them) to (?:go|move|come|switch) (?:over )?to\b/gi, 'recruited $1 to'],
  // "Come up with" a phrase is coining it; "in the first place" only stresses the question.
  [/\b(?:come|comes|came|coming) up (?:with|w\/) /gi, 'coined '],
  [/,?\s*\bin the first place\b/gi, ''],
  [/\bpull(?:s|ed|ing)? in (?=(?:all |those |these |the |some |several |\d+ |two |three |four |five |six )*(?:[\w-]+ )?(?:ex-?)?(?:ctos?|ceos?|researchers?|engineers?|people|talent|executives?|leaders?|hires?)\b)/gi, 'hired '],
  // "How many CTOs has it pulled in as ICs": the people are named before the verb.
  [/\bpull(?:s|ed|ing)? in(?= as\b| over\b| since\b| during\b| in \d|\s*[?.]|\s*$)/gi, 'hired'],
  [/\b(?:step(?:s|ped)?|stand(?:s)?|stood) down\b/gi, 'resigned'],
  // "Is he giving up on teaching for good": whether he ends it, not pauses it.
  [/\b(?:give|gives|giving|gave|given) up(?: on)?\b/gi, 'ending'],
  [/\b(?:leave|leaves|leaving|left|quit|quits|quitting|drop|drops|dropping|dropped|abandon|abandons|abandoning|abandoned) ((?:[\w/-]+ ){1,3})(?:for good|for ever|forever|permanently|once and for all)\b/gi, 'ending $1'],
  [/\b(?:for good|for ever|forever|permanently|once and for all)\b/gi, 'ends'],
  [/(?<=\bending (?:[\w/-]+ ){1,4})(?:completely|entirely|altogether)\b/gi, ''],
  [/\bsnap(?:s|ped|ping)? up\b/gi, 'acquiring'],
  // "Which company backs OpenAI": funds it, not a return ("get back to research").
  [/\bback(s|ed|ing)\b(?! (?:to|into|from|out|off|down|up|away)\b)/gi, 'fund$1'],
  // "A battle lasting how long": how long is all it asks.
  [/\b(?:lasting|last|lasts|lasted|running|run) (?=(?:for )?how long\b)/gi, ''],
  // "Back in 2017", "back then": only when.
  [/\bback (?=(?:in|when|then|during|around)\b)/gi, ''],
  // "His title back at Tesla": formerly there (but "went back at once" is a return).
  [/(?<!\b(?:go|goes|going|went|gone|come|comes|coming|came|get|gets|got|move|moved|head|headed|turn|turned) )\bback (?=at\b)/gi, ''],
  [/\b(?:for )?(?:round|take) (?:two|2)\b/gi, 'again'],
  // "How long did that second OpenAI stint last": how long his return there was.
  [/^how long did (?:that |his |the )?second ((?:[\w-]+ )?)(?:stint|spell|tenure|run)((?: (?:at|with) [^?]+?)?) last\b/i, 'how long was the return to $1$2'],
  // "Go back to OpenAI for a second stint": return there again.
  [/\b(?:for|on) (?:a|his|her|their) (?:second|2nd) (?:stint|spell|tenure|run|time)\b/gi, 'again'],
  [/\b(?:walk(?:s|ed)?|walking) (?:out of|away from)\b/gi, 'left'],
  // "Which departures did PYMNTS point to": what a source names, it mentions.
  [/\b(?:did|does|do) ([\w.'-]+(?: [\w.'-]+){0,2}) (?:point to|bring up|cite|single out|flag)\b/gi, 'did $1 say'],
  // Idioms for doing well against someone, or making a difference: the plain verb articles use.
  [/\b(?:go|goes|going|went|gone|stand|stands|standing) toe[- ]to[- ]toe with\b/gi, 'challenge'],
  [/\bmov(?:e|es|ed|ing) the needle\b/gi, 'advance'],
  // "Can take on X" (a verb after a modal; "the skeptic take on X" is a view of it).
  [/(?<=\b(?:can|could|cannot|can't|to|will|would|won't|did|does|do|should|might|must) )(?:take|takes|taking|took|taken) on (?!(?:a|an|the|more|new|his|her|their|its) (?:[\w-]+ )?(?:role|job|post|position|responsibilit\w*|debt|work|duties|task|project)s?\b)/gi, 'challenge '],
  // "What year did he help found OpenAI": founded it, as a co-founder did.
  [/\bhelp(?:s|ed|ing)? (?:to )?(?=(?:found|start|launch|create|establish|build|set up|lead|run)\b)/gi, ''],
  [/\b(?:make|makes|made|making) the (?:jump|leap|switch|move) (?:over )?to\b/gi, 'joined'],
  // A person "going public about" something announces it; a company going public lists.
  [/\b(?:go|goes|going|went|gone) public (?:about|with|on)\b/gi, 'announced'],
  [/\b(?:go|goes|going|went|gone) public\b/gi, 'IPO'],
  [/\b(?:go|goes|going|went|gone|come|came|comes) down\b/gi, 'dropped'],
  [/\b(?:go|goes|going|went|gone) up\b/gi, 'rose'],
  [/\b(?:take|takes|took|taken|taking) over (as|from|for)\b/gi, 'succeeded $1'],
  // "When did he first join OpenAI": the joining is asked; which one is the date's to tell.
  [/\b(?:first|initially|originally) (?=(?:join|joins|joined|joining|come to|came to|go to|went to|move to|moved to|start at|started at|arrive at|arrived at)\b)/gi, ''],
  // "Who holds the president title at X": who is its president.
  [/\b(?:hold|holds|held|holding) the ([\w-]+) (?:title|role|post|position|job)\b/gi, 'is the $1'],
  [/\b(?:hold|holds|held|holding) the (?:title|role|post|position|job) of\b/gi, 'is the'],
  // "What day of the week did the news drop": the day it was announced (its weekday is worked out).
  [/\b(?:day of the week|weekday)\b/gi, 'day'],
  [/\b(?:did|does) (?:the|this|that) ((?:[\w-]+ )?)news (?:come out|drop|break|land|hit)\b/gi, 'was the $1news announced'],
  // "Who put out the piece on ...": which outlet published it.
  [new RegExp(`^who (?:published|put out|ran|wrote|posted|carried) (?=(?:the|that|this|a|an) (?:[\\w'\u2019-]+ ){0,5}?${PIECE}\\b)`, 'i'), 'which outlet published '],
  // "Which skill is called out as one of the key benchmarks": which is one of them.
  [/\b(is|are|was|were) (?:called out|singled out|cited|named|listed|picked out) as\b/gi, '$1'],
  // "These days", "nowadays": now, which any present-tense sentence says.
  [/,?\s*\b(?:these days|nowadays)\b/gi, ''],
  // "What name did he give to letting an agent ...": what he called it.
  [/^what (?:name|term|label|title) (did|does|do|has|have|had|would|will) ((?:[\w'’-]+ ){1,3}?)(?:give|gave|given|use|used|pick|picked|choose|chose|chosen|coin|coined)(?: to| for)? /i, 'what $1 $2call '],
];

/**
 * Where the user read it ("according to the BestHub summary", "per the piece on compute",
 * "what does the Studio Global article say?") points at a source: its words may help find
 * the passage but are not evidence it must show.
 */
const SOURCE_FRAMES: Array<[RegExp, string]> = [
  [/(?:^|,\s*|\s)(?:according to|per|as per|based on) (?:the |that |this |a |an |one |his |her |their )?(?:[\w'’-]+ ){0,4}?(?:piece|article|story|summary|write-?up|report|post|analysis|page|coverage|comparison|section|thread|video|outlet|site|source)\b(?: (?:on|about|that|which|from|of|talking about|discussing|covering) [^,?]*)?/gi, ''],
  [/[?.]\s*what (?:does|did) (?:the |that |this )?(?:[\w'’-]+ ){0,4}?(?:piece|article|story|summary|write-?up|report|post|analysis|page|coverage) say\??$/i, '?'],
  [/^(?:in|from) (?:his|her|their|the|that) (?:[\w'’-]+ ){0,3}?(?:post|tweet|piece|article|summary|write-?up|report|analysis),\s*/i, ''],
  // "What does the Architects' Tech Alliance piece say ...", "how long a fight does the ATA
  // article predict": who says it is where the user read it.
  [/(?<=\b(?:does|did|do) )(?:the|that|this|one) (?:[\w'’-]+ ){0,4}?(?:piece|article|summary|write-?up|writeup|report|analysis|page|section|recap|post|outlook|take) (?=(?:say|said|claim|argue|report|predict|think|suggest|mention|list|expect|see|forecast|describe|call)\b)/gi, 'it '],
  // "Does the 'redraw the battlefield' write-up predict ...": a quoted title names the source.
  [/(?:,\s*|\s)(?:per|according to|in) (?:the|that|this|one) ['"\u2018\u201c][^'"\u2019\u201d]{3,60}['"\u2019\u201d] (?:piece|article|story|summary|write-?up|writeup|report|post|analysis|page|section|bit|part)\b/gi, ''],
  [/\b(?:the|that|this|one) ['"\u2018\u201c][^'"\u2019\u201d]{3,60}['"\u2019\u201d] (?:piece|article|story|summary|write-?up|writeup|report|post|analysis|page|section|bit|part)\b/gi, 'it'],
  // "The ATA summary says ...", "in the Architects' Tech Alliance writeup, ...".
  [/^(?:in )?(?:the |that |this |one )?(?:[\w'’-]+ ){0,4}?(?:piece|article|summary|write-?up|writeup|report|analysis|page|section|recap|outlook)(?:,\s*|\s+(?:says|said|claims|argues|reports|mentions|lists|gives|predicts|thinks|notes)\s+(?:that\s+)?)/i, ''],
];

/** "Who is Anthropic's CTO", "who's the president of Anthropic": group 1 is the role asked for. */
const PERSON_ROLE = /^who(?:'s| is| was| are| were)(?: the)? (?:[\w.-]+(?:'s|’s)? )?(?:new |current |former |first |founding )?(ceo|cto|cfo|coo|president|chair|chairman|chairwoman|founder|co-?founder|director|head|chief [a-z]+ officer|spokesperson|spokesman|spokeswoman)\b(?: (?:of|at|that|who) [^?]+)?\??$/;

/** "How many stars does the nanoGPT repo have": group 1 is what has them. */
const COUNT_OWNER = /^how many (?:[\w'’.-]+ ){1,3}(?:does|did|do|has|had) (?!(?:he|she|it|they|him|his|her)\b)(.+?) (?:have|has|get|got|earn|draw|attract|receive|gain|hit|reach|boast|rack up|pull in)\b/;

/**
 * "How do the articles define X", "how is X described": asks what X is (group 1: X), a term
 * rather than a thing told of ("how did Axios describe the hire" asks for words about it).
 */
const DEFINED_HOW = /^how (?:do|does|did|would|is|are) (?:[\w'’-]+ ){0,5}?(?:define|describe|explain|characteri[sz]e|defined|described|explained)(?: the (?:term|phrase|idea|concept)(?: of)?)? ["'“]?(?!(?:the|a|an|his|her|their|its|this|that|these|those|him|them|it|me|us|you)\b)((?:(?!him\b|her\b|them\b|it\b)[^?"”\s]+ ?){1,3}?)["'”]?\??$/;
/** The frame of such a question: "how does", who defines it, and the verb. */
const DEFINING_FRAME = /^(\s*how (?:do|does|did|would|is|are) )((?:[\w'’-]+ ){0,5}?)(define|describe|explain|characteri[sz]e|defined|described|explained)\b/i;

/** "went over to", "jumped to", "is heading to" an organisation: joined it. */
const MOVE_TO = /\b(?:go|goes|going|went|gone|head|heads|heading|headed|jump|jumps|jumped|jumping|switch|switches|switched|switching|defect|defects|defected|defecting)(?: over| across)? to\s+(?:the\s+)?$/i;

/** "left OpenAI for" an organisation: joined it, from the first one. */
const LEAVE_FOR = /\b(?:leave|leaves|leaving|left|quit|quits|quitting|depart|departs|departed|departing|exit|exits|exited|exiting|ditch|ditches|ditched|ditching)\s+([^,?]{2,40}?)\s+for\s+(?:the\s+)?$/i;

/** The question with a move to an organisation it names written as joining it. */
function movesAsJoining(text: string, vocabulary: StoryVocabulary): string {
  let out = text;
  const mentions = vocabulary.mentions(text);
  for (const m of [...mentions].reverse()) {
    if (m.entity.kind !== 'organisation') continue;
    const before = out.slice(0, m.start);
    const verb = MOVE_TO.exec(before);
    if (verb) {
      out = `${before.slice(0, verb.index)}joined ${out.slice(m.start)}`;
      continue;
    }
    // "When did Leike leave OpenAI for Anthropic": when he joined Anthropic (from OpenAI).
    const left = LEAVE_FOR.exec(before);
    const from = left && mentions.find((o) => o.entity.kind === 'organisation' && o.start === left.index + left[0].indexOf(left[1]!) && o.length === left[1]!.length);
    if (left && from) out = `${before.slice(0, left.index)}joined ${out.slice(m.start, m.start + m.length)} from ${left[1]}${out.slice(m.start + m.length)}`;
  }
  return out;
}

/** "the Tesla job", "his OpenAI gig": the time at the organisation, which articles name alone. */
function jobsAsOrganisations(text: string, vocabulary: StoryVocabulary): string {
  let out = text;
  for (const m of [...vocabulary.mentions(text)].reverse()) {
    if (m.entity.kind !== 'organisation') continue;
    const after = /^(?:['\u2019]s)? (?:job|gig|stint)\b/i.exec(out.slice(m.start + m.length));
    if (after && /\b(?:at|in|from|during|of|after|before|with) (?:the|his|her|their|that) $/i.test(out.slice(0, m.start))) {
      out = `${out.slice(0, m.start + m.length)}${out.slice(m.start + m.length + after[0].length)}`;
    }
  }
  return out;
}

/** Words that make "who is the X" ask for a person by role ("who is the president"), not about a name. */
const ROLE_OR_FRAME = /\b(?:ceo|cto|president|boss|head|leader|lead|founder|co-?founder|chief|director|manager|chair|chairman|chairwoman|owner|investor|backer|rival|partner|he|she|they|it|this|that|these|those|him|her|them|one|behind|of|at|in|for|on|with|from|to|by|new|next|first|last|other|best|most)\b/;

/** "Who is nate herk": a bare name (no article, possessive or role word) is asked about, not answered with. */
function namesSomeone(question: string, subject: string): boolean {
  return /^who(?: is|'s| was) (?!(?:a|an|the) )/.test(question) && !/['\u2019]/.test(subject) && /^[@\w.-]+(?: [\w.-]+){0,2}$/.test(subject) && !ROLE_OR_FRAME.test(subject);
}

export function analyseQuestion(question: string, vocabulary: StoryVocabulary): AnalysedQuestion {
  // Chat drops apostrophes: "whats", "hes", "didnt".
  const original = question
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\b(what|who|where|when|how|that|he|she|there)s\b/gi, "$1's")
    .replace(/\b(did|does|do|is|was|are|were|has|have|had|could|would|should|ca|wo)nt\b/gi, "$1n't")
    .replace(/\byr(s?)\b/gi, 'year$1')
    .replace(/\bsubs\b/gi, 'subscribers')
    // Fillers: ", like the second time", "right before".
    .replace(/,\s*like\b/gi, ',')
    .replace(/\bright (before|after|now|away)\b/gi, '$1');
  let text = original;
  for (const [pattern, replacement] of REWORDINGS) text = text.replace(pattern, replacement);
  let source = '';
  for (const [pattern, replacement] of SOURCE_FRAMES) {
    text = text.replace(pattern, (clause) => {
      source += ` ${clause}`;
      return replacement;
    });
  }
  // "How long a fight does it predict": the source's saying verb only frames what is asked.
  text = text.replace(/(?<=\b(?:does|did|do) it )(?:say|claim|argue|report|predict|think|suggest|expect|see|forecast)\b(?: coming\b)?/gi, 'say');
  text = movesAsJoining(text, vocabulary);
  text = jobsAsOrganisations(text, vocabulary);
  const lower = text
    .toLowerCase()
    .replace(/^(?:and|so|ok|okay|hey|please|tell me|do you know)[,\s]+/, '')
    .replace(HEDGE, '')
    // "About how many ...", "roughly how much ...": the hedge does not change what is asked.
    .replace(/^(?:about|roughly|around|approximately|just|exactly) (?=how (?:many|much|long|old|big)\b)/, '')
    // "What is the name of the class ..." asks "which class ...".
    .replace(/^what(?: is|'s| was) the name of (?:the |a |an |his |her |their |its )?/, 'which ')
    // "Name a couple of the companies ..." asks "which companies ...".
    .replace(/^(?:can you )?name (?:a few|a couple|some|any|one|two|three|an|a)(?: of)? (?:the |those |these |his |its )?/, 'which ');
  // "Those ex-CTOs Anthropic hired, which companies did they come from?": what is asked is
  // the clause after the lead-in.
  // "When he applied the tweaks to a bigger model, how much faster ...": a lead-in clause.
  const leadIn = /^(?:when|if|after|before|since|while|once|given|besides|apart from|other than)\b[^,?]*,\s*((?:which|what|who|when|where|how|why)\b[^,]*)$/.exec(lower)?.[1];
  const asked =
    leadIn ??
    (/^(?:what|which|who|whom|whose|when|where|why|how|in|at|from|by|for)\b/.test(lower)
      ? lower
      : (/(?:,|\s[-\u2013\u2014]|\u2014)\s*((?:which|what|who|when|where|how) [^,\u2013\u2014]*)$/.exec(lower)?.[1] ??
        // "He likened Anthropic to which club?": the which-phrase asked at the end.
        /\s(?:to|with|from|for|by|at|in|of|on|as|like)\s+((?:which|what)(?: [\w-]+){1,3}\??)$/.exec(lower)?.[1] ??
        lower));
  let type: AnswerType = 'other';
  for (const [pattern, t] of TYPE_RULES) {
    if (pattern.test(asked)) {
      type = t;
      break;
    }
  }
  // "Which TIME list": a name written in capitals after "which" is not the date word it spells.
  if (type === 'date' && /^(?:in )?(?:what|which) [A-Z]{2,}\b/.test(text.replace(/^\s*(?:and|so|ok|okay|hey)[,\s]+/i, ''))) type = 'name';
  if ((type === 'other' || type === 'name') && /^(?:what|how)\b/.test(lower) && MONEY_WORDS.test(lower)) type = 'amount';
  // "How big did the class get": a size in numbers, not money, unless money is asked about.
  if (type === 'amount' && /^how (?:big|large|high)\b/.test(asked) && !MONEY_WORDS.test(lower) && !/\b(?:round|raise|raised|money|cash|capital|deal|bonus\w*|offers?|packages?)\b|[$€£]/.test(lower)) type = 'count';
  // "... within how many years?": the count asked at the end of the sentence.
  // "... a battle lasting how long?": a stretch of time asked at the end.
  const longAtEnd = type === 'other' && /\b(?:for )?how long\??$/.test(lower);
  if (type === 'other' && (longAtEnd || /\bhow many\b/.test(lower))) type = 'count';
  else if (type === 'other' && /\bhow much\b/.test(lower)) type = 'amount';
  const mentions = vocabulary.mentions(text);
  // "What is X?" / "Who is X?" with a short X asks for a definition of X.
  // "What does X do?" asks what X is, too.
  // "What's X for?" asks what X is for: X is the subject.
  // "How do the articles define X?", "what does X mean?": the same.
  const definition =
    // "Who is nate herk, the guy quoted as an analyst": the name, described after it.
    /^who(?: is|'s| was) ([@\w.-]+(?: [\w.-]+){0,2}),\s*(?:the|a|an|that|this|one)\b[^?]*\??$/.exec(lower) ??
    /^(?:what|who)(?: is|'s| are| was| were) (?:a |an |the )?([^?]{1,60}?)(?: for)?\??$/.exec(lower) ??
    /^what (?:does|do|did) (?:a |an |the )?([^?]{1,60}?) do\??$/.exec(lower) ??
    DEFINED_HOW.exec(lower) ??
    /^what (?:does|do|did) (?:the (?:term|phrase) )?["'“]?([^?"”]{1,60}?)["'”]? (?:mean|refer to|stand for)\??$/.exec(lower);
  if (definition && definition[1] && definition[1].split(' ').length <= 4) {
    const subject = definition[1].trim();
    const isEntity = mentions.length === 1 && mentions[0]!.length >= subject.length - 2;
    if ((type !== 'person' && !MONEY_WORDS.test(subject)) || isEntity || (type === 'person' && namesSomeone(definition[0], subject))) type = 'definition';
  }
  // "Who is Anthropic's rival?": a rival, partner or owner of an organisation is one too.
  if ((type === 'person' || type === 'definition') && /^who\b/.test(lower) && mentions.length > 0 && mentions.every((m) => m.entity.kind === 'organisation') && ORG_ROLE.test(lower)) type = 'place';
  // "What's Daniela Amodei's role at Anthropic?": a title written next to the person's name.
  const roleOf = /^what(?: is|'s| was| are)? (?:(.+?)['\u2019]s?|(his|her)) (?:(?:old|former|previous|earlier|first|last) )?(?:role|job|title|position)\b/.exec(lower);
  // "What was his role at OpenAI": the story's main person's.
  if (roleOf && (mentions.some((m) => m.entity.kind === 'person') || (roleOf[2] !== undefined && vocabulary.mainPerson))) type = 'role';
  // "What's X's lecture series called?": a name written next to the series.
  // "What was the old name of X": a name written as X's other name.
  const named = type === 'role' ? undefined : namedThing(lower) ?? (QUALIFIED_NAME.test(lower) ? textTerms('name')[0] : undefined);
  if (named) type = 'name';
  // "What is the name of X" (rewritten above to "which X") asks for a name next to X as well.
  const nameOf = type === 'name' && /^(?:what|which)(?: is|'s| was) the name of\b/.test(text.toLowerCase());
  // "How big", "how much": the frame of an amount question, not something to look for.
  // Blanked out (same length) so entity offsets still hold.
  let rest = text
    .replace(/^(\s*what(?: is|'s| was)) (the name of)\b/i, (_m, what: string, frame: string) => what + ' '.repeat(frame.length + 1))
    .replace(/^(\s*(?:can you )?)(name (?:a few|a couple|some|any|one|two|three|an|a)(?: of)?)(?= )/i, (_m, lead: string, frame: string) => lead + ' '.repeat(frame.length)).replace(/^(\s*(?:by |and |about |roughly |around |approximately |just |exactly )?how)( (?:much|many|big|large|high|fast|long|old))\b/i, (_m, how: string, frame: string) => how + ' '.repeat(frame.length));
  // "How does the Studio Global piece define X": who defines it is where the user read it,
  // and the verb is the question's frame.
  if (type === 'definition') {
    rest = rest.replace(DEFINING_FRAME, (_m, how: string, frame: string, verb: string) => {
      source += ` ${frame}`;
      return how + ' '.repeat(frame.length + verb.length);
    });
  }
  // The asked-for role is the answer, not a word the evidence must repeat.
  // For "his role" it stays a word to look for: with only a pronoun, it says what is asked.
  if (type === 'role' && roleOf?.[2] === undefined) rest = rest.replace(/\b(?:(?:old|former|previous|earlier|first|last) )?(?:role|job|title|position)\b/i, (w) => ' '.repeat(w.length));
  if (named) rest = rest.replace(/\b(?:call|calls|called|named|dub|dubs|dubbed|titled|termed)\b/i, (w) => ' '.repeat(w.length));
  // "Which outlet ran the piece about X": the piece and its publishing frame what is asked;
  // the article is found by X, its outlet is the answer.
  const asksPublisher = type === 'name' && ASKS_SOURCE.test(asked) && original.search(PIECE_WORDS) >= 0;
  if (asksPublisher) rest = rest.replace(PUBLISHING, (w) => ' '.repeat(w.length)).replace(PIECE_WORDS, (w) => ' '.repeat(w.length));
  // "What was he running right before joining (Anthropic)": the joining only dates what is
  // asked; its verb is not looked for (the organisation is a time mark, below).
  rest = rest.replace(/\b((?:right |just |shortly )?(?:before|prior to) (?:(?:he|she|they) )?(?:joining|joined|joins|moving to|moved to|going to|went to|coming to|came to|leaving|left|quitting|quit|departing|departed))\b/gi, (w) => ' '.repeat(w.length));
  for (const m of [...mentions].reverse()) rest = `${rest.slice(0, m.start)} ${rest.slice(m.start + m.length)}`;
  const terms = textTerms(rest).filter((t) => !FRAME.has(t));
  const sourceTerms = [...new Set(textTerms(source))].filter((t) => !FRAME.has(t) && !terms.includes(t));
  const numbers = [...text.matchAll(/\d[\d,.]*/g)].map((m) => m[0].replace(/[,.]$/, '').replace(/,/g, ''));
  // "What startup was he running before Anthropic": an organisation after "before"/"after"
  // dates the question; the answer need not name it.
  // "Which co-founder went to Anthropic before Karpathy did": a person the question ends on
  // after "before"/"after" only dates the move; the answer is someone else.
  const personMark = (m: (typeof mentions)[number]) =>
    m.entity.kind === 'person' && (type === 'person' || type === 'name') && /\b(?:before|after|ahead of|following)\s+$/i.test(text.slice(0, m.start)) && /^\s*(?:did|does|had|has|was|joined|left|arrived)?\s*[?.!]?\s*$/i.test(text.slice(m.start + m.length));
  const timeMarks = mentions.filter((m) => personMark(m) || m.entity.kind === 'organisation' && /\b(?:before|after|prior to|until|since)\s+(?:(?:(?:he|she|they)\s+)?(?:joining|joined|going\s+to|went\s+to|moving\s+to|moved\s+to)\s+|(?:his|her|their|its|the) (?:time|stint|years?|tenure|days|run|spell) (?:at|with|in)\s+)?$/i.test(text.slice(0, m.start)));
  const entities = [...new Map(mentions.filter((m) => !timeMarks.includes(m)).map((m) => [m.entity.id, m.entity])).values()];
  const orgRole = type === 'place' ? ORG_ROLE.exec(lower) : null;
  const askedPhrase = type === 'name' ? nameHeadPhrase(asked, mentions.map((m) => text.slice(m.start, m.start + m.length).toLowerCase())) : undefined;
  // "He compared it to a football club, which one?": the kind is the one named before.
  const namePhrase = askedPhrase?.length === 1 && askedPhrase[0] === 'one' ? (kindNamedBefore(lower) ?? askedPhrase) : askedPhrase;
  const headWords = namePhrase && namePhrase.length > 1 ? namePhrase.slice(0, -1).flatMap((w) => textTerms(w)) : [];
  const counted = type === 'count' ? countedPhrase(asked) : [];
  const countedWords = counted.slice(0, -1).flatMap((w) => textTerms(w));
  const headWord = orgRole
    ? orgRole[1]
    : type === 'name' ? namePhrase?.at(-1) : type === 'count' ? counted.at(-1) : undefined;
  // "ex-CTOs": the counted thing is the last part of a compound.
  // "How old was X": an age, a number of years old.
  const head = type === 'count' && /^how old\b/.test(lower) ? 'old' : type === 'count' && (longAtEnd || /^(?:for )?how long\b/.test(lower)) ? 'long' : named ?? (headWord ? textTerms(headWord.replace(/'s$/, '')).at(-1) : undefined);
  const subject = type === 'definition' && definition?.[1] ? definition[1].trim() : undefined;
  const typeWord = typeWordOf(type, asked, head);
  const relations = questionRelations(text, lower, mentions);
  const change = askedChange(lower);
  const predicateWord =
    /^(?:who|whom) (?:(?:will|would|could|might|may|is going to|did|does|do|has|have|had|is|was|are|were) )?(?:be )?([a-z]+)\b/.exec(lower)?.[1] ??
    // "Why can't Anthropic just match rivals": what is explained is that verb's.
    (type === 'reason' ? /^why (?:can't|cannot|couldn't|won't|wouldn't|didn't|doesn't|don't|did|does|do|would|will|should|could|might) (?:he|she|they|it|[a-z]+) (?:just |really |even |still |ever )?(?!(?:need|want|have|get|try|seem|go|keep|plan|hope|choose|decide)\b)([a-z]+)\b/.exec(lower)?.[1] : undefined);
  const predicate = predicateWord ? textTerms(predicateWord)[0] : undefined;
  const weekday = type === 'date' && /\b(?:day of the week|weekday)\b/i.test(original);
  const askedTerms = leadIn ? textTerms(leadIn).filter((t) => !FRAME.has(t) && !isWeakTerm(t)) : [];
  // "In that March experiment where ..., how much faster did training get on the bigger
  // model?", "ok so that experiment - how much ...": a scene set, then the question asked.
  // "What's the more practical Reddit theory for why he left": the theory is asked for; what it
  // explains is the scene.
  const asking = leadIn
    ? undefined
    : (/^(?!(?:what|which|who|whom|whose|when|where|why|how)\b)[^?]{12,}?(?:,|\s[-\u2013\u2014])\s*((?:which|what|who|when|where|how|why)\b[^,\u2013\u2014?]*)\??$/.exec(lower)?.[1] ??
      /^((?:what|which)\b.{6,}?) (?:for|on|about|as to|behind) why\b/.exec(lower)?.[1]);
  const askingTerms = leadIn ? askedTerms : asking ? textTerms(asking).filter((t) => !FRAME.has(t) && !isWeakTerm(t)) : [];
  const role = type === 'person' ? PERSON_ROLE.exec(lower)?.[1] : undefined;
  const roleWord = role ? textTerms(role)[0] : undefined;
  const ownerPhrase = type === 'count' ? COUNT_OWNER.exec(lower)?.[1] : undefined;
  const owner = ownerPhrase ? textTerms(ownerPhrase).filter((t) => !FRAME.has(t) && !isWeakTerm(t)) : [];
  return {
    text: original,
    type,
    terms: [...new Set([...terms, ...sourceTerms])],
    sourceTerms,
    entities,
    numbers,
    compounds: compoundTerms(rest),
    hardTerms: hardTermsOf(rest),
    relations,
    modifiers: focusModifiers(lower),
    naming: named !== undefined || nameOf,
    placed: placedNouns(text),
    actingOrganisations: actingOrganisations(text, mentions),
    during: mentions.filter((m) => m.entity.kind === 'organisation' && /\b(?:while|when|during)\b[^?,]*\b(?:at|with|in|for)\s+(?:the\s+)?$/i.test(text.slice(0, m.start))).map((m) => m.entity.id),
    timeMarks: timeMarks.map((m) => m.entity.id),
    ...(predicate ? { predicate } : {}),
    ...(head ? { head } : {}),
    ...(headWords.length > 0 ? { headWords } : {}),
    ...(typeWord ? { typeWord } : {}),
    ...(subject ? { subject } : {}),
    ...(change ? { change } : {}),
    ...(countedWords.length > 0 ? { countedWords } : {}),
    ...(weekday ? { weekday } : {}),
    ...(asksPublisher ? { asksPublisher } : {}),
    ...(owner.length > 0 ? { owner } : {}),
    ...(askedTerms.length > 0 ? { askedTerms } : {}),
    ...(askingTerms.length > 0 ? { askingTerms } : {}),
    ...(roleWord ? { roleWord } : {}),
  };
}

/** The noun phrase of "... a football club, which one": its words, the kind last. */
function kindNamedBefore(lower: string): string[] | undefined {
  const before = /^(.*)(?:,|\s[-\u2013\u2014])\s*(?:lol\s+)?which ones?\b/.exec(lower)?.[1] ?? /^(.*?)\s+(?:lol\s+)?which ones?\b/.exec(lower)?.[1];
  const phrase = before ? /\b(?:a|an|some|one of the|another)\s+((?:[\w-]+\s+){0,2}[\w-]+)(?:\s+(?:lol|from|in|of)\b.*)?$/.exec(before.trim())?.[1] : undefined;
  return phrase?.split(/\s+/);
}

/** Words that end the noun phrase after "which": auxiliaries, pronouns, prepositions. */
const PHRASE_STOP = /^(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|might|may|he|she|they|it|we|you|i|his|her|their|of|in|at|for|to|from|on|with|by|that|those|these|this|which|who|whose|as|about|over|into|when|while|after|before|the|a|an)$/;

/**
 * The phrase of "which <phrase> <verb> ...", whose last word is the asked kind ("which fellow
 * OpenAI co-founder went over" -> co-founder), leaving out names; the platform of "which X
 * user" is not the kind.
 */
function nameHeadPhrase(lower: string, names: string[]): string[] | undefined {
  let text = lower;
  // Names become a mark, so a word right before one can be read as its verb ("backs OpenAI").
  for (const n of names) if (n) text = text.replace(n, ' \u0000 ');
  const m = /^(?:which|what) (?:(?:x|reddit|twitter) (?=\S+ ))?(.*)$/.exec(text);
  if (!m) return undefined;
  const phrase: string[] = [];
  const words = (m[1] ?? '').split(/\s+/).filter(Boolean);
  for (const [i, w] of words.entries()) {
    if (w === '\u0000') continue;
    const word = w.replace(/[?.,!]+$/, '');
    // "which company backs OpenAI": a word in -s before a name is the verb, not the kind.
    // So is one before a determiner or pronoun ("which outlet thinks his team ...").
    if (phrase.length > 0 && (words[i + 1] === '\u0000' || /^(?:the|a|an|his|her|its|their|this|that|these|those|he|she|it|they|him|them|there)$/.test(words[i + 1] ?? '')) && /[^s]s$/.test(word)) break;
    // "which project Karpathy's team ...": a possessive starts what the phrase is about.
    if (/['\u2019]s?$/.test(word) && phrase.length > 0) break;
    if (PHRASE_STOP.test(word) || isIrregularPast(word) || (/ed$/.test(word) && word.length > 4 && phrase.length > 0)) break;
    // "which small, readable project": an adjective of a list before the kind, not the kind.
    const following = words[i + 1]?.replace(/[?.,!]+$/, '');
    if (w === `${word},` && following && following !== '\u0000' && !PHRASE_STOP.test(following) && !/^(?:the|a|an|his|her|its|their|this|that|or|and|he|she|it|they)$/.test(following) && words.length > i + 2) continue;
    phrase.push(word);
    if (phrase.length === 4 || word !== w) break;
  }
  return phrase.length > 0 ? phrase : undefined;
}

/**
 * The counted thing of "how many ...": the noun phrase's last word, up to its first plural
 * ("how many github stars does" -> stars, "how many million views" -> views, "how many
 * researchers worldwide" -> researchers).
 */
function countedPhrase(lower: string): string[] {
  const m = /\bhow many ([^?.,!]+)/.exec(lower);
  if (!m) return [];
  const phrase: string[] = [];
  for (const word of m[1]!.split(/\s+/).slice(0, 3)) {
    if (phrase.length > 0 && (PHRASE_STOP.test(word) || isIrregularPast(word) || (/ed$/.test(word) && word.length > 4))) break;
    phrase.push(word);
    if (/[^s]s$|^(?:people|ppl|men|women|children)$/.test(word)) break;
  }
  return phrase;
}

/** See `AnalysedQuestion.typeWord`. */
function typeWordOf(type: AnswerType, lower: string, head: string | undefined): string | undefined {
  const word =
    type === 'place' ? /^(?:in |from |at )?(?:what|which) (university|school|college)\b/.exec(lower)?.[1]
    : type === 'date' ? DATE_WORD.exec(lower)?.[1]
    : type === 'amount' ? /^(?:by )?how much (money|cash|funding|capital)\b/.exec(lower)?.[1]
    : undefined;
  if (word) return textTerms(word)[0];
  return type === 'name' ? head : undefined;
}

/** Terms of the words a question writes as names or quotes, and its numbers. */
function hardTermsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<=\S\s+)[A-Z][\w.-]*|"[^"]+"|\u201c[^\u201d]+\u201d|\d[\d,.]*/g)) {
    // "AI", "I": too common to be a name the corpus must contain.
    if (/^(?:I|AI|X)$/.test(m[0])) continue;
    out.push(...textTerms(m[0]));
  }
  return out;
}
