import type { Metadata } from "next";
import { ActionReportPage } from "@/components/reports/action-report-page";

export const metadata: Metadata = { title: "Actions faites" };

export default async function DoneActionsReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <ActionReportPage kind="done" searchParams={await searchParams} />;
}
