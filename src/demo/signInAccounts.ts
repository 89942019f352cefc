// Demo accounts, one or more for every role. Their passwords are published in the README and
// printed at start-up, which is why they exist only in a demo database and never in production.
import type { Role } from '../access/roles.ts';

export interface DemoAccount {
  role: Role;
  organisationCode: string;
  email: string;
  displayName: string;
  password: string;
}

/** `second` tells apart a second account with the same role in the same organisation. */
function account(role: Role, organisationCode: string, displayName: string, second = false): DemoAccount {
  return { role, organisationCode, email: `${role}${second ? '2' : ''}.${organisationCode}@demo.lifeline.example`, displayName, password: `demo-password-${role}` };
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  account('officer', 'metropolitan', 'Priya Shah (demo officer)'),
  account('officer', 'west-midlands', 'Tom Okafor (demo officer)'),
  account('supervisor', 'metropolitan', 'Helen Marsh (demo supervisor)'),
  account('analyst', 'national-centre', 'Dev Patel (demo analyst)'),
  // A statistics release is approved by an analyst other than the one who prepared it.
  account('analyst', 'national-centre', 'Nadia Rahman (demo analyst)', true),
  account('information-line-adviser', 'national-centre', 'Aisling Byrne (demo adviser)'),
  account('first-responder', 'la-riverside', 'Sam Green (demo social worker)'),
  account('first-responder', 'immigration-heathrow', 'Kofi Mensah (demo immigration officer)'),
  account('charity-case-worker', 'charity-safe-harbour', 'Maria Lopez (demo case worker)'),
  account('decision-maker', 'competent-authority', 'James Reid (demo decision maker)'),
  account('organisation-administrator', 'metropolitan', 'Ruth Evans (demo organisation administrator)'),
  account('system-administrator', 'national-centre', 'Alex Kim (demo system administrator)'),
];
