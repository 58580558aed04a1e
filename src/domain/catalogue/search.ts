/**
 * Catalogue search that forgives missing diacritics and small typos: "giay phep xay dung",
 * "giấy phép xây dựng" and "giay phep xay dng" all find "Cấp giấy phép xây dựng".
 *
 * Text is folded (lower case, no diacritics, đ → d) and split into words. Every query word must match a
 * word of the document: exactly, as a prefix (for the word being typed), or within one edit (two for long
 * words). The index keeps each distinct word once with the documents that contain it, so fuzzy matching
 * compares the query against the vocabulary (a few thousand words), not against every document.
 */

/** Lower case, no diacritics, đ → d, only letters, digits and single spaces. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim();
}

export function words(text: string): string[] {
  return foldVietnamese(text)
    .split(' ')
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w.length > 0);
}

/** Levenshtein distance, giving up (returning max + 1) as soon as it must exceed `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, max + 1);
}

/** Edits allowed for a query word: none for short words or codes and numbers, one from 3 letters, two from 8. */
export function allowedEdits(word: string): number {
  if (/\d/.test(word)) return 0;
  if (word.length >= 8) return 2;
  if (word.length >= 3) return 1;
  return 0;
}

export interface SearchDocument {
  id: string;
  /** Weighted texts: the name counts most, then code and field. */
  fields: readonly { text: string; weight: number }[];
}

export interface SearchHit {
  id: string;
  score: number;
}

const EXACT = 1;
const PREFIX = 0.7;
const FUZZY = 0.5;
const PHRASE = 0.5;

export class SearchIndex {
  /** word → document index → best field weight */
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly ids: string[] = [];
  /** Words grouped by length, for fuzzy lookups. */
  private readonly byLength = new Map<number, string[]>();
  /** The words of each document's first field (its name), in order, for phrase bonuses and ties. */
  private readonly primary: string[][] = [];

  constructor(documents: readonly SearchDocument[]) {
    documents.forEach((doc, index) => {
      this.ids.push(doc.id);
      this.primary.push(doc.fields[0] ? words(doc.fields[0].text) : []);
      for (const field of doc.fields) {
        for (const word of words(field.text)) {
          let posting = this.postings.get(word);
          if (!posting) {
            posting = new Map();
            this.postings.set(word, posting);
            const list = this.byLength.get(word.length) ?? [];
            list.push(word);
            this.byLength.set(word.length, list);
          }
          if ((posting.get(index) ?? 0) < field.weight) posting.set(index, field.weight);
        }
      }
    });
  }

  get size(): number {
    return this.ids.length;
  }

  /** Documents matching every query word, best first; ties keep index order. Empty query: none. */
  search(query: string): SearchHit[] {
    const queryWords = [...new Set(words(query))];
    if (queryWords.length === 0) return [];
    let scores: Map<number, number> | null = null;
    const matchedWords: Set<string>[] = [];
    for (const [position, word] of queryWords.entries()) {
      const isLast = position === queryWords.length - 1;
      const { docs: matches, words: matched } = this.matchWord(word, isLast);
      matchedWords.push(matched);
      const next = new Map<number, number>();
      if (scores === null) {
        for (const [doc, score] of matches) next.set(doc, score);
      } else {
        for (const [doc, score] of scores) {
          const add = matches.get(doc);
          if (add !== undefined) next.set(doc, score + add);
        }
      }
      scores = next;
      if (scores.size === 0) return [];
    }
    const final = scores ?? new Map<number, number>();
    if (queryWords.length > 1) {
      // Query words that follow each other in the name as in the query ("xây dựng" after "giấy phép") count more.
      for (const [doc, score] of final) final.set(doc, score + PHRASE * this.adjacentPairs(doc, matchedWords));
    }
    return [...final.entries()]
      .sort(([a, sa], [b, sb]) => sb - sa || this.primary[a]!.length - this.primary[b]!.length || a - b)
      .map(([doc, score]) => ({ id: this.ids[doc]!, score }));
  }

  /** How many consecutive query-word pairs appear next to each other, in order, in the document's name. */
  private adjacentPairs(doc: number, matchedWords: readonly Set<string>[]): number {
    const name = this.primary[doc]!;
    let pairs = 0;
    for (let q = 0; q + 1 < matchedWords.length; q++) {
      const first = matchedWords[q]!;
      const second = matchedWords[q + 1]!;
      for (let i = 0; i + 1 < name.length; i++) {
        if (first.has(name[i]!) && second.has(name[i + 1]!)) {
          pairs++;
          break;
        }
      }
    }
    return pairs;
  }

  /** Documents containing a word matching `word`, with the best score of the match kinds. */
  private matchWord(word: string, allowPrefix: boolean): { docs: Map<number, number>; words: Set<string> } {
    const result = new Map<number, number>();
    const matched = new Set<string>();
    const credit = (candidate: string, kind: number) => {
      const posting = this.postings.get(candidate);
      if (!posting) return;
      matched.add(candidate);
      for (const [doc, weight] of posting) {
        const score = kind * weight;
        if ((result.get(doc) ?? 0) < score) result.set(doc, score);
      }
    };
    credit(word, EXACT);
    const edits = allowedEdits(word);
    for (const [length, list] of this.byLength) {
      const prefixPossible = allowPrefix && length > word.length && word.length >= 2;
      const fuzzyPossible = edits > 0 && Math.abs(length - word.length) <= edits;
      if (!prefixPossible && !fuzzyPossible) continue;
      for (const candidate of list) {
        if (candidate === word) continue;
        if (prefixPossible && candidate.startsWith(word)) credit(candidate, PREFIX);
        else if (fuzzyPossible && boundedEditDistance(word, candidate, edits) <= edits) credit(candidate, FUZZY);
      }
    }
    return { docs: result, words: matched };
  }
}
