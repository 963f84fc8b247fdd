import { RequireRoles } from '../cases/shared/require-roles';

/** Verification and exports: for auditors and admins. */
export const ForAuditors = () => RequireRoles(['auditor', 'admin'], 'Verification and exports are for auditors and admins.');
