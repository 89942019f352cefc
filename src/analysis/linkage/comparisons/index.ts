import { addressComparison } from './address.ts';
import { areaComparison, nationalityComparison, sexComparison } from './category.ts';
import type { ComparisonKind, ComparisonKindDefinition } from './comparison.ts';
import { dateOfBirthComparison } from './dateOfBirth.ts';
import { documentNumberComparison } from './documentNumber.ts';
import { emailComparison } from './email.ts';
import { aliasComparison, familyNameComparison, givenNameComparison } from './name.ts';
import { phoneComparison } from './phone.ts';
import { postcodeComparison } from './postcode.ts';

export const comparisonKinds: Readonly<Record<ComparisonKind, ComparisonKindDefinition>> = {
  givenName: givenNameComparison,
  familyName: familyNameComparison,
  dateOfBirth: dateOfBirthComparison,
  sex: sexComparison,
  nationality: nationalityComparison,
  phone: phoneComparison,
  postcode: postcodeComparison,
  address: addressComparison,
  alias: aliasComparison,
  documentNumber: documentNumberComparison,
  email: emailComparison,
  area: areaComparison,
};

export * from './comparison.ts';
