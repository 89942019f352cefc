// Arrests with the offence arrested for, charges with their court outcome, and what was seized.
// Court outcomes depend on how long ago the operation was: the older the arrest, the fewer cases
// still pending. Offences follow the law of the arrest date: the Modern Slavery Act 2015 offence
// exists only from 31 July 2015, before which trafficking was charged under the 2003 and 2004 Acts.
import type { NetworkProfile } from './networkProfiles.ts';
import type { Random } from './random.ts';
import type { ArrestRecord, ChargeRecord, SeizedAssetRecord } from './records.ts';
import type { AssetType, CourtOutcome, Currency, Offence } from './vocabulary.ts';

const MODERN_SLAVERY_ACT_IN_FORCE = '2015-07-31';

export function offenceAt(offence: Offence, date: string): Offence {
  const trafficking = offence === 'trafficking-sexual-exploitation' || offence === 'trafficking-labour-exploitation';
  return trafficking && date >= MODERN_SLAVERY_ACT_IN_FORCE ? 'modern-slavery-offence' : offence;
}

function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

function courtOutcome(monthsSinceArrest: number, random: Random): CourtOutcome {
  const pendingWeight = Math.max(0.02, 1 - monthsSinceArrest / 24);
  return random.weightedChoice<CourtOutcome>([
    { value: 'convicted', weight: 0.6 * (1 - pendingWeight) },
    { value: 'acquitted', weight: 0.12 * (1 - pendingWeight) },
    { value: 'discontinued', weight: 0.2 * (1 - pendingWeight) + 0.05 },
    { value: 'pending', weight: pendingWeight },
  ]);
}

const SENTENCE_MEDIAN_MONTHS: Readonly<Record<Offence, number>> = {
  'trafficking-sexual-exploitation': 60, 'trafficking-labour-exploitation': 48, 'modern-slavery-offence': 72,
  'controlling-prostitution-for-gain': 24, 'brothel-keeping': 12, 'immigration-facilitation': 30,
  'drugs-production': 20, 'drugs-supply': 30, 'money-laundering': 24,
};

export interface ArrestRequest {
  id: string;
  personFoundId: string;
  visitId: string;
  forceCode: string;
  visitedAt: string;
  /** Controllers face the trafficking offences; helpers more often the lesser ones. */
  controller: boolean;
  profile: NetworkProfile;
  /** The date up to which court cases have had time to conclude (the end of the last operation). */
  asOf: string;
}

export function makeArrest(request: ArrestRequest, random: Random): ArrestRecord {
  const arrestedAt = addMinutes(request.visitedAt, random.integer(5, 90));
  const date = arrestedAt.slice(0, 10);
  const offences = request.controller
    ? request.profile.offences
    : request.profile.offences.map((o) => ({ value: o.value, weight: o.value.startsWith('trafficking') ? o.weight / 3 : o.weight }));
  const offence = offenceAt(random.weightedChoice(offences), date);
  const charges: ChargeRecord[] = [];
  if (random.chance(request.controller ? 0.75 : 0.45)) {
    const chargedOn = new Date(Date.parse(arrestedAt) + random.integer(0, 2) * 86_400_000).toISOString().slice(0, 10);
    const months = (Date.parse(request.asOf) - Date.parse(chargedOn)) / (30.44 * 86_400_000) + random.integer(6, 30);
    const charged = [offence];
    if (random.chance(0.25)) {
      const extra = offenceAt(random.choice<Offence>(['money-laundering', 'immigration-facilitation', 'controlling-prostitution-for-gain']), date);
      if (extra !== offence) charged.push(extra);
    }
    for (const chargedOffence of charged) {
      const outcome = courtOutcome(months, random);
      charges.push({
        offence: chargedOffence,
        chargedOn,
        courtOutcome: outcome,
        sentenceMonths: outcome === 'convicted' && random.chance(0.8)
          ? Math.max(3, Math.round(random.logNormal(SENTENCE_MEDIAN_MONTHS[chargedOffence], 0.5)))
          : null,
      });
    }
  }
  return {
    id: request.id,
    personFoundId: request.personFoundId,
    visitId: request.visitId,
    forceCode: request.forceCode,
    offence,
    arrestedAt,
    charges,
  };
}

const VEHICLES = ['Volkswagen Passat', 'BMW 5 Series', 'Mercedes-Benz C-Class', 'Audi A4', 'Ford Transit', 'Vauxhall Astra', 'Toyota Avensis', 'Ford Mondeo'];
const COLOURS = ['silver', 'black', 'white', 'blue', 'grey', 'red'];
const LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXY';

function letters(count: number, random: Random): string {
  let out = '';
  for (let i = 0; i < count; i++) out += LETTERS.charAt(random.integer(0, LETTERS.length - 1));
  return out;
}

/** A registration of the right shape for where the car was seized and when it could have been new. */
function registration(visitedAt: string, currency: Currency, random: Random): string {
  const year = Number(visitedAt.slice(0, 4));
  const registeredYear = random.integer(Math.max(2002, year - 6), year - 1);
  if (currency === 'EUR') return `${String(registeredYear).slice(2)}-${random.choice(['D', 'C', 'G', 'L', 'KE', 'MH'])}-${random.integer(100, 99999)}`;
  const yy = String(registeredYear % 100).padStart(2, '0');
  const ageIdentifier = random.chance(0.5) ? yy : String((registeredYear % 100) + 50);
  return `${letters(2, random)}${ageIdentifier} ${letters(3, random)}`;
}

function roundTo(amount: number, step: number): number {
  return Math.max(step, Math.round(amount / step) * step);
}

export interface SeizureRequest {
  visitId: string;
  forceCode: string;
  visitedAt: string;
  currency: Currency;
  arrests: number;
  newId: () => string;
}

/** What was seized at one visit; only visits with arrests seize anything. */
export function seizeAssets(request: SeizureRequest, random: Random): SeizedAssetRecord[] {
  if (request.arrests === 0) return [];
  const seized: SeizedAssetRecord[] = [];
  const add = (type: AssetType, amountMajor: number, description: string) =>
    seized.push({ id: request.newId(), visitId: request.visitId, forceCode: request.forceCode, type, amountMinor: Math.round(amountMajor * 100), currency: request.currency, description });
  const symbol = request.currency === 'EUR' ? '€' : '£';
  if (random.chance(0.7)) {
    const cash = roundTo(random.logNormal(1900, 1.05), 10);
    add('cash', cash, `Cash, ${symbol}${cash.toLocaleString('en-GB')}, found ${random.choice(['in a safe', 'in a bedroom drawer', 'at reception', 'in a car at the address', 'on the person arrested'])}`);
  }
  if (random.chance(0.12)) {
    const value = roundTo(random.logNormal(6000, 0.6), 50);
    add('vehicle', value, `${random.choice(COLOURS)} ${random.choice(VEHICLES)}, registration ${registration(request.visitedAt, request.currency, random)}`.replace(/^./, (c) => c.toUpperCase()));
  }
  if (random.chance(0.05)) add('jewellery', roundTo(random.logNormal(2500, 0.8), 10), 'Gold jewellery (watches, chains and rings)');
  // Ireland's confiscation regime is its own (the Criminal Assets Bureau), not the UK's 2002 Act.
  const restraint = request.currency === 'EUR' ? 'frozen on application of the Criminal Assets Bureau' : 'restrained under the Proceeds of Crime Act 2002';
  if (random.chance(0.06)) add('bank-funds', roundTo(random.logNormal(15000, 1), 1), `Bank account funds ${restraint}`);
  if (random.chance(0.01)) add('property', roundTo(random.logNormal(180000, 0.4), 1000), `Residential property ${restraint}`);
  if (random.chance(0.05)) add('other', roundTo(random.logNormal(400, 0.7), 10), random.choice(['Mobile phones and SIM cards', 'Laptop computer and card reader', 'Money transfer receipts and ledgers']));
  return seized;
}
