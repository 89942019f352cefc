import { rolesOnly } from '../../access/policies/routes.ts';

/** Who may open the network pages; the services then narrow what each of them sees. */
export const NETWORK_READERS = rolesOnly('officer', 'supervisor', 'analyst');
