import { describe, expect, it } from 'vitest';
import { forceCodes, type ForceCode } from '../../src/public/routing/forceCodes.ts';
import { forceByPostcodeArea } from '../../src/public/routing/postcodeAreas.ts';
import { forceByPostcodeDistrict } from '../../src/public/routing/postcodeDistricts.ts';
import { forceByTown } from '../../src/public/routing/towns.ts';
import {
  compactPostcode,
  normaliseTownName,
  routeByPostcode,
  routeToForce,
  type RoutingBasis,
} from '../../src/public/routing/routeToForce.ts';

// Facts checked by hand: each postcode lies in the named force's area.
const knownPostcodes: [string, ForceCode, RoutingBasis][] = [
  ['M1 1AE', 'greater-manchester', 'postcode-area'],
  ['B1 1AA', 'west-midlands', 'postcode-area'],
  ['CF10', 'south-wales', 'postcode-area'],
  ['CF10 1EP', 'south-wales', 'postcode-area'],
  ['LL57', 'north-wales', 'postcode-area'],
  ['EH1', 'police-scotland', 'postcode-area'],
  ['EH1 1YZ', 'police-scotland', 'postcode-area'],
  ['BT1', 'psni', 'postcode-area'],
  ['BT1 5GS', 'psni', 'postcode-area'],
  ['D02 X285', 'garda', 'eircode'],
  ['E1 6AN', 'metropolitan', 'postcode-area'],
  ['EC2V', 'city-of-london', 'postcode-area'],
  ['EC2V 7HH', 'city-of-london', 'postcode-area'],
  ['TD15', 'northumbria', 'postcode-district'],
  ['TD15 1BT', 'northumbria', 'postcode-district'],
  ['TD1', 'police-scotland', 'postcode-area'],
  ['OX1', 'thames-valley', 'postcode-area'],
  ['BS1', 'avon-and-somerset', 'postcode-area'],
  ['LS1', 'west-yorkshire', 'postcode-area'],
  ['NE1', 'northumbria', 'postcode-area'],
  ['SR1', 'northumbria', 'postcode-area'],
  ['DH1', 'durham', 'postcode-area'],
  ['TS1', 'cleveland', 'postcode-area'],
  ['SW1A 2AA', 'metropolitan', 'postcode-area'],
  ['WC2N 5DU', 'metropolitan', 'postcode-area'],
  ['G1 1XQ', 'police-scotland', 'postcode-area'],
  ['AB10', 'police-scotland', 'postcode-area'],
  ['ZE1', 'police-scotland', 'postcode-area'],
  ['L1 8JQ', 'merseyside', 'postcode-area'],
  ['S1 2HH', 'south-yorkshire', 'postcode-area'],
  ['NG1 5FS', 'nottinghamshire', 'postcode-area'],
  ['SA1 1NW', 'south-wales', 'postcode-area'],
  ['SA31 1AA', 'dyfed-powys', 'postcode-district'],
  ['NP20 1AA', 'gwent', 'postcode-area'],
  ['CH41', 'merseyside', 'postcode-district'],
  ['CH5', 'north-wales', 'postcode-district'],
  ['DA7', 'metropolitan', 'postcode-district'],
  ['DA1', 'kent', 'postcode-area'],
  ['CR0 1NX', 'metropolitan', 'postcode-area'],
  ['CR3', 'surrey', 'postcode-district'],
  ['KT1 1EU', 'metropolitan', 'postcode-district'],
  ['KT22', 'surrey', 'postcode-area'],
  ['RM17', 'essex', 'postcode-district'],
  ['RH10', 'sussex', 'postcode-district'],
  ['PE30', 'norfolk', 'postcode-district'],
  ['PO30', 'hampshire', 'postcode-area'],
  ['CV1', 'west-midlands', 'postcode-area'],
  ['CV37', 'warwickshire', 'postcode-district'],
  ['DN31', 'humberside', 'postcode-district'],
  ['HU1', 'humberside', 'postcode-area'],
  ['YO1', 'north-yorkshire', 'postcode-area'],
  ['LA9', 'cumbria', 'postcode-district'],
  ['HP1', 'hertfordshire', 'postcode-district'],
  ['HP20', 'thames-valley', 'postcode-area'],
  ['TW18', 'surrey', 'postcode-district'],
  ['TW1', 'metropolitan', 'postcode-area'],
];

describe('routing by postcode', () => {
  it.each(knownPostcodes)('%s → %s (%s)', (postcode, force, basis) => {
    expect(routeToForce({ postcode })).toEqual({ forceCode: force, basis });
  });

  it('normalises case and spacing', () => {
    expect(compactPostcode(' ec2v-7hh ')).toBe('EC2V7HH');
    expect(routeToForce({ postcode: 'm11ae' })).toEqual({ forceCode: 'greater-manchester', basis: 'postcode-area' });
    expect(routeToForce({ postcode: 'td15  1bt' })?.forceCode).toBe('northumbria');
    expect(routeToForce({ postcode: 'ｍ１ １ＡＥ' })?.forceCode).toBe('greater-manchester');
  });

  it('tells Eircodes from London postcodes', () => {
    expect(routeByPostcode('A65 F4E2')).toEqual({ forceCode: 'garda', basis: 'eircode' });
    expect(routeByPostcode('D6W 1234')?.forceCode).toBe('garda');
    expect(routeByPostcode('T12')?.forceCode).toBe('garda');
    expect(routeByPostcode('W91 XY12')?.forceCode).toBe('garda');
    expect(routeByPostcode('N37')?.forceCode).toBe('garda');
    expect(routeByPostcode('N22')?.forceCode).toBe('metropolitan');
    expect(routeByPostcode('E20')?.forceCode).toBe('metropolitan');
    expect(routeByPostcode('W12 7RJ')?.forceCode).toBe('metropolitan');
  });

  it('returns null for what it cannot place', () => {
    expect(routeToForce({})).toBeNull();
    expect(routeToForce({ postcode: '' })).toBeNull();
    expect(routeToForce({ postcode: 'not a postcode' })).toBeNull();
    expect(routeToForce({ postcode: 'QQ1 1AA' })).toBeNull();
    expect(routeToForce({ postcode: 'JE2 3AB' })).toBeNull(); // Jersey: its own police, not in the roster
    expect(routeToForce({ postcode: '12345' })).toBeNull();
  });
});

describe('routing by town', () => {
  it.each<[string, ForceCode]>([
    ['Manchester', 'greater-manchester'],
    ['  LEEDS ', 'west-yorkshire'],
    ['St Albans', 'hertfordshire'],
    ['Saint Albans', 'hertfordshire'],
    ['st. albans', 'hertfordshire'],
    ["King's Lynn", 'norfolk'],
    ['Stoke-on-Trent', 'staffordshire'],
    ['Berwick-upon-Tweed', 'northumbria'],
    ['Caerdydd', 'south-wales'],
    ['Baile Átha Cliath', 'garda'],
    ['Dún Laoghaire', 'garda'],
    ['Derry~Londonderry', 'psni'],
    ['Belfast', 'psni'],
    ['Glasgow', 'police-scotland'],
    ['City of London', 'city-of-london'],
    ['The City of London', 'city-of-london'],
  ])('%s → %s', (town, force) => {
    expect(routeToForce({ town })).toEqual({ forceCode: force, basis: 'town' });
  });

  it('prefers a placeable postcode, and falls back to the town when the postcode cannot be placed', () => {
    expect(routeToForce({ postcode: 'LS1 4AP', town: 'Manchester' })?.forceCode).toBe('west-yorkshire');
    expect(routeToForce({ postcode: 'garbage', town: 'Manchester' })).toEqual({ forceCode: 'greater-manchester', basis: 'town' });
  });

  it('returns null for unknown or ambiguous towns', () => {
    expect(routeToForce({ town: 'Atlantis' })).toBeNull();
    expect(routeToForce({ town: 'Richmond' })).toBeNull();
    expect(routeToForce({ town: '' })).toBeNull();
    expect(routeToForce({ town: '!!!' })).toBeNull();
  });

  it('normalises names', () => {
    expect(normaliseTownName('  Bishop’s   Stortford ')).toBe('bishops stortford');
    expect(normaliseTownName('Dún Laoghaire')).toBe('dun laoghaire');
  });
});

describe('routing by what was typed in the address', () => {
  it('finds a full postcode or Eircode inside the address', () => {
    expect(routeToForce({ address: '12 High Street, Leeds LS1 4AP' })).toEqual({ forceCode: 'west-yorkshire', basis: 'postcode-area' });
    expect(routeToForce({ address: 'Flat 2, 1 Marygate, Berwick-upon-Tweed TD15 1BT' })?.forceCode).toBe('northumbria');
    expect(routeToForce({ address: 'Apt 4, Grand Canal Dock, Dublin 2, D02 X285' })).toEqual({ forceCode: 'garda', basis: 'eircode' });
  });

  it('finds a town among the parts of the address', () => {
    expect(routeToForce({ address: 'The car wash on Station Road,\nWrexham' })).toEqual({ forceCode: 'north-wales', basis: 'town' });
  });

  it('lets the postcode and town fields win over the address', () => {
    expect(routeToForce({ postcode: 'M1 1AE', address: 'Leeds LS1 4AP' })?.forceCode).toBe('greater-manchester');
    expect(routeToForce({ town: 'Cardiff', address: 'Leeds' })?.forceCode).toBe('south-wales');
  });

  it('does not read a house number or a phone number as a postcode', () => {
    expect(routeToForce({ address: '123 Long Lane' })).toBeNull();
    expect(routeToForce({ address: 'call 07700 900982' })).toBeNull();
  });
});

describe('routing data', () => {
  const areaPattern = /^[A-Z]{1,2}$/;
  const districtPattern = /^[A-Z]{1,2}\d[A-Z\d]?$/;

  it('covers every postcode area of Great Britain and Northern Ireland', () => {
    const areas = Object.keys(forceByPostcodeArea);
    expect(areas.every((area) => areaPattern.test(area))).toBe(true);
    // 120 areas in Great Britain, plus BT; the Crown dependencies are deliberately absent.
    expect(areas).toHaveLength(121);
    for (const scottish of ['AB', 'DD', 'DG', 'EH', 'FK', 'G', 'HS', 'IV', 'KA', 'KW', 'KY', 'ML', 'PA', 'PH', 'TD', 'ZE']) {
      expect(forceByPostcodeArea[scottish], scottish).toBe('police-scotland');
    }
    for (const london of ['E', 'N', 'NW', 'SE', 'SW', 'W', 'WC']) {
      expect(forceByPostcodeArea[london], london).toBe('metropolitan');
    }
    expect(areas).not.toContain('JE');
    expect(areas).not.toContain('GY');
    expect(areas).not.toContain('IM');
  });

  it('gives districts only inside known areas and only with real force codes', () => {
    for (const [district, force] of Object.entries(forceByPostcodeDistrict)) {
      expect(district).toMatch(districtPattern);
      expect(Object.keys(forceByPostcodeArea)).toContain(/^[A-Z]+/.exec(district)?.[0]);
      expect(forceCodes).toContain(force);
    }
  });

  it('stores town names already normalised, so every entry can be found', () => {
    for (const [town, force] of Object.entries(forceByTown)) {
      expect(normaliseTownName(town), town).toBe(town);
      expect(forceCodes).toContain(force);
    }
  });
});
