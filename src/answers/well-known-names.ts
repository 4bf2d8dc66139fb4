/**
 * Names whose kind every reader knows and no article spells out: "Anthropic looks like Real
 * Madrid" is about a football club without saying so. Only names that are rarely anything
 * else: a city ("Barcelona", "Liverpool"), a region ("Bayern") or a common word ("Heat",
 * "Cardinals") is written with the club's other words or left out.
 */
const FOOTBALL_CLUBS = [
  'Real Madrid',
  'FC Barcelona',
  'Barça',
  'Atlético Madrid',
  'Atletico Madrid',
  'Manchester United',
  'Man United',
  'Manchester City',
  'Man City',
  'Liverpool FC',
  'Chelsea FC',
  'Arsenal FC',
  'Tottenham Hotspur',
  'Bayern Munich',
  'Borussia Dortmund',
  'Juventus',
  'AC Milan',
  'Inter Milan',
  'Paris Saint-Germain',
  'PSG',
  'Galácticos',
  'Galacticos',
];

const BASKETBALL_TEAMS = ['Warriors', 'Golden State', 'Lakers', 'Celtics', 'Chicago Bulls', 'Knicks', 'Miami Heat', 'San Antonio Spurs', 'Brooklyn Nets'];

const BASEBALL_TEAMS = ['Yankees', 'Red Sox', 'Dodgers', 'Chicago Cubs', 'Mets', 'Astros', 'Atlanta Braves', 'St. Louis Cardinals'];

/** Names of one kind: a pattern that finds any of them, and their words (to search by). */
export interface KnownNames {
  pattern: RegExp;
  words: string;
}

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
