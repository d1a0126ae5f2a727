#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on machines
# limited to the npm registry. `prisma generate` only needs this path to exist.
# Migrations go through the WebAssembly engine: npm run db:migrate / db:deploy.
echo "Prisma's native schema engine is not installed here; use npm run db:migrate or npm run db:deploy (WebAssembly engine)." >&2
exit 1
