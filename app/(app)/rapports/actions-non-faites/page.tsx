import type { Metadata } from "next";
import { ActionReportPage } from "@/components/reports/action-report-page";

export const metadata: Metadata = { title: "Actions non faites" };

export default async function PendingActionsReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <ActionReportPage kind="notDone" searchParams={await searchParams} />;
}
