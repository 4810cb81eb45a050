import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import type { DossierPrivacy } from "@/lib/retention/get-dossier-privacy";
import { PersonalDataPanel } from "./personal-data-panel";

interface PersonalDataSectionProps {
  dossierId: string;
  privacy: DossierPrivacy;
}

/** The personal-data panel with its sentences (times, names, counts) written here, in the viewer's language. */
export async function PersonalDataSection({ dossierId, privacy }: PersonalDataSectionProps) {
  const t = await getTranslations("Dossier.privacy");
  const { hold, erasure, purged } = privacy;
  const at = (date: Date) => function Time() {
    return <LocalTime at={date} />;
  };
  const erased =
    erasure?.state === "erased"
      ? {
          title: erasure.erasedAt ? t.rich("erasedTitle", { time: at(erasure.erasedAt) }) : t("erasedTitleNoDate"),
          requested: erasure.confirmedBy
            ? t("requestedConfirmed", { who: erasure.requestedBy, confirmer: erasure.confirmedBy, reason: erasure.reason })
            : t("requested", { who: erasure.requestedBy, reason: erasure.reason }),
          assure: erasure.assure.deletedAt
            ? t.rich("deletedAtAssure", { time: at(erasure.assure.deletedAt) })
            : t.rich("assurePending", {
                attempts: erasure.assure.attempts,
                // Assure's own words, as it gave them.
                hasError: erasure.assure.lastError ? "yes" : "no",
                error: erasure.assure.lastError ?? "",
                hasNext: erasure.assure.nextAttemptAt ? "yes" : "no",
                next: () => (erasure.assure.nextAttemptAt ? <LocalTime at={erasure.assure.nextAttemptAt} /> : null),
              }),
          assurePending: !erasure.assure.deletedAt,
        }
      : null;
  const reason = purged.reason ?? "retention";
  return (
    <PersonalDataPanel
      dossierId={dossierId}
      held={hold !== null}
      erased={erased}
      purged={
        !erased && purged.processes > 0
          ? purged.lastAt
            ? t.rich("purged", { count: purged.processes, reason, time: at(purged.lastAt) })
            : t("purgedNoDate", { count: purged.processes, reason })
          : null
      }
      hold={hold && (hold.by ? t.rich("hold", { by: hold.by, reason: hold.reason, time: at(hold.at) }) : t.rich("holdNoBy", { reason: hold.reason, time: at(hold.at) }))}
      awaiting={
        erasure?.state === "awaiting_confirmation" ? t.rich("awaiting", { who: erasure.requestedBy, reason: erasure.reason, time: at(erasure.requestedAt) }) : null
      }
      confirmationLabel={t.rich("confirmLabel", { label: privacy.confirmationLabel ?? "", strong: (chunks) => <strong>{chunks}</strong> })}
      canErase={privacy.canErase}
      canHold={privacy.canHold}
      canConfirm={privacy.canConfirm}
      hasErasure={erasure !== null}
      words={{
        heading: t("heading"),
        erasedLabel: t("erasedLabel"),
        noHold: t("noHold"),
        holdReason: hold ? t("liftReason") : t("placeReason"),
        holdButton: hold ? t("lift") : t("place"),
        confirm: t("confirm"),
        withdraw: t("withdraw"),
        eraseOpen: t("eraseOpen"),
        eraseForm: t("eraseForm"),
        eraseWarning: t("eraseWarning"),
        reason: t("reason"),
        erase: t("erase"),
        cancel: t("cancel"),
      }}
    />
  );
}
