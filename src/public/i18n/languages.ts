// The languages of the public form: those of the UK and Ireland, and those most often spoken by
// potential victims and their communities. The order is the order of the language chooser.
export const languageCodes = [
  'en', 'cy', 'ga', 'pl', 'ro', 'sq', 'lt', 'bg', 'vi', 'zh-Hans', 'th', 'ru', 'pt', 'es', 'ar',
] as const;

export type LanguageCode = (typeof languageCodes)[number];

export type TextDirection = 'ltr' | 'rtl';

export interface Language {
  readonly code: LanguageCode;
  /** The language's name in the language itself, so a reader can find their own. */
  readonly nativeName: string;
  readonly direction: TextDirection;
}

export const sourceLanguage: LanguageCode = 'en';

export const languages: readonly Language[] = [
  { code: 'en', nativeName: 'English', direction: 'ltr' },
  { code: 'cy', nativeName: 'Cymraeg', direction: 'ltr' },
  { code: 'ga', nativeName: 'Gaeilge', direction: 'ltr' },
  { code: 'pl', nativeName: 'Polski', direction: 'ltr' },
  { code: 'ro', nativeName: 'Română', direction: 'ltr' },
  { code: 'sq', nativeName: 'Shqip', direction: 'ltr' },
  { code: 'lt', nativeName: 'Lietuvių', direction: 'ltr' },
  { code: 'bg', nativeName: 'Български', direction: 'ltr' },
  { code: 'vi', nativeName: 'Tiếng Việt', direction: 'ltr' },
  { code: 'zh-Hans', nativeName: '简体中文', direction: 'ltr' },
  { code: 'th', nativeName: 'ไทย', direction: 'ltr' },
  { code: 'ru', nativeName: 'Русский', direction: 'ltr' },
  { code: 'pt', nativeName: 'Português', direction: 'ltr' },
  { code: 'es', nativeName: 'Español', direction: 'ltr' },
  { code: 'ar', nativeName: 'العربية', direction: 'rtl' },
];

export function isLanguageCode(value: string): value is LanguageCode {
  return (languageCodes as readonly string[]).includes(value);
}

export function languageOf(code: LanguageCode): Language {
  const found = languages.find((language) => language.code === code);
  if (found === undefined) throw new Error(`language ${code} is in languageCodes but not in languages`);
  return found;
}
