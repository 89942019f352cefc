import { vocabulary } from './vocabulary.ts';

export const seizedAssetTypeTerms = [
  { id: 'cash', label: 'Cash' },
  { id: 'bank-funds', label: 'Funds in bank accounts (frozen or seized)' },
  { id: 'cryptoassets', label: 'Cryptoassets' },
  { id: 'vehicle', label: 'Vehicle' },
  { id: 'property', label: 'Land or buildings' },
  { id: 'jewellery', label: 'Jewellery and watches' },
  { id: 'luxury-goods', label: 'Other high-value goods' },
  { id: 'phones-and-devices', label: 'Phones, computers and other devices' },
  { id: 'identity-documents', label: 'Identity documents (passports, ID cards)' },
  { id: 'drugs', label: 'Controlled drugs' },
  { id: 'weapons', label: 'Firearms and other weapons' },
  { id: 'other', label: 'Other' },
] as const;

export type SeizedAssetType = (typeof seizedAssetTypeTerms)[number]['id'];
export const seizedAssetTypes = vocabulary('seized asset types', seizedAssetTypeTerms);
