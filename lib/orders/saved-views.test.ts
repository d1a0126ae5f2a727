// Saved queue views on a real store (SQLite, and PostgreSQL in vitest's "postgresql" project).
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/access";
import { deleteView, listSavedViews, saveView } from "./saved-views";

setupTestDatabase();

let camille: Actor;
let dominique: Actor;

beforeAll(async () => {
  const make = async (email: string): Promise<Actor> => {
    const u = await db.user.create({ data: { email, name: email, passwordHash: "x" } });
    return { id: u.id, email: u.email, name: u.name };
  };
  camille = await make("camille@views.test");
  dominique = await make("dominique@views.test");
});

describe("saved views", () => {
  it("stores the queue's canonical query, and a view saved again under its name replaces it", async () => {
    expect(await saveView(db, { actor: camille, name: "Gros montants", query: "sort=amount&unknown=1&view=SHIPPED" })).toMatchObject({ name: "Gros montants", query: "view=SHIPPED&sort=amount" });
    await saveView(db, { actor: camille, name: "Gros montants", query: "view=CANCELED" });
    expect(await listSavedViews(db, camille.id)).toEqual([expect.objectContaining({ name: "Gros montants", query: "view=CANCELED" })]);
  });

  it("two saves under one name at once leave one view", async () => {
    await Promise.all([saveView(db, { actor: camille, name: "En double", query: "view=NEW" }), saveView(db, { actor: camille, name: "En double", query: "view=NEW" })]);
    expect(await db.savedView.count({ where: { userId: camille.id, name: "En double" } })).toBe(1);
  });

  it("lists and deletes only the user's own views", async () => {
    const theirs = await saveView(db, { actor: dominique, name: "À expédier", query: "view=WAITING_SHIPMENT" });
    expect((await listSavedViews(db, camille.id)).map((v) => v.name)).not.toContain("À expédier");
    await deleteView(db, { actor: camille, id: theirs.id });
    expect(await listSavedViews(db, dominique.id)).toEqual([theirs]);
    await deleteView(db, { actor: dominique, id: theirs.id });
    expect(await listSavedViews(db, dominique.id)).toEqual([]);
  });
});
