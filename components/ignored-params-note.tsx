import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { IgnoredParam } from "./ignored-search-params";

interface IgnoredParamsNoteProps {
  ignored: IgnoredParam[];
  /** This view's address without the ignored values. */
  cleanHref: string;
}

/**
 * Says which values of the address a list left out, so that nobody reads a wider view as the one they asked for,
 * and what each takes, in the viewer's language (the choices are codes, shown as they are).
 */
export async function IgnoredParamsNote({ ignored, cleanHref }: IgnoredParamsNoteProps) {
  if (ignored.length === 0) return null;
  const t = await getTranslations("Lists");
  return (
    <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p>
        <strong>{t("ignoredTitle")}</strong> {t("ignoredBody", { count: ignored.length })}
      </p>
      <ul className="mt-1 list-disc pl-5">
        {ignored.map(({ key, value, expected }) => (
          <li key={`${key}=${value}`}>
            <code className="font-mono text-xs">{`${key}=${value}`}</code>
            {expected && <span className="text-amber-900"> ({"choices" in expected ? t(`expected.${expected.kind}`, { choices: expected.choices.join(", ") }) : t(`expected.${expected.kind}`)})</span>}
          </li>
        ))}
      </ul>
      <Link href={cleanHref} className="mt-1 inline-block underline">
        {t("ignoredRemove")}
      </Link>
    </div>
  );
}
