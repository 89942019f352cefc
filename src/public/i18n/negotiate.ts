import { isLanguageCode, languageCodes, sourceLanguage, type LanguageCode } from './languages.ts';

export interface LanguageChoiceSources {
  /** `?lang=` on the request: an explicit choice made just now wins. */
  readonly query?: string | undefined;
  /** A choice saved earlier (a functional cookie holding only the language code). */
  readonly saved?: string | undefined;
  /** The browser's Accept-Language header. */
  readonly acceptLanguage?: string | undefined;
}

/** Picks the form's language: explicit choice, then saved choice, then the browser, then English. */
export function negotiateLanguage(sources: LanguageChoiceSources): LanguageCode {
  return (
    matchLanguageTag(sources.query) ??
    matchLanguageTag(sources.saved) ??
    bestFromAcceptLanguage(sources.acceptLanguage) ??
    sourceLanguage
  );
}

/**
 * Maps a BCP 47 tag to one of our languages. Chinese in any script or region goes to Simplified
 * Chinese, because it is the only Chinese we have and is far more readable to a Traditional
 * reader than English; other tags match on their primary subtag (pt-BR → pt, en-GB → en).
 */
export function matchLanguageTag(tag: string | undefined): LanguageCode | undefined {
  if (tag === undefined) return undefined;
  const trimmed = tag.trim();
  if (trimmed === '') return undefined;
  const exact = languageCodes.find((code) => code.toLowerCase() === trimmed.toLowerCase());
  if (exact !== undefined) return exact;
  const primary = trimmed.split(/[-_]/)[0]?.toLowerCase() ?? '';
  if (primary === 'zh') return 'zh-Hans';
  return isLanguageCode(primary) ? primary : undefined;
}

function bestFromAcceptLanguage(header: string | undefined): LanguageCode | undefined {
  if (header === undefined) return undefined;
  const ranked = header
    .split(',')
    .map((part, position) => {
      const [tag = '', ...parameters] = part.split(';').map((piece) => piece.trim());
      const qParameter = parameters.find((parameter) => parameter.startsWith('q='));
      const quality = qParameter === undefined ? 1 : Number(qParameter.slice(2));
      return { tag, quality: Number.isFinite(quality) ? quality : 0, position };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.position - b.position);
  for (const entry of ranked) {
    const match = matchLanguageTag(entry.tag);
    if (match !== undefined) return match;
  }
  return undefined;
}
