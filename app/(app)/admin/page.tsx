import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { adminPagesFor } from "@/lib/admin/pages";
import { requireUser } from "@/lib/auth/session";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const actor = await requireUser();
  const pages = adminPagesFor(actor.role);
  // Like any page the role may not open: not found.
  if (pages.length === 0) notFound();
  return (
    <>
      <PageHeader title="Administration" />
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {pages.map((page) => (
          <li key={page.href}>
            <Card className="h-full p-4">
              <h2 className="text-base font-semibold text-slate-900">
                <Link href={page.href} className="text-brand-700 hover:underline">
                  {page.label}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-slate-600">{page.description}</p>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
