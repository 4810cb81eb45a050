import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDatabase } from "@/db";
import { getProcessDetail } from "@/lib/processes/get-process-detail";
import { getResultView } from "@/lib/results/result-view";
import { ProcessView } from "./_components/process-view";
import { ProcessPageParams } from "./params";

interface ProcessPageProps {
  params: Promise<Record<string, string>>;
}

export async function generateMetadata({ params }: ProcessPageProps): Promise<Metadata> {
  const parsed = ProcessPageParams.safeParse(await params);
  return { title: parsed.success ? `Process ${parsed.data.processId.slice(0, 8)}` : "Process" };
}

export default async function ProcessPage({ params }: ProcessPageProps) {
  await connection();
  const parsed = ProcessPageParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { dossierId, processId } = parsed.data;
  const database = await getDatabase();
  // Access control (later issue): the reviewer's role is checked here and in lib/results/serve-result-file.ts.
  const detail = await getProcessDetail(database.db, dossierId, processId);
  if (!detail) notFound();
  const result = await getResultView(database.db, processId);
  return <ProcessView detail={detail} result={result} />;
}
