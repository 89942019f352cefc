// Addresses that look like the force's own area: a real postcode district or Eircode routing key
// with its post town, an invented street and an inward code of the right shape. No address is
// meant to be a real one; the street names are the commonest in the UK and Ireland, so any match
// with a real building is a coincidence of the kind the demo cannot avoid.
import type { ForceArea } from './forceAreas.ts';
import type { Random } from './random.ts';
import type { PremisesRecord } from './records.ts';
import type { PremisesType } from './vocabulary.ts';

const UK_STREETS = [
  'High Street', 'Station Road', 'Church Street', 'Victoria Road', 'Park Road', 'Green Lane', 'Mill Lane',
  'King Street', 'Queen Street', 'Albert Road', 'London Road', 'Manor Road', 'Church Road', 'New Road',
  'Springfield Road', 'Grange Road', 'North Street', 'Market Street', 'Commercial Road', 'Cemetery Road',
  'Stanley Road', 'Alexandra Road', 'Richmond Road', 'York Road', 'West Street', 'Bridge Street',
  'Chapel Street', 'Highfield Road', 'Windsor Road', 'Mount Pleasant', 'Cross Street', 'Wellington Street',
  'Nelson Street', 'Clarence Road', 'Union Street', 'George Street', 'Castle Street', 'Broadway',
];

const IRISH_STREETS = [
  'Main Street', 'Parnell Street', "O'Connell Street", 'Church Street', 'Bridge Street', 'Dublin Road',
  'Mary Street', 'Abbey Street', 'Thomas Street', 'Dorset Street', 'Patrick Street', 'Gardiner Street',
  'Summerhill', 'North Circular Road', 'South Circular Road', 'Green Street', 'Castle Street',
];

const BUSINESS_NAMES: Partial<Record<PremisesType, readonly string[]>> = {
  'massage-parlour': ['Golden Lotus Health Spa', 'Oriental Relax', 'Jade Garden Massage', 'Bamboo Therapy', 'Orchid Wellbeing', 'Silk Touch'],
  sauna: ['Tropicana Sauna', 'The Retreat Health Club', 'Paradise Sauna', 'Blue Lagoon Spa', 'Siam Sauna'],
  'nail-bar': ['Star Nails', 'Perfect Nails', 'Nail Studio', 'Glamour Nails', 'Lucky Nails', 'Top Nails'],
  'car-wash': ['Hand Car Wash', 'Sparkle Valeting', 'Express Hand Wash', 'Crystal Car Wash', 'Supreme Valet'],
  hotel: ['Station Hotel', 'Park View Guest House', 'Royal Lodge', 'The Crown Inn', 'Airport Lodge'],
  farm: ['Greenacres Farm', 'Manor Farm', 'Hill Top Farm', 'Willow Farm', 'Fenland Produce'],
  factory: ['Eastway Packaging Ltd', 'Northside Foods Ltd', 'Regal Textiles', 'Prime Meat Processing', 'County Recycling'],
  brothel: ['Number 9 Sauna', 'Angels', 'The Parlour'],
};

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const EIRCODE_CHARACTERS = '0123456789ACDEFHKNPRTVWXY';

function inwardCode(random: Random): string {
  return `${random.integer(0, 9)}${INWARD_LETTERS.charAt(random.integer(0, INWARD_LETTERS.length - 1))}${INWARD_LETTERS.charAt(random.integer(0, INWARD_LETTERS.length - 1))}`;
}

function eircodeIdentifier(random: Random): string {
  let out = '';
  for (let i = 0; i < 4; i++) out += EIRCODE_CHARACTERS.charAt(random.integer(0, EIRCODE_CHARACTERS.length - 1));
  return out;
}

function firstLine(type: PremisesType, street: string, random: Random): string[] {
  const number = random.integer(1, 240);
  switch (type) {
    case 'private-flat':
      return [`Flat ${random.integer(1, 24)}`, `${number} ${street}`];
    case 'hotel':
      return [`Room ${random.integer(1, 40)}`, `${number} ${street}`];
    case 'factory':
    case 'car-wash':
      return random.chance(0.5) ? [`Unit ${random.integer(1, 30)}`, `${street} Industrial Estate`] : [`${number} ${street}`];
    case 'farm':
      return [street.replace(/ (Street|Road)$/, ' Lane')];
    case 'cannabis-farm':
      // Usually an ordinary rented house, sometimes a flat above a shop.
      return random.chance(0.7) ? [`${number} ${street}`] : [`Flat above ${number} ${street}`];
    case 'brothel':
    case 'massage-parlour':
    case 'sauna':
    case 'nail-bar':
    case 'other':
      return random.chance(0.3) ? [`${number}a ${street}`] : [`${number} ${street}`];
  }
}

/** British Transport Police meet trafficking at stations: people moved through them, not premises. */
const STATIONS: Readonly<Record<string, readonly [string, string]>> = {
  NW1: ['Euston station', 'Euston Road'], N1: ["King's Cross station", 'Euston Road'], SE1: ['Waterloo station', 'Waterloo Road'],
  EC2M: ['Liverpool Street station', 'Liverpool Street'], B2: ['Birmingham New Street station', 'Station Street'],
  M1: ['Manchester Piccadilly station', 'Piccadilly'], LS1: ['Leeds station', 'New Station Street'],
  G1: ['Glasgow Central station', 'Gordon Street'], EH1: ['Edinburgh Waverley station', 'Waverley Bridge'],
};

export function createPremises(id: string, forceCode: string, area: ForceArea, type: PremisesType, random: Random): PremisesRecord {
  const place = random.choice(area.districts);
  const station = area.key === 'british-transport' ? STATIONS[place.district] : undefined;
  if (station !== undefined) {
    return { id, forceCode, type: 'other', name: station[0], addressLines: [station[1]], town: place.town, postcode: `${place.district} ${inwardCode(random)}` };
  }
  const eircode = area.postcodeSystem === 'eircode';
  const street = random.choice(eircode ? IRISH_STREETS : UK_STREETS);
  const names = BUSINESS_NAMES[type];
  const name = names !== undefined && (type !== 'brothel' || random.chance(0.2)) ? random.choice(names) : null;
  const addressLines = firstLine(type, street, random);
  return {
    id,
    forceCode,
    type,
    name,
    addressLines,
    town: place.town,
    postcode: `${place.district} ${eircode ? eircodeIdentifier(random) : inwardCode(random)}`,
  };
}
