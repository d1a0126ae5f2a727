// A user's saved queue views: a name and the queue's canonical query string. The query
// is re-read through the queue's own parser before it is stored, so a saved view can
// only hold what the queue understands.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/access";
import { parseQueueParams, queueParamsToSearch } from "./queue-params";

export interface SavedViewRow {
  id: string;
  name: string;
  query: string;
}

export const MAX_SAVED_VIEWS = 50;

export async function listSavedViews(db: Db, userId: string): Promise<SavedViewRow[]> {
  return db.savedView.findMany({ where: { userId }, orderBy: { name: "asc" }, select: { id: true, name: true, query: true }, take: MAX_SAVED_VIEWS });
}

/** Saves (or replaces, by name) the view; returns it as stored. */
export async function saveView(db: Db, { actor, name, query }: { actor: Actor; name: string; query: string }): Promise<SavedViewRow> {
  const canonical = queueParamsToSearch(parseQueueParams(new URLSearchParams(query)));
  return db.savedView.upsert({
    where: { userId_name: { userId: actor.id, name } },
    create: { userId: actor.id, name, query: canonical },
    update: { query: canonical },
    select: { id: true, name: true, query: true },
  });
}

/** Deletes one of the actor's views; someone else's id deletes nothing. */
export async function deleteView(db: Db, { actor, id }: { actor: Actor; id: string }): Promise<void> {
  await db.savedView.deleteMany({ where: { id, userId: actor.id } });
}
