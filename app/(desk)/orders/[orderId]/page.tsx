import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { authorizedPage } from "@/lib/auth/page-access";
import { roleCan } from "@/lib/auth/permissions";
import { authorizeQueue } from "@/lib/orders/queue-access";
import { getOrderDetail } from "@/lib/orders/queue";
import { OrderDetailView } from "@/components/orders/order-detail";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orders.detail"))("title") };
}

export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { readableShops } = await authorizedPage(authorizeQueue("all"));
  const detail = await getOrderDetail(db, { shopIds: readableShops.map((s) => s.shopId), orderId: (await params).orderId });
  // Another shop's order and a missing one look the same.
  if (!detail) notFound();
  const role = readableShops.find((s) => s.shopId === detail.shopId)!.role;
  return <OrderDetailView initial={detail} canAct={roleCan(role, "orders.act")} />;
}
