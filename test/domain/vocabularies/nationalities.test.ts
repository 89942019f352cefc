import { describe, expect, it } from 'vitest';
import { findCountries, nationalities } from '../../../src/domain/vocabularies/nationalities.ts';

describe('nationalities', () => {
  it('holds the 249 ISO 3166-1 alpha-2 codes plus Kosovo’s XK', () => {
    expect(nationalities.ids).toHaveLength(250);
    expect(new Set(nationalities.ids).size).toBe(250);
    for (const id of nationalities.ids) expect(id).toMatch(/^[A-Z]{2}$/);
  });

  it('agrees with the platform’s own region names on which codes exist', () => {
    // ICU knows every assigned ISO region code; an unknown code comes back unchanged.
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const id of nationalities.ids) expect(names.of(id)).not.toBe(id);
  });

  it('names and demonyms of countries common in UK referrals', () => {
    expect(nationalities.get('AL')).toMatchObject({ label: 'Albania', demonym: 'Albanian' });
    expect(nationalities.get('VN')).toMatchObject({ label: 'Vietnam', demonym: 'Vietnamese' });
    expect(nationalities.get('GB')).toMatchObject({ label: 'United Kingdom', demonym: 'British' });
    expect(nationalities.get('IE')).toMatchObject({ label: 'Ireland', demonym: 'Irish' });
    expect(nationalities.label('ER')).toBe('Eritrea');
  });

  it('finds countries by name, alias or demonym, ignoring case and accents', () => {
    expect(findCountries('albanian').map((c) => c.id)).toEqual(['AL']);
    expect(findCountries('Turkey').map((c) => c.id)).toEqual(['TR']);
    expect(findCountries('cote d’ivoire').map((c) => c.id)).toEqual(['CI']);
    expect(findCountries('Congolese').map((c) => c.id).sort()).toEqual(['CD', 'CG']);
    expect(findCountries('')).toEqual([]);
  });
});
