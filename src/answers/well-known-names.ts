/**
 * Names whose kind every reader knows and no article spells out: "Anthropic looks like Real
 * Madrid" is about a football club without saying so. Kept to names that are not also
 * common words ("Heat", "Spurs" and "Nets" are left out), so a match is the club itself.
 */
const FOOTBALL_CLUBS = [
  'Real Madrid',
  'Barcelona',
  'Barça',
  'Atlético Madrid',
  'Atletico Madrid',
  'Manchester United',
  'Man United',
  'Manchester City',
  'Man City',
  'Liverpool',
  'Chelsea',
  'Arsenal',
  'Tottenham',
  'Bayern Munich',
  'Bayern',
  'Borussia Dortmund',
  'Juventus',
  'AC Milan',
  'Inter Milan',
  'Paris Saint-Germain',
  'PSG',
  'Ajax',
  'Galácticos',
  'Galacticos',
];

const BASKETBALL_TEAMS = ['Warriors', 'Lakers', 'Celtics', 'Chicago Bulls', 'Knicks', 'Miami Heat', 'San Antonio Spurs', 'Brooklyn Nets', 'Golden State'];

/** Names of one kind: a pattern that finds any of them, and their words (to search by). */
export interface KnownNames {
  pattern: RegExp;
  words: string;
}

const BASEBALL_TEAMS = ['Yankees', 'Red Sox', 'Dodgers', 'Cubs', 'Mets', 'Astros', 'Braves', 'Cardinals'];

function knownNames(names: string[]): KnownNames {
  const escaped = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'u'), words: names.join(' ') };
}

/** A football (soccer) club named in a text. */
export const FOOTBALL_CLUB = knownNames(FOOTBALL_CLUBS);
/** A basketball team named in a text. */
export const BASKETBALL_TEAM = knownNames(BASKETBALL_TEAMS);
/** A baseball team named in a text. */
export const BASEBALL_TEAM = knownNames(BASEBALL_TEAMS);
/** A sports club or team of any of these kinds. */
export const SPORTS_TEAM = knownNames([...FOOTBALL_CLUBS, ...BASKETBALL_TEAMS, ...BASEBALL_TEAMS]);
