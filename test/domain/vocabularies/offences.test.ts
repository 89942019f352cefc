import { describe, expect, it } from 'vitest';
import { citation, offences, offencesIn } from '../../../src/domain/vocabularies/offences.ts';

describe('offences', () => {
  it('cites the Act and section', () => {
    expect(citation('msa-2015-s2-human-trafficking')).toBe('Modern Slavery Act 2015 s.2');
    expect(citation('soa-2003-s53-controlling-prostitution-for-gain')).toBe('Sexual Offences Act 2003 s.53');
    expect(citation('aitoc-2004-s4-trafficking-for-exploitation')).toBe('Asylum and Immigration (Treatment of Claimants, etc.) Act 2004 s.4');
    expect(citation('ia-1971-s25-assisting-unlawful-immigration')).toBe('Immigration Act 1971 s.25');
  });

  it('holds every provision the brief names, by Act and section', () => {
    const cited = new Set(offences.ids.map((id) => citation(id)));
    for (const expected of [
      'Modern Slavery Act 2015 s.1',
      'Modern Slavery Act 2015 s.2',
      'Sexual Offences Act 2003 s.53',
      'Sexual Offences Act 2003 s.57',
      'Sexual Offences Act 2003 s.58',
      'Sexual Offences Act 2003 s.59',
      'Asylum and Immigration (Treatment of Claimants, etc.) Act 2004 s.4',
      'Immigration Act 1971 s.25',
      'Misuse of Drugs Act 1971 s.4',
      'Misuse of Drugs Act 1971 s.5',
      'Human Trafficking and Exploitation (Scotland) Act 2015 s.1',
      'Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (Northern Ireland) 2015 s.2',
      'Criminal Law (Human Trafficking) Act 2008 s.2',
      'Criminal Law (Human Trafficking) Act 2008 s.3',
      'Criminal Law (Human Trafficking) Act 2008 s.4',
    ]) {
      expect(cited).toContain(expected);
    }
  });

  it('lists only the offences of the jurisdiction', () => {
    const scottish = offencesIn('scotland').map((o) => o.id);
    expect(scottish).toContain('htes-2015-s1-human-trafficking');
    expect(scottish).not.toContain('msa-2015-s2-human-trafficking');
    expect(offencesIn('ireland').map((o) => o.id)).not.toContain('ia-1971-s25-assisting-unlawful-immigration');
  });

  it('in 2007 offers the offences of the day, not the Modern Slavery Act', () => {
    const in2007 = offencesIn('england-and-wales', 2007).map((o) => o.id);
    expect(in2007).toContain('soa-2003-s57-trafficking-into-uk-sexual-exploitation');
    expect(in2007).toContain('aitoc-2004-s4-trafficking-for-exploitation');
    expect(in2007).not.toContain('msa-2015-s2-human-trafficking');
    const in2024 = offencesIn('england-and-wales', 2024).map((o) => o.id);
    expect(in2024).toContain('msa-2015-s2-human-trafficking');
    expect(in2024).not.toContain('soa-2003-s57-trafficking-into-uk-sexual-exploitation');
  });
});
