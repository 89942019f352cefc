import type { VictimPathPolicy } from '../domain/victimPath/policy.ts';
import type { FieldCipher } from '../security/fieldCipher.ts';
import type { Store } from '../store/store.ts';

export type Clock = () => Date;

export interface SecuritySettings {
  lockoutThreshold: number;
  lockoutMinutes: number;
  requireSecondFactor: boolean;
}

/** What every service needs: built once in the composition root, passed in, never imported as a global. */
export interface ServiceContext {
  store: Store;
  clock: Clock;
  fieldCipher: FieldCipher;
  security: SecuritySettings;
  /** The reflection period's minimum, the decision target and the like (config `victimPath`). */
  victimPath: VictimPathPolicy;
}

export function isoNow(clock: Clock): string {
  return clock().toISOString();
}
