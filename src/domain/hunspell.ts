/**
 * A Hunspell dictionary read and checked by affix stripping, as Hunspell itself does: the .dic
 * stems are kept as they are and a word is taken apart at check time. Expanding every affix up
 * front (nspell, typo-js) takes minutes for the Latvian dictionary; this reads it in well under a
 * second (decision 44). Supported: SFX/PFX with conditions, cross products, two suffixes (a
 * suffix's continuation class), prefixes enabled by a suffix's continuation class, CIRCUMFIX,
 * NEEDAFFIX, FORBIDDENWORD, ONLYINCOMPOUND (such stems are never words on their own), NOSUGGEST,
 * FULLSTRIP, FLAG (default, UTF-8, long, num), ICONV/OCONV, REP, MAP and TRY. Not supported:
 * compounding, AF/AM aliases, KEY-based suggestions and n-gram suggestions.
 */

interface AffixRule {
  readonly flag: string;
  readonly cross: boolean;
  /** The continuation class: flags of the form this rule makes (encoded, see `flagCoder`). */
  readonly cont: string;
  /** Tested against the stem with the stripped text restored; null when it is ".". */
  readonly condition: Condition | null;
}

/** Rules that add the same text after stripping the same text, so the stem is looked up once. */
interface StripGroup {
  readonly strip: string;
  readonly rules: AffixRule[];
  /**
   * Whether some rule of the group can be the outer of two suffixes, and the longest text an
   * inner suffix after it can add (0 when none can): set once all rules are read.
   */
  outer: boolean;
  innerLongest: number;
}

interface AffixTable {
  /** Keyed by the appended text ("" for none). */
  readonly byAppend: Map<string, StripGroup[]>;
  readonly longest: number;
  /**
   * The appended texts as a tree walked from the word's end, one letter a step: a word's
   * possible suffixes are found without cutting and hashing each of its endings.
   */
  readonly endings: AppendNode;
}

interface AppendNode {
  groups: StripGroup[] | null;
  readonly next: Map<string, AppendNode>;
}

/** A dictionary ready to check words: the parsed .aff and the stems of the .dic. */
export interface HunspellData {
  readonly prefixes: AffixTable;
  readonly suffixes: AffixTable;
  /**
   * For each flag named in some suffix's continuation class, the suffixes naming it: the inner
   * ones of two suffixes whose outer one has that flag.
   */
  readonly innerSuffixes: ReadonlyMap<string, AffixTable>;
  /** Stem → flag strings of its homonyms (each flag one character, see `flagCoder`). */
  readonly stems: ReadonlyMap<string, readonly string[]>;
  /** Every beginning of every stem, "" and the stem itself included. */
  readonly stemStarts: ReadonlySet<string>;
  readonly needAffix: string | null;
  readonly forbidden: string | null;
  readonly onlyInCompound: string | null;
  readonly noSuggest: string | null;
  readonly circumfix: string | null;
  readonly fullStrip: boolean;
  readonly tryChars: string;
  readonly rep: ReadonlyArray<readonly [string, string]>;
  readonly map: readonly string[];
  readonly iconv: ReadonlyArray<readonly [string, string]>;
  readonly oconv: ReadonlyArray<readonly [string, string]>;
}

type FlagType = 'char' | 'long' | 'num';

/**
 * Flags of every FLAG type become one UTF-16 character each, so a stem's flags are a short
 * string and a flag test is `includes`. Single-character flags stay themselves; long and numeric
 * flags get private-use characters in the order they are first seen.
 */
function flagCoder(type: FlagType): (flags: string) => string {
  if (type === 'char') return (flags) => flags;
  const codes = new Map<string, string>();
  const code = (name: string): string => {
    let found = codes.get(name);
    if (found === undefined) {
      found = String.fromCharCode(0xe000 + codes.size);
      codes.set(name, found);
    }
    return found;
  };
  if (type === 'long') {
    return (flags) => {
      let out = '';
      for (let i = 0; i + 1 < flags.length; i += 2) out += code(flags.slice(i, i + 2));
      return out;
    };
  }
  return (flags) =>
    flags
      .split(',')
      .filter((flag) => flag.length > 0)
      .map(code)
      .join('');
}

/**
 * A Hunspell condition ("[^aeē]st", "."): one entry per character of the stem's end (a suffix)
 * or start (a prefix), each a set of letters, its negation, or any letter. Matched by hand: a
 * regular expression anchored at the end scans the whole stem and is many times slower.
 */
interface Condition {
  readonly kind: 'PFX' | 'SFX';
  readonly places: ReadonlyArray<{ readonly letters: string; readonly negated: boolean } | null>;
}

function conditionOf(condition: string, kind: 'PFX' | 'SFX'): Condition | null {
  if (condition === '.' || condition === '') return null;
  const places = [...condition.matchAll(/\[(\^?)([^\]]*)\]|./gu)].map((match) => {
    if (match[0] === '.') return null;
    if (match[0].startsWith('[')) return { letters: match[2] ?? '', negated: match[1] === '^' };
    return { letters: match[0], negated: false };
  });
  return { kind, places };
}

function meets(condition: Condition, stem: string): boolean {
  const { places } = condition;
  if (stem.length < places.length) return false;
  const offset = condition.kind === 'SFX' ? stem.length - places.length : 0;
  for (let i = 0; i < places.length; i++) {
    const place = places[i];
    if (place && place.letters.includes(stem.charAt(offset + i)) === place.negated) return false;
  }
  return true;
}

function addRule(table: Map<string, StripGroup[]>, append: string, strip: string, rule: AffixRule) {
  let groups = table.get(append);
  if (!groups) {
    groups = [];
    table.set(append, groups);
  }
  let group = groups.find((candidate) => candidate.strip === strip);
  if (!group) {
    group = { strip, rules: [], outer: false, innerLongest: 0 };
    groups.push(group);
  }
  group.rules.push(rule);
}

function tableOf(byAppend: Map<string, StripGroup[]>): AffixTable {
  let longest = 0;
  const endings: AppendNode = { groups: null, next: new Map() };
  for (const [append, groups] of byAppend) {
    longest = Math.max(longest, append.length);
    let node = endings;
    for (let i = append.length - 1; i >= 0; i--) {
      const letter = append.charAt(i);
      let next = node.next.get(letter);
      if (!next) {
        next = { groups: null, next: new Map() };
        node.next.set(letter, next);
      }
      node = next;
    }
    node.groups = groups;
  }
  return { byAppend, longest, endings };
}

/** Lines of the .dic read between two pauses of `parseHunspellInSteps`. */
const LINES_PER_STEP = 5000;

/** Reads a .aff and a .dic (both as text, UTF-8). */
export function parseHunspell(affText: string, dicText: string): HunspellData {
  const steps = parseHunspellInSteps(affText, dicText);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `parseHunspell` in steps of a few milliseconds each: a server reading a dictionary of 66 000
 * stems between requests pauses at each step rather than hold every other request for a second.
 */
export function* parseHunspellInSteps(
  affText: string,
  dicText: string,
): Generator<void, HunspellData, void> {
  const lines = affText.split(/\r?\n/);
  let flagType: FlagType = 'char';
  for (const line of lines) {
    const match = /^FLAG\s+(\S+)/.exec(line);
    if (match) flagType = match[1] === 'long' ? 'long' : match[1] === 'num' ? 'num' : 'char';
  }
  const flags = flagCoder(flagType);
  const prefixes = new Map<string, StripGroup[]>();
  const suffixes = new Map<string, StripGroup[]>();
  const inner = new Map<string, Map<string, StripGroup[]>>();
  const crossOf = new Map<string, boolean>();
  const single: Record<string, string | null> = {
    NEEDAFFIX: null,
    FORBIDDENWORD: null,
    ONLYINCOMPOUND: null,
    NOSUGGEST: null,
    CIRCUMFIX: null,
  };
  let tryChars = '';
  let fullStrip = false;
  const rep: Array<[string, string]> = [];
  const map: string[] = [];
  const iconv: Array<[string, string]> = [];
  const oconv: Array<[string, string]> = [];

  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    const [key = '', a = '', b = '', c = '', d = ''] = fields;
    if (key === 'PFX' || key === 'SFX') {
      const flag = flags(a);
      const headerKey = `${key}${flag}`;
      if (!crossOf.has(headerKey)) {
        // The first line of each affix class is its header: cross product and rule count.
        crossOf.set(headerKey, b === 'Y');
        continue;
      }
      const slash = c.indexOf('/');
      const appendText = slash >= 0 ? c.slice(0, slash) : c;
      const cont = slash >= 0 ? flags(c.slice(slash + 1)) : '';
      const append = appendText === '0' ? '' : appendText;
      const strip = b === '0' ? '' : b;
      const rule: AffixRule = {
        flag,
        cross: crossOf.get(headerKey) ?? false,
        cont,
        condition: conditionOf(d, key),
      };
      if (key === 'PFX') {
        addRule(prefixes, append, strip, rule);
      } else {
        addRule(suffixes, append, strip, rule);
        for (const outer of new Set(cont)) {
          let table = inner.get(outer);
          if (!table) {
            table = new Map();
            inner.set(outer, table);
          }
          addRule(table, append, strip, rule);
        }
      }
    } else if (key in single) {
      single[key] = flags(a);
    } else if (key === 'TRY') {
      tryChars = a;
    } else if (key === 'FULLSTRIP') {
      fullStrip = true;
    } else if (key === 'REP' && b !== '') {
      rep.push([a, b.replace(/_/g, ' ')]);
    } else if (key === 'MAP' && b === '') {
      // "MAP 3" is the count; the groups follow. Multi-character members in parentheses are
      // not used by the shipped dictionaries and are skipped.
      if (!/^\d+$/.test(a) && !a.includes('(')) map.push(a);
    } else if ((key === 'ICONV' || key === 'OCONV') && b !== '') {
      (key === 'ICONV' ? iconv : oconv).push([a, b]);
    }
  }

  const stems = new Map<string, string[]>();
  const dicLines = dicText.split(/\r?\n/);
  // The first line is the (approximate) number of stems.
  for (let i = 1; i < dicLines.length; i++) {
    if (i % LINES_PER_STEP === 0) yield;
    const line = dicLines[i];
    if (!line) continue;
    // Morphological fields follow a tab or a space; a stem has neither.
    const space = line.search(/[\t ]/);
    const entry = space >= 0 ? line.slice(0, space) : line;
    if (entry === '') continue;
    const slash = entry.indexOf('/');
    const word = slash >= 0 ? entry.slice(0, slash) : entry;
    const stemFlags = slash >= 0 ? flags(entry.slice(slash + 1)) : '';
    const homonyms = stems.get(word);
    if (homonyms) homonyms.push(stemFlags);
    else stems.set(word, [stemFlags]);
  }

  const stemStarts = new Set<string>();
  let counted = 0;
  for (const stem of stems.keys()) {
    if (++counted % LINES_PER_STEP === 0) yield;
    // Longer beginnings first: once one is known, so are all shorter ones.
    for (let end = stem.length; end >= 0; end--) {
      const start = stem.slice(0, end);
      if (stemStarts.has(start)) break;
      stemStarts.add(start);
    }
  }
  for (const groups of suffixes.values()) {
    for (const group of groups) {
      for (const rule of group.rules) {
        const table = inner.get(rule.flag);
        if (!table) continue;
        group.outer = true;
        for (const append of table.keys()) {
          group.innerLongest = Math.max(group.innerLongest, append.length);
        }
      }
    }
  }

  return {
    prefixes: tableOf(prefixes),
    suffixes: tableOf(suffixes),
    innerSuffixes: new Map([...inner].map(([flag, table]) => [flag, tableOf(table)])),
    stems,
    stemStarts,
    needAffix: single.NEEDAFFIX ?? null,
    forbidden: single.FORBIDDENWORD ?? null,
    onlyInCompound: single.ONLYINCOMPOUND ?? null,
    noSuggest: single.NOSUGGEST ?? null,
    circumfix: single.CIRCUMFIX ?? null,
    fullStrip,
    tryChars,
    rep,
    map,
    iconv,
    oconv,
  };
}

function has(flags: string, flag: string | null): boolean {
  return flag !== null && flags.includes(flag);
}

function convert(word: string, table: ReadonlyArray<readonly [string, string]>): string {
  let out = word;
  for (const [from, to] of table) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

/** The prefix a word was found with, if any, while its suffixes are being stripped. */
interface PrefixContext {
  readonly rule: AffixRule;
}

/** What the language adds to the dictionary's own suggestion tables. */
export interface HunspellOptions {
  /** Groups of letters a typist confuses, like the aff's MAP: "aā", "sš". */
  readonly map?: readonly string[];
}

type Casing = 'lower' | 'initial' | 'upper' | 'mixed';

function casingOf(word: string): Casing {
  const lower = word.toLowerCase();
  if (word === lower) return 'lower';
  const upper = word.toUpperCase();
  if (word === upper && lower !== upper) return 'upper';
  const first = word.slice(0, 1);
  return first !== first.toLowerCase() && word.slice(1) === lower.slice(1) ? 'initial' : 'mixed';
}

function capitalised(word: string): string {
  return word.slice(0, 1).toUpperCase() + word.slice(1).toLowerCase();
}

/** Most suggestions a word gets. */
const MAX_SUGGESTIONS = 5;
/** Most diacritic restorations tried for one word: a long word has many letters to restore. */
const MAX_RESTORATIONS = 300;

/**
 * A checker over parsed dictionary data. `check` answers for the word exactly as written;
 * `correct` also takes a word Capitalised or in CAPITALS when its lower-case (or Capitalised)
 * form is a word, as Hunspell does; `suggest` proposes corrections, best first.
 */
export class Hunspell {
  private readonly groups: readonly string[];
  private readonly letters: string;

  constructor(
    readonly data: HunspellData,
    options: HunspellOptions = {},
  ) {
    const groups = [...data.map, ...(options.map ?? [])];
    this.groups = [...groups, ...groups.map((group) => group.toUpperCase())];
    // TRY lists the letters most used first: edits with them are tried, and ranked, first.
    this.letters = [...new Set([...data.tryChars.toLowerCase()])].join('');
  }

  /** Whether the word, exactly as written, is in the language. */
  check(word: string): boolean {
    return this.accepts(convert(word, this.data.iconv), false);
  }

  /** Whether the word is in the language as written or in another casing it may take. */
  correct(word: string): boolean {
    return this.cased(convert(word, this.data.iconv), false);
  }

  /** Up to five corrections of a misspelt word, best first; none when nothing is close. */
  suggest(word: string): string[] {
    const input = convert(word, this.data.iconv);
    const found: string[] = [];
    const seen = new Set<string>([input]);
    const add = (output: string) => {
      const converted = convert(output, this.data.oconv);
      if (!found.includes(converted)) found.push(converted);
    };
    // A word typed without its diacritics is the commonest mistake in Latvian: restorations
    // come first, those changing the fewest letters before the others, and a lower-case one may
    // be a name ("rigas" → "Rīgas"). Once some are found, plain edits would only add noise.
    let level = 0;
    for (const { candidate, changes } of this.restorations(input)) {
      // Restorations one letter beyond the first found are still offered, no further.
      if (found.length > 0 && changes > level + 1) break;
      if (seen.has(candidate)) continue;
      seen.add(candidate);
      const output = this.suggestable(candidate, true);
      if (output === null) continue;
      if (found.length === 0) level = changes;
      add(output);
      if (found.length >= MAX_SUGGESTIONS) return found;
    }
    if (found.length > 0) return found;
    const hits: Array<{ candidate: string; rank: number }> = [];
    for (const edit of this.edits(input)) {
      if (seen.has(edit.candidate)) continue;
      seen.add(edit.candidate);
      const output = this.suggestable(edit.candidate, false);
      if (output !== null) hits.push({ candidate: output, rank: edit.rank });
    }
    // Stable: within a rank, the order of generation (TRY's most used letters first).
    hits.sort((x, y) => x.rank - y.rank);
    for (const hit of hits) {
      add(hit.candidate);
      if (found.length >= MAX_SUGGESTIONS) break;
    }
    return found;
  }

  /** The candidate as it should be offered, if it is a word: "rigas" → "Rīgas" via "rīgas". */
  private suggestable(candidate: string, orName: boolean): string | null {
    if (this.cased(candidate, true)) return candidate;
    if (orName && casingOf(candidate) === 'lower') {
      const proper = capitalised(candidate);
      if (this.accepts(proper, true)) return proper;
    }
    return null;
  }

  private cased(word: string, forSuggestion: boolean): boolean {
    if (this.accepts(word, forSuggestion)) return true;
    const casing = casingOf(word);
    if (casing === 'initial') return this.accepts(word.toLowerCase(), forSuggestion);
    if (casing === 'upper') {
      return (
        this.accepts(word.toLowerCase(), forSuggestion) ||
        this.accepts(capitalised(word), forSuggestion)
      );
    }
    return false;
  }

  /**
   * The word with letters of a MAP group swapped for another of the group: every way with one
   * letter changed, then with two, and so on, up to `MAX_RESTORATIONS` in all. Built in loops,
   * not generators: a suggestion makes hundreds of these.
   */
  private restorations(word: string): Array<{ candidate: string; changes: number }> {
    const chars = [...word];
    const places: Array<{ index: number; others: string[] }> = [];
    chars.forEach((char, index) => {
      const others = this.groups
        .filter((group) => group.includes(char))
        .flatMap((group) => [...group].filter((other) => other !== char));
      if (others.length > 0) places.push({ index, others });
    });
    const found: Array<{ candidate: string; changes: number }> = [];
    for (let k = 1; k <= places.length; k++) {
      // The k places chosen, as increasing indices into `places`, and each one's alternative.
      const chosen = Array.from({ length: k }, (_, i) => i);
      for (;;) {
        const choice: number[] = new Array<number>(k).fill(0);
        for (;;) {
          const variant = [...chars];
          chosen.forEach((place, j) => {
            const { index, others } = places[place]!;
            variant[index] = others[choice[j]!]!;
          });
          found.push({ candidate: variant.join(''), changes: k });
          if (found.length >= MAX_RESTORATIONS) return found;
          // The next alternative, the last place's first (counting in mixed radix).
          let j = k - 1;
          while (j >= 0 && ++choice[j]! >= places[chosen[j]!]!.others.length) choice[j--] = 0;
          if (j < 0) break;
        }
        // The next choice of k places in increasing order.
        let i = k - 1;
        while (i >= 0 && chosen[i] === places.length - k + i) i--;
        if (i < 0) break;
        chosen[i]!++;
        for (let j = i + 1; j < k; j++) chosen[j] = chosen[j - 1]! + 1;
      }
    }
    return found;
  }

  /**
   * Edits at distance one, each with its rank: REP first; then a swap, a key next to the right
   * one, a letter doubled; then a letter too many, one missing, one wrong (Hunspell's order).
   */
  private *edits(word: string): Generator<{ candidate: string; rank: number }> {
    for (const [from, to] of this.data.rep) {
      for (let at = word.indexOf(from); at >= 0; at = word.indexOf(from, at + 1)) {
        const candidate = word.slice(0, at) + to + word.slice(at + from.length);
        // A REP into two words offers them only if both are words.
        if (
          !candidate.includes(' ') ||
          candidate.split(' ').every((part) => this.cased(part, true))
        ) {
          yield { candidate, rank: 0 };
        }
      }
    }
    // UTF-16 positions: the letters of both languages are single code units.
    for (let i = 0; i + 1 < word.length; i++) {
      const candidate = word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
      yield { candidate, rank: 1 };
    }
    for (let i = 0; i < word.length; i++) {
      const doubled =
        word.charAt(i) === word.charAt(i + 1) || word.charAt(i) === word.charAt(i - 1);
      yield { candidate: word.slice(0, i) + word.slice(i + 1), rank: doubled ? 1 : 2 };
    }
    const letters = casingOf(word) === 'upper' ? this.letters.toUpperCase() : this.letters;
    for (const letter of letters) {
      for (let i = 0; i <= word.length; i++) {
        yield { candidate: word.slice(0, i) + letter + word.slice(i), rank: 3 };
      }
    }
    for (const letter of letters) {
      for (let i = 0; i < word.length; i++) {
        const typed = word.charAt(i);
        if (typed === letter) continue;
        const candidate = word.slice(0, i) + letter + word.slice(i + 1);
        yield { candidate, rank: nextKeys(typed).includes(base(letter)) ? 1 : 4 };
      }
    }
  }

  private accepts(word: string, forSuggestion: boolean): boolean {
    if (word === '') return false;
    const d = this.data;
    const homonyms = d.stems.get(word);
    if (homonyms) {
      if (homonyms.some((flags) => has(flags, d.forbidden))) return false;
      for (const flags of homonyms) {
        if (this.usable(flags, forSuggestion) && !has(flags, d.needAffix)) return true;
      }
    }
    if (this.suffixed(word, null, forSuggestion)) return true;
    const { byAppend, longest } = d.prefixes;
    for (let length = 0; length <= Math.min(longest, word.length); length++) {
      const groups = byAppend.get(word.slice(0, length));
      if (!groups) continue;
      if (length === word.length && !d.fullStrip) continue;
      const rest = word.slice(length);
      for (const group of groups) {
        const stem = group.strip + rest;
        for (const rule of group.rules) {
          if (rule.condition && !meets(rule.condition, stem)) continue;
          // A prefix alone: the stem carries its flag; a circumfix or a prefix that needs
          // another affix is not complete without a suffix.
          if (!has(rule.cont, d.circumfix) && !has(rule.cont, d.needAffix)) {
            const stemHomonyms = d.stems.get(stem);
            if (
              stemHomonyms?.some(
                (flags) => this.usable(flags, forSuggestion) && flags.includes(rule.flag),
              )
            ) {
              return true;
            }
          }
          if (rule.cross && this.suffixed(stem, { rule }, forSuggestion)) return true;
        }
      }
    }
    return false;
  }

  private usable(flags: string, forSuggestion: boolean): boolean {
    const d = this.data;
    return (
      !has(flags, d.forbidden) &&
      !has(flags, d.onlyInCompound) &&
      !(forSuggestion && has(flags, d.noSuggest))
    );
  }

  /** The word as a stem with one suffix, or two (the inner one's continuation class names the outer). */
  private suffixed(word: string, prefix: PrefixContext | null, forSuggestion: boolean): boolean {
    const d = this.data;
    // A stem begins with what is left once the suffix is taken off: most candidates a
    // suggestion tries are no stem's beginning past a few letters, and are given up at once.
    const reach = this.reach(word);
    /** Whether the stem less `cut` letters at its end (the rest and the restored strip) begins a stem. */
    const begins = (rest: string, strip: string, cut: number): boolean => {
      const keep = rest.length + strip.length - cut;
      if (keep <= rest.length) return Math.max(0, keep) <= reach;
      return d.stemStarts.has((rest + strip).slice(0, keep));
    };
    let node: AppendNode | undefined = d.suffixes.endings;
    for (let length = 0; node; node = node.next.get(word.charAt(word.length - 1 - length++))) {
      const groups = node.groups;
      if (!groups) continue;
      if (length === word.length && !d.fullStrip) continue;
      const rest = word.slice(0, word.length - length);
      const known = rest.length <= reach;
      for (const group of groups) {
        if (!known && !group.outer) continue;
        // Most stems tried are not words; only an outer suffix can still lead somewhere, and
        // only if the stem less the longest inner suffix is some stem's beginning.
        const twofold = group.outer && begins(rest, group.strip, group.innerLongest);
        if (!known && !twofold) continue;
        const stem = rest + group.strip;
        const stemHomonyms = known ? d.stems.get(stem) : undefined;
        if (!stemHomonyms && !twofold) continue;
        // Rules of one class differ in their conditions, not in what an inner suffix may be:
        // the inner suffixes are tried once per class (where no prefix or circumfix is in play).
        let innerTried = '';
        for (const rule of group.rules) {
          if (prefix && !rule.cross) continue;
          let inner = twofold ? d.innerSuffixes.get(rule.flag) : undefined;
          if (inner && !prefix && !has(rule.cont, d.circumfix) && innerTried.includes(rule.flag)) {
            inner = undefined;
          }
          // The stem less this class's longest inner suffix must begin some stem.
          if (inner && !begins(rest, group.strip, inner.longest)) {
            innerTried += rule.flag;
            inner = undefined;
          }
          if (!stemHomonyms && !inner) continue;
          if (rule.condition && !meets(rule.condition, stem)) continue;
          if (
            stemHomonyms &&
            !(has(rule.cont, d.needAffix) && !prefix) &&
            this.circumfixMatches(prefix, rule.cont) &&
            stemHomonyms.some(
              (flags) =>
                this.usable(flags, forSuggestion) &&
                flags.includes(rule.flag) &&
                (!prefix ||
                  flags.includes(prefix.rule.flag) ||
                  rule.cont.includes(prefix.rule.flag)),
            )
          ) {
            return true;
          }
          if (inner) {
            const shared = Math.min(reach, rest.length);
            if (this.innerSuffixed(stem, shared, rule, inner, prefix, forSuggestion)) return true;
            innerTried += rule.flag;
          }
        }
      }
    }
    return false;
  }

  /**
   * The stem left by an outer suffix as a stem with an inner one. `reach` letters of it are
   * known to begin a stem (and no more of the outer word's): beyond, up to the restored
   * strip, a beginning is looked up.
   */
  private innerSuffixed(
    word: string,
    reach: number,
    outer: AffixRule,
    table: AffixTable,
    prefix: PrefixContext | null,
    forSuggestion: boolean,
  ): boolean {
    const d = this.data;
    let node: AppendNode | undefined = table.endings;
    for (let length = 0; node; node = node.next.get(word.charAt(word.length - 1 - length++))) {
      const groups = node.groups;
      if (!groups) continue;
      if (length === word.length && !d.fullStrip) continue;
      const rest = word.slice(0, word.length - length);
      if (rest.length > reach && !d.stemStarts.has(rest)) continue;
      for (const group of groups) {
        const stem = rest + group.strip;
        const stemHomonyms = d.stems.get(stem);
        if (!stemHomonyms) continue;
        for (const rule of group.rules) {
          if (prefix && !rule.cross) continue;
          if (rule.condition && !meets(rule.condition, stem)) continue;
          if (!this.circumfixMatches(prefix, rule.cont + outer.cont)) continue;
          const enabled = (flags: string) =>
            !prefix ||
            flags.includes(prefix.rule.flag) ||
            rule.cont.includes(prefix.rule.flag) ||
            outer.cont.includes(prefix.rule.flag);
          if (
            stemHomonyms.some(
              (flags) =>
                this.usable(flags, forSuggestion) && flags.includes(rule.flag) && enabled(flags),
            )
          ) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * How many of the word's first letters begin some stem. Every shorter beginning of a stem's
   * beginning is one too, so a binary search finds it in a few look-ups.
   */
  private reach(word: string): number {
    let low = 0;
    let high = word.length;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.data.stemStarts.has(word.slice(0, middle))) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** A circumfix is a prefix and a suffix that come together: one without the other is no word. */
  private circumfixMatches(prefix: PrefixContext | null, suffixCont: string): boolean {
    const mark = this.data.circumfix;
    if (mark === null) return true;
    return has(prefix?.rule.cont ?? '', mark) === suffixCont.includes(mark);
  }
}

const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** A letter without its diacritic mark, lower case: "Š" → "s". */
function base(letter: string): string {
  return letter.normalize('NFD').charAt(0).toLowerCase();
}

const nextKeysCache = new Map<string, string>();

/** The keys around a letter's key on a QWERTY keyboard (Latvian keyboards are QWERTY too). */
function nextKeys(letter: string): string {
  const key = base(letter);
  let found = nextKeysCache.get(key);
  if (found === undefined) {
    found = '';
    KEY_ROWS.forEach((row, r) => {
      const i = row.indexOf(key);
      if (i < 0) return;
      // Each row sits half a key to the right of the one above it.
      found = [
        row[i - 1],
        row[i + 1],
        KEY_ROWS[r - 1]?.[i],
        KEY_ROWS[r - 1]?.[i + 1],
        KEY_ROWS[r + 1]?.[i - 1],
        KEY_ROWS[r + 1]?.[i],
      ].join('');
    });
    nextKeysCache.set(key, found);
  }
  return found;
}
