/**
 * What new-entity proposals (propose.ts) know about single words: compromise's English lexicon
 * (about 24,000 word forms with tags such as Country, MaleName, Organization, Preposition) plus
 * short lists of the words that shape a name — titles before people, heads of organisation and
 * place names, joiners inside names. Built once, on first use, so importing costs nothing.
 */
import nlp from 'compromise';

/**
 * The word classes propose.ts asks about: `common` is an English word that is no name by itself
 * (verb, adjective, determiner, noun …), `first` a first name, `demonym` a nationality ("German"),
 * `calendar` a weekday, month or time zone (capitalised but no entity).
 */
export type WordClass = 'unknown' | 'common' | 'person' | 'first' | 'place' | 'organization' | 'demonym' | 'calendar';

interface Lexicon {
  readonly one: { readonly lexicon: Record<string, string | string[]> };
  readonly two: { readonly orgWords: Record<string, unknown>; readonly placeWords: Record<string, unknown> };
}

/** Titles before a person's name, beyond compromise's Honorific and Actor words. */
const EXTRA_TITLES = ['chancellor', 'chairman', 'chairwoman', 'commissioner', 'director', 'deputy', 'spokesperson', 'president', 'vice', 'premier', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'leader', 'king', 'queen', 'prince', 'princess', 'pope', 'chief', 'coach', 'manager', 'striker', 'midfielder', 'defender', 'goalkeeper', 'captain', 'skipper', 'champion', 'seed', 'rookie', 'envoy', 'ambassador', 'judge', 'mayor', 'governor', 'senator', 'general', 'colonel', 'lieutenant', 'sergeant', 'father', 'sister', 'brother', 'dr', 'mr', 'mrs', 'ms', 'sir', 'lord', 'lady', 'sheikh', 'ayatollah', 'rabbi', 'cardinal', 'bishop', 'archbishop', 'reverend', 'rev', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'sen', 'rep', 'gov', 'prof', 'st'];

/** Last words of organisation names, beyond compromise's orgWords. */
const EXTRA_ORG_HEADS = ['inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'ag', 'sa', 'nv', 'bv', 'gmbh', 'spa', 'ab', 'oy', 'asa', 'group', 'holdings', 'bank', 'party', 'ministry', 'council', 'union', 'league', 'federation', 'association', 'commission', 'committee', 'court', 'agency', 'exchange', 'fund', 'front', 'army', 'police', 'office', 'parliament', 'assembly', 'congress', 'senate', 'cabinet', 'government', 'airlines', 'airways', 'motors', 'industries', 'energy', 'oil', 'petroleum', 'securities', 'capital', 'partners', 'times', 'post', 'news', 'journal', 'herald', 'daily', 'press', 'television', 'radio', 'tv', 'fc', 'united', 'city', 'rovers', 'wanderers', 'athletic', 'county', 'guard', 'guards', 'service', 'forces', 'staff', 'police'];

/** First words of organisation names ("Bank of …", "University of …"). */
const ORG_STARTS = ['bank', 'university', 'ministry', 'department', 'council', 'federation', 'association', 'institute', 'board', 'house', 'church', 'court', 'museum', 'college', 'school', 'office', 'party', 'union', 'league', 'chamber', 'bureau', 'commission', 'organisation', 'organization', 'society', 'academy', 'agency', 'friends', 'movement', 'front'];

/** First words of place names ("Gulf of …", "Isle of …"). */
const PLACE_STARTS = ['gulf', 'isle', 'bay', 'cape', 'sea', 'strait', 'straits', 'lake', 'mount', 'port', 'republic', 'kingdom', 'state', 'province', 'city', 'district', 'region', 'island', 'islands', 'county', 'sultanate', 'emirate', 'principality', 'duchy'];

/** Words in event names. */
const EVENT_WORDS = ['cup', 'championship', 'championships', 'games', 'olympics', 'olympic', 'open', 'war', 'summit', 'festival', 'prix', 'tour', 'election', 'elections', 'conference', 'series', 'trophy', 'masters', 'classic', 'grand', 'derby', 'rally', 'marathon', 'revolution', 'crisis', 'treaty', 'accord', 'accords', 'agreement'];

/** Lower-case words that join the parts of one name ("Bank of England", "van Gogh", "Procter & Gamble"). */
const JOINERS = ['of', 'de', 'del', 'della', 'der', 'den', 'van', 'von', 'da', 'di', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'y', 'dos', 'das', '&', 'for', 'on', 'and'];

/** Capitalised words that start sentences and headlines but are never names by themselves. */
const FUNCTION_WORDS = ['the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'we', 'they', 'i', 'you', 'his', 'her', 'its', 'our', 'their', 'my', 'your', 'in', 'on', 'at', 'of', 'for', 'to', 'by', 'with', 'from', 'as', 'but', 'and', 'or', 'if', 'when', 'while', 'after', 'before', 'since', 'there', 'here', 'what', 'who', 'which', 'where', 'why', 'how', 'not', 'no', 'yes', 'all', 'some', 'one', 'two', 'three', 'first', 'last', 'new', 'also', 'so', 'then', 'now', 'only', 'just', 'more', 'most', 'other', 'such', 'both', 'each', 'any', 'many', 'much', 'few', 'about', 'under', 'over', 'into', 'up', 'down', 'out', 'off', 'per', 'vs', 'v'];

interface Words {
  readonly lexicon: Record<string, string | string[]>;
  readonly titles: ReadonlySet<string>;
  readonly orgHeads: ReadonlySet<string>;
  readonly orgStarts: ReadonlySet<string>;
  readonly placeHeads: ReadonlySet<string>;
  readonly placeStarts: ReadonlySet<string>;
  readonly eventWords: ReadonlySet<string>;
  readonly joiners: ReadonlySet<string>;
  readonly functionWords: ReadonlySet<string>;
  readonly classes: Map<string, WordClass>;
}

let words: Words | undefined;

function load(): Words {
  const model = nlp.model() as Lexicon;
  const lexicon = model.one.lexicon;
  const titles = new Set(EXTRA_TITLES);
  for (const [word, tags] of Object.entries(lexicon)) {
    const tag = Array.isArray(tags) ? tags : [tags];
    // Honorifics only: compromise's Actor words ("hero", "boy", "agent") start names too often.
    if (!word.includes(' ') && tag.includes('Honorific')) titles.add(word);
  }
  return {
    lexicon,
    titles,
    orgHeads: new Set([...Object.keys(model.two.orgWords), ...EXTRA_ORG_HEADS]),
    orgStarts: new Set(ORG_STARTS),
    placeHeads: new Set(Object.keys(model.two.placeWords)),
    placeStarts: new Set(PLACE_STARTS),
    eventWords: new Set(EVENT_WORDS),
    joiners: new Set(JOINERS),
    functionWords: new Set(FUNCTION_WORDS),
    classes: new Map(),
  };
}

export function vocabulary(): Words {
  words ??= load();
  return words;
}

const PERSON_TAGS = new Set(['Person', 'LastName']);
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place']);
const ORG_TAGS = new Set(['Organization', 'SportsTeam']);
const CALENDAR_TAGS = new Set(['WeekDay', 'Month', 'Timezone']);

const TIME_ZONES = new Set(['gmt', 'utc', 'bst', 'cet', 'cest', 'est', 'edt', 'pst', 'pdt', 'jst', 'kst', 'msk']);
const CONTRACTION = /['’](?:re|ll|ve|d|m|t)$/;

/** The class of a word (any case), from the lexicon; cached. */
export function wordClass(word: string): WordClass {
  const w = vocabulary();
  // A contraction is its first word ("They’re" is "they").
  const lower = word.toLowerCase().replace(CONTRACTION, '');
  let c = w.classes.get(lower);
  if (c !== undefined) return c;
  const found = w.lexicon[lower];
  const tags = found === undefined ? [] : Array.isArray(found) ? found : [found];
  if (w.functionWords.has(lower)) c = 'common';
  else if (TIME_ZONES.has(lower)) c = 'calendar';
  else if (tags.length === 0) c = 'unknown';
  else if (tags.some((t) => CALENDAR_TAGS.has(t))) c = 'calendar';
  else if (tags.includes('Demonym')) c = 'demonym';
  else if (tags.some((t) => PLACE_TAGS.has(t))) c = 'place';
  else if (tags.some((t) => ORG_TAGS.has(t))) c = 'organization';
  else if (tags.some((t) => FIRST_NAME_TAGS.has(t))) c = 'first';
  else if (tags.some((t) => PERSON_TAGS.has(t))) c = 'person';
  else if (tags.includes('ProperNoun')) c = 'unknown';
  else c = 'common';
  w.classes.set(lower, c);
  return c;
}

/** The lexicon tags the word as a country. */
export function isCountry(word: string): boolean {
  const found = vocabulary().lexicon[word.toLowerCase()];
  return found === 'Country' || (Array.isArray(found) && found.includes('Country'));
}
