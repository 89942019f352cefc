// The entities of the network and the relationships between them, after the FollowTheMoney
// model (DOMAIN.md). An entity's key is its identity in the network: two records that write the
// same phone differently ("07700 900123", "+44 7700 900123") name the same key, so they link.
import { foldName } from '../nameSearch.ts';
import { normalisePhone } from '../phone.ts';

export const ENTITY_TYPES = ['person', 'premises', 'address', 'phone', 'vehicle', 'bank-account', 'email', 'advert', 'organisation'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person', premises: 'Premises', address: 'Address', phone: 'Phone', vehicle: 'Vehicle', 'bank-account': 'Bank account',
  email: 'Email address', advert: 'Online advert', organisation: 'Organisation',
};

export const RELATIONSHIP_TYPES = ['lives-at', 'works-at', 'seen-at', 'called', 'owns', 'drives', 'paid', 'associate-of', 'family-of'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const RELATIONSHIP_LABELS: Record<RelationshipType, string> = {
  'lives-at': 'lives at', 'works-at': 'works at', 'seen-at': 'seen at', called: 'called', owns: 'owns', drives: 'drives', paid: 'paid',
  'associate-of': 'associate of', 'family-of': 'family of',
};

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

export function isRelationshipType(value: string): value is RelationshipType {
  return (RELATIONSHIP_TYPES as readonly string[]).includes(value);
}

/** An entity as a report names it: its key, a label to show, and exactly what was written. */
export interface NamedEntity {
  readonly type: EntityType;
  readonly key: string;
  readonly label: string;
  readonly written: string;
  readonly properties: Readonly<Record<string, string>>;
}

export type NamedEntityResult = { readonly ok: true; readonly entity: NamedEntity } | { readonly ok: false; readonly problem: string };

const compact = (text: string): string => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * Reads an entity typed by an officer. `second` is the second box of the row: the site of an
 * advert, the bank of an account. People and organisations are keyed by their folded name
 * within the report's organisation (`scope`), because a name alone does not identify anyone.
 */
export function nameEntity(type: EntityType, written: string, second: string, scope: string): NamedEntityResult {
  const text = written.trim();
  if (text === '') return { ok: false, problem: 'Enter what the report names' };
  switch (type) {
    case 'phone': {
      const phone = normalisePhone(text);
      const key = phone.e164 ?? `written:${compact(text)}`;
      return { ok: true, entity: { type, key: `phone:${key}`, label: phone.e164 ?? text, written: text, properties: { number: phone.e164 ?? '', written: text } } };
    }
    case 'vehicle': {
      const registration = compact(text);
      if (registration.length < 2) return { ok: false, problem: 'Enter the vehicle registration' };
      return { ok: true, entity: { type, key: `vehicle:${registration}`, label: registration, written: text, properties: { registrationNumber: registration } } };
    }
    case 'email': {
      const email = text.toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { ok: false, problem: 'Enter an email address in the correct format, like name@example.com' };
      return { ok: true, entity: { type, key: `email:${email}`, label: email, written: text, properties: { email } } };
    }
    case 'bank-account': {
      const number = compact(text);
      if (number.length < 6) return { ok: false, problem: 'Enter the account number or IBAN' };
      const bank = second.trim();
      return { ok: true, entity: { type, key: `bank-account:${number}`, label: bank === '' ? number : `${number} (${bank})`, written: text, properties: { accountNumber: number, bankName: bank } } };
    }
    case 'advert': {
      const site = second.trim().toLowerCase();
      if (site === '') return { ok: false, problem: 'Enter the website of the advert' };
      return { ok: true, entity: { type, key: `advert:${site}|${text}`, label: `${text} on ${site}`, written: text, properties: { site, identifier: text } } };
    }
    case 'address': {
      const postcode = compact(second);
      const folded = foldName(text);
      return { ok: true, entity: { type, key: `address:${postcode}|${folded}`, label: second.trim() === '' ? text : `${text}, ${second.trim().toUpperCase()}`, written: text, properties: { full: text, postalCode: second.trim() } } };
    }
    case 'person':
    case 'organisation':
      return { ok: true, entity: { type, key: `${type}:${scope}|${foldName(text)}`, label: text, written: text, properties: { name: text } } };
    case 'premises':
      return { ok: false, problem: 'Choose premises from the existing records' };
  }
}

export function entityTypeOfKey(key: string): EntityType | undefined {
  const type = key.slice(0, key.indexOf(':'));
  return isEntityType(type) ? type : undefined;
}
