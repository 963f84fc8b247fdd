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

/** A table of items in a TableRegion: one header row, one row per item (its first cell usually a row header). */
export function DataTable<T>({
  label,
  headers,
  items,
  rowKey,
  row,
  testId,
}: {
  label: string;
  headers: readonly string[];
  items: readonly T[];
  rowKey: (item: T) => string;
  row: (item: T) => ReactNode;
  testId?: string;
}) {
  return (
    <TableRegion label={label}>
      <table data-testid={testId}>
        <thead>
          <tr>
            {headers.map((header) => (
              <th scope="col" key={header}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={rowKey(item)}>{row(item)}</tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
