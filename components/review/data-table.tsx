// A plain, captioned table of figures: the text alternative of a chart, or a summary.
export interface DataTableProps {
  caption: string;
  columns: string[];
  /** The first cell of each row is its header. */
  rows: string[][];
  /** Rows after the body, e.g. totals. */
  footer?: string[][];
}

export function DataTable({ caption, columns, rows, footer }: DataTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={i === 0 ? "py-2 pr-4 font-medium" : "px-3 py-2 text-right font-medium"}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="py-1.5 pr-4 font-normal text-slate-800">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="px-3 py-1.5 text-right tabular-nums text-slate-800">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer?.length ? (
          <tfoot className="border-t border-slate-300 font-medium">
            {footer.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="py-1.5 pr-4 text-slate-900">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="px-3 py-1.5 text-right tabular-nums text-slate-900">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
