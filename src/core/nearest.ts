/** Edit distance counting an adjacent transposition as one edit (`modle` → `model` is 1). Small inputs only. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] ?? [];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The closest candidate within a distance of about a third of the word (case-insensitive), if any. */
export function nearestKey(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 64) return undefined;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** Words people type for a language that are not its tag: a country code, the ISO 639-2 code, its English name. */
const LANGUAGE_WORDS: Readonly<Record<string, string>> = { jp: 'ja', jpn: 'ja', japanese: 'ja', eng: 'en', english: 'en', us: 'en', uk: 'en', gb: 'en' };

/**
 * The known locale a tag that is not one most likely means: the same tag in another case or with `_`
 * (`JA`, `zh_CN` → `zh-CN`), its language without the region or encoding (`ja-JP`, `ja_JP.UTF-8` → `ja`),
 * a country or a name for the language (`jp`, `japanese` → `ja`), else the nearest by spelling.
 */
export function nearestLocale(tag: string, known: readonly string[]): string | undefined {
  const norm = tag.trim().replace(/_/g, '-').toLowerCase();
  const same = known.find((k) => k.toLowerCase() === norm);
  if (same !== undefined) return same;
  const language = norm.split(/[-.@]/)[0] ?? '';
  const byLanguage = known.find((k) => k.toLowerCase() === language);
  if (byLanguage !== undefined) return byLanguage;
  const named = Object.hasOwn(LANGUAGE_WORDS, language) ? LANGUAGE_WORDS[language] : undefined;
  if (named !== undefined && known.includes(named)) return named;
  return nearestKey(tag, known);
}
