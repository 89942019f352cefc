import { languageOf, sourceLanguage, type LanguageCode } from './languages.ts';
import { messageFile } from './messageCatalogue.ts';

export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: string, params?: MessageParams) => string;

/**
 * A translate function for one language. A key missing from that language falls back to English
 * (the tests keep every language complete, so this only guards a file edited in production); a
 * key missing from English too comes back as the key itself, so a page shows what is wrong
 * instead of nothing.
 *
 * The result is plain text: templates must escape it (Nunjucks autoescape), because parameters
 * such as a reference or what someone typed are interpolated as they are.
 */
export function translator(lang: LanguageCode): Translate {
  return translatorFrom(messageFile(lang).messages, messageFile(sourceLanguage).messages, languageOf(lang).direction === 'rtl');
}

/** The same over message maps given directly: how the fallback rules are tested. */
export function translatorFrom(
  own: Readonly<Record<string, string>>,
  fallback: Readonly<Record<string, string>>,
  isolate: boolean,
): Translate {
  return (key, params) => {
    const text = own[key] || fallback[key];
    if (text === undefined || text === '') return key;
    return params === undefined ? text : interpolate(text, params, isolate);
  };
}

// In right-to-left text a reference such as LL-7K3M-9QXT would have its hyphens reordered by
// the bidi algorithm; first-strong isolates keep each value in its own direction.
const firstStrongIsolate = '\u2068';
const popDirectionalIsolate = '\u2069';

function interpolate(text: string, params: MessageParams, isolate: boolean): string {
  return text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return isolate ? `${firstStrongIsolate}${String(value)}${popDirectionalIsolate}` : String(value);
  });
}
