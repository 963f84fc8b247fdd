import { RequireRoles } from '../cases/shared/require-roles';

/** Verification and exports: for auditors and admins. */
export const ForAuditors = () => RequireRoles(['auditor', 'admin'], 'Verification and exports are for auditors and admins.');

/** The archive package of a closed case: for archivists and admins. */
export const ForArchivists = () => RequireRoles(['archivist', 'admin'], 'The archive package is for archivists and admins.');
