import type { Role } from '../lifecycle';

/** Who is calling: from the bearer token's claims. Every event records it. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** The municipality; a caller never sees another tenant's cases. */
  readonly tenant: string;
  /** For organisation representatives: their organisation's organisationsnummer. */
  readonly organisationNumber?: string;
}
