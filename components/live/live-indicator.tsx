import { useTranslations } from "next-intl";
import { LiveIndicatorView } from "./live-indicator-view";

/** The side bar's word on the event stream, translated here on the server: the browser gets the sentence. */
export function LiveIndicator() {
  const t = useTranslations("Live");
  return <LiveIndicatorView pausedText={t("paused")} />;
}
