import { describe, expect, it } from 'vitest';
import { NAMING_CONVENTIONS } from '../../src/demo/names/index.ts';
import { Random } from '../../src/demo/random.ts';
import { recordName, withoutDiacritics } from '../../src/demo/spellingVariants.ts';
import type { TrueName } from '../../src/demo/truePeople.ts';
import { NATIONALITIES, type Nationality } from '../../src/demo/vocabulary.ts';

const lan: TrueName = {
  given: ['Lan'], givenSyllables: null, middle: 'Thị', family: 'Nguyễn', familyOtherForm: null, particle: null,
  givenScript: null, familyScript: null, familyFirst: true,
};
const xiaoling: TrueName = {
  given: ['Xiaoling'], givenSyllables: ['Xiao', 'ling'], middle: null, family: 'Wang', familyOtherForm: null, particle: null,
  givenScript: '晓玲', familyScript: '王', familyFirst: true,
};
const kowalska: TrueName = {
  given: ['Małgorzata'], givenSyllables: null, middle: null, family: 'Kowalska', familyOtherForm: 'Kowalski', particle: null,
  givenScript: null, familyScript: null, familyFirst: false,
};

function renders(name: TrueName, nationality: Nationality, aliases: string[], distortions: number, count = 3000): Set<string> {
  const random = new Random(99);
  const out = new Set<string>();
  for (let i = 0; i < count; i++) {
    const r = recordName(name, nationality, aliases, distortions, random);
    out.add(r.fullNameAsWritten);
    out.add(`${r.givenNames}|${r.familyName}`);
  }
  return out;
}

describe('spelling variants', () => {
  it('drops diacritics the way a keyboard without them does', () => {
    expect(withoutDiacritics('Ionuț Popescu')).toBe('Ionut Popescu');
    expect(withoutDiacritics('Nguyễn Thị Lan')).toBe('Nguyen Thi Lan');
    expect(withoutDiacritics('Kęstutis Kazlauskas')).toBe('Kestutis Kazlauskas');
    expect(withoutDiacritics('Łukasz Wójcik')).toBe('Lukasz Wojcik');
    expect(withoutDiacritics('Đặng')).toBe('Dang');
  });

  it('writes a Vietnamese name as the records of the period do', () => {
    const twice = renders(lan, 'VN', ['Lily'], 2);
    expect(twice).toContain('NGUYEN T. LAN');
    const once = renders(lan, 'VN', ['Lily'], 1);
    expect(once).toContain('Nguyen Thi Lan');
    // Native order read as Western order: the given name taken for the family name.
    expect(once).toContain('Nguyễn Thị|Lan');
    expect(once).toContain('Lily');
    expect(renders(lan, 'VN', ['Lily'], 0)).toContain('Nguyễn Thị Lan');
  });

  it('writes a Chinese name in pinyin, split pinyin, other romanisations and Hanzi', () => {
    const written = renders(xiaoling, 'CN', [], 2);
    expect(written).toContain('王晓玲');
    expect(written).toContain('Wong Xiaoling');
    expect([...written].some((w) => w.includes('Xiao Ling') || w.includes('Xiao-Ling'))).toBe(true);
  });

  it('sometimes writes a woman\'s family name in its masculine form', () => {
    expect(renders(kowalska, 'PL', [], 1)).toContain('Małgorzata|Kowalski');
  });

  it('leaves a name alone when asked for no distortion, apart from how the full name is laid out', () => {
    const random = new Random(5);
    for (let i = 0; i < 500; i++) {
      const r = recordName(lan, 'VN', ['Lily'], 0, random);
      expect([r.givenNames, r.familyName]).toEqual(['Thị Lan', 'Nguyễn']);
      expect(r.variants).toEqual([]);
    }
  });

  it('has name pools for every nationality, with masculine and feminine given names', () => {
    const random = new Random(1);
    for (const nationality of NATIONALITIES) {
      const convention = NAMING_CONVENTIONS[nationality];
      expect(convention.nationality).toBe(nationality);
      expect(convention.givenFemale.draw(random).latin).not.toBe('');
      expect(convention.givenMale.draw(random).latin).not.toBe('');
      expect(convention.family.draw(random).latin).not.toBe('');
    }
  });
});
