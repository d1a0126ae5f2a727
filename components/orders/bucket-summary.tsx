export interface BucketTile {
  bucket: string;
  label: string;
  count: number;
  countLabel: string;
}

export function BucketSummary({ buckets }: { buckets: BucketTile[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {buckets.map((b) => (
        <li key={b.bucket} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-bucket={b.bucket}>
          <h2 className="text-sm font-medium text-slate-600">{b.label}</h2>
          <p className="mt-2 text-3xl font-semibold tabular-nums text-slate-900" aria-label={b.countLabel}>
            {b.count}
          </p>
        </li>
      ))}
    </ul>
  );
}
