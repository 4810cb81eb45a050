import { useTranslations } from "next-intl";
import type { Tone } from "@/lib/onfido/labels";
import { Pill } from "./result-pill";

interface ResultPillProps {
  text: string;
  tone: Tone;
}

/**
 * One Onfido result in a server component, its hint in the page's language. Onfido's value is shown as it
 * is; a check Onfido did not perform (`null`, no value of its own) says so in words.
 */
export function ResultPill({ text, tone }: ResultPillProps) {
  const t = useTranslations("BreakdownTree");
  return <Pill text={tone === "not-performed" ? t("notPerformed") : text} tone={tone} notClear={t("notClear")} />;
}
