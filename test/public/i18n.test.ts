import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { languageCodes, languageOf, languages, type LanguageCode } from '../../src/public/i18n/languages.ts';
import { messageFile, placeholdersOf } from '../../src/public/i18n/messageCatalogue.ts';
import { matchLanguageTag, negotiateLanguage } from '../../src/public/i18n/negotiate.ts';
import { translator, translatorFrom } from '../../src/public/i18n/translate.ts';
import { pageMessageKeys, stepById, stepIds, tellUsMoreStep } from '../../src/public/report/journey.ts';

const english = messageFile('en').messages;
const englishKeys = Object.keys(english).sort();
const others = languageCodes.filter((code) => code !== 'en');

describe('the languages', () => {
  it('are the fifteen of the brief, each with a message file and nothing else in the folder', () => {
    expect([...languageCodes].sort()).toEqual(
      ['ar', 'bg', 'cy', 'en', 'es', 'ga', 'lt', 'pl', 'pt', 'ro', 'ru', 'sq', 'th', 'vi', 'zh-Hans'].sort(),
    );
    const files = readdirSync(new URL('../../src/public/i18n/messages/', import.meta.url)).sort();
    expect(files).toEqual(languageCodes.map((code) => `${code}.json`).sort());
  });

  it.each(languageCodes)('%s: metadata agrees with the language list', (code) => {
    const { meta } = messageFile(code);
    const language = languageOf(code);
    expect(meta.code).toBe(code);
    expect(meta.name).toBe(language.nativeName);
    expect(meta.direction).toBe(language.direction);
  });

  it('says honestly which translations are unreviewed', () => {
    for (const code of others) {
      expect(messageFile(code).meta.reviewStatus, code).toBe('machine-quality, needs review by a native speaker');
    }
    expect(messageFile('en').meta.reviewStatus).not.toContain('machine');
  });

  it('writes Arabic right to left, and only Arabic', () => {
    expect(languageOf('ar').direction).toBe('rtl');
    expect(messageFile('ar').meta.direction).toBe('rtl');
    expect(languages.filter((language) => language.direction === 'rtl').map((language) => language.code)).toEqual(['ar']);
  });
});

describe('the messages', () => {
  it.each(others)('%s: has every English key, no other key, and none empty', (code) => {
    const messages = messageFile(code).messages;
    expect(Object.keys(messages).sort()).toEqual(englishKeys);
    for (const [key, text] of Object.entries(messages)) expect(text.trim(), `${code} ${key}`).not.toBe('');
  });

  it.each(others)('%s: uses the same placeholders as English in every message', (code) => {
    const messages = messageFile(code).messages;
    for (const key of englishKeys) {
      expect(placeholdersOf(messages[key] ?? ''), `${code} ${key}`).toEqual(placeholdersOf(english[key] ?? ''));
    }
  });

  // Words that happen to be spelt as in English; anything else identical is an untranslated copy.
  const sameAsEnglish: Partial<Record<LanguageCode, string[]>> = {
    es: ['field.danger.option.no'],
    ro: ['field.contactPreference.summary'],
  };

  it.each(others)('%s: is a translation, not a copy of the English', (code) => {
    const messages = messageFile(code).messages;
    const copied = englishKeys.filter((key) => messages[key] === english[key]);
    expect(copied).toEqual(sameAsEnglish[code] ?? []);
  });

  it.each(languageCodes)('%s: shows the emergency numbers and helplines on every page, as numbers', (code) => {
    const messages = messageFile(code).messages;
    expect(messages['common.emergency']).toContain('999');
    expect(messages['common.emergency']).toContain('112');
    expect(messages['common.helpline']).toContain('08000 121 700');
    expect(messages['common.crimestoppers']).toContain('0800 555 111');
    expect(messages['step.callNow.body']).toContain('999');
    expect(messages['step.callNow.body']).toContain('112');
  });

  it.each(languageCodes)('%s: never uses the words the platform has banned', (code) => {
    const all = Object.values(messageFile(code).messages).join('\n').toLowerCase();
    // "Illegal" and "prostitute" and their equivalents: the people described are potential victims.
    const bannedWords = [
      'illegal', 'ilegal', 'nielegaln', 'anghyfreithlon', 'mídhleathach', 'paligjshëm', 'nelegal', 'незакон', 'нелегал',
      'bất hợp pháp', '非法', 'ผิดกฎหมาย', 'غير شرعي', 'غير قانوني',
      'prostitut', 'prostytut', 'проститу', 'mại dâm', '妓女', '卖淫', 'โสเภณี', 'دعارة', 'بغاء',
    ];
    for (const banned of bannedWords) {
      expect(all, banned).not.toContain(banned);
    }
  });

  it('has every message key the journey and the pages use', () => {
    const keys = new Set<string>(pageMessageKeys);
    for (const step of [...stepIds.map(stepById), tellUsMoreStep]) {
      keys.add(step.titleKey);
      if (step.hintKey !== undefined) keys.add(step.hintKey);
      for (const key of step.bodyKeys ?? []) keys.add(key);
      if (step.atLeastOneOf !== undefined) keys.add(step.atLeastOneOf.messageKey);
      for (const field of step.fields) {
        const { required, tooLong, format } = field.errors;
        for (const key of [field.labelKey, field.hintKey, field.summaryKey, required, tooLong, format]) {
          if (key !== undefined) keys.add(key);
        }
        for (const option of field.options ?? []) {
          keys.add(option.labelKey);
          if (option.hintKey !== undefined) keys.add(option.hintKey);
        }
      }
    }
    expect([...keys].filter((key) => english[key] === undefined)).toEqual([]);
    // And no message sits unused: every English key is reachable from the journey or the pages.
    expect(englishKeys.filter((key) => !keys.has(key))).toEqual([]);
  });

  it('tells every maximum-length error its limit', () => {
    for (const key of englishKeys.filter((candidate) => candidate.endsWith('.error.tooLong'))) {
      expect(placeholdersOf(english[key] ?? ''), key).toEqual(['max']);
    }
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('step.confirmation.referenceIs', { reference: 'LL-7K3M-9QXT' })).toBe('Your reference is LL-7K3M-9QXT');
    expect(t('field.description.error.tooLong', { max: 5000 })).toBe('What happened must be 5000 characters or fewer');
    expect(t('step.confirmation.referenceIs')).toBe('Your reference is {reference}');
  });

  it('does not treat a parameter as a pattern', () => {
    expect(translator('en')('step.confirmation.referenceIs', { reference: '$& {secret} $1' })).toBe('Your reference is $& {secret} $1');
  });

  it('translates into the chosen language', () => {
    expect(translator('cy')('common.exitThisPage')).toBe('Gadael y dudalen hon');
    expect(translator('ar')('field.danger.option.yes')).toBe('نعم');
    expect(translator('pl')('step.confirmation.referenceIs', { reference: 'LL-7K3M-9QXT' })).toContain('LL-7K3M-9QXT');
  });

  it('isolates interpolated values in right-to-left languages, so a reference keeps its order', () => {
    const text = translator('ar')('step.confirmation.referenceIs', { reference: 'LL-7K3M-9QXT' });
    expect(text).toContain('\u2068LL-7K3M-9QXT\u2069');
    expect(translator('en')('step.confirmation.referenceIs', { reference: 'LL-7K3M-9QXT' })).not.toContain('\u2068');
  });

  it('falls back to English only for a key missing or empty in the language', () => {
    const t = translatorFrom({ present: 'Tak', empty: '' }, { present: 'Yes', empty: 'Empty', missing: 'Missing {n}' }, false);
    expect(t('present')).toBe('Tak');
    expect(t('empty')).toBe('Empty');
    expect(t('missing', { n: 2 })).toBe('Missing 2');
    expect(t('nowhere')).toBe('nowhere');
  });

  it('returns the key itself for a key nobody has, so a page shows what is missing', () => {
    expect(translator('ro')('no.such.key')).toBe('no.such.key');
  });
});

describe('negotiating the language', () => {
  it.each<[Parameters<typeof negotiateLanguage>[0], LanguageCode]>([
    [{}, 'en'],
    [{ query: 'cy' }, 'cy'],
    [{ query: 'CY', saved: 'pl', acceptLanguage: 'ro' }, 'cy'],
    [{ query: 'xx', saved: 'pl', acceptLanguage: 'ro' }, 'pl'],
    [{ saved: 'pl', acceptLanguage: 'ro' }, 'pl'],
    [{ acceptLanguage: 'ro-RO,ro;q=0.9,en;q=0.8' }, 'ro'],
    [{ acceptLanguage: 'de-DE,de;q=0.9,lt;q=0.5,en;q=0.4' }, 'lt'],
    [{ acceptLanguage: 'en;q=0.3, ar;q=0.9' }, 'ar'],
    [{ acceptLanguage: 'zh-CN,zh;q=0.9' }, 'zh-Hans'],
    [{ acceptLanguage: 'zh-TW' }, 'zh-Hans'],
    [{ acceptLanguage: 'pt-BR' }, 'pt'],
    [{ acceptLanguage: 'es-419,es;q=0.9' }, 'es'],
    [{ acceptLanguage: 'fr, de;q=0.5, ru;q=0' }, 'en'],
    [{ acceptLanguage: '*' }, 'en'],
    [{ acceptLanguage: 'garbage;;;q=x' }, 'en'],
    [{ query: '', saved: '', acceptLanguage: '' }, 'en'],
  ])('%j → %s', (sources, expected) => {
    expect(negotiateLanguage(sources)).toBe(expected);
  });

  it('matches our own codes in any case', () => {
    expect(matchLanguageTag('zh-hans')).toBe('zh-Hans');
    expect(matchLanguageTag('ZH-HANS')).toBe('zh-Hans');
    expect(matchLanguageTag('sq_AL')).toBe('sq');
    expect(matchLanguageTag('klingon')).toBeUndefined();
  });
});
