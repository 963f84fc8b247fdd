import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a narrow screen (360 px, 200 % zoom) instead of the page:
 * a labelled region that takes focus, so it scrolls by keyboard too.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
