import type * as ReactPdf from "@react-pdf/renderer";
import { createTranslator } from "next-intl";
import type { ReactNode } from "react";
import en from "../../messages/en.json";
import type { ExplanationKey, ExplanationPhrase } from "../onfido/explain-status";
import { phraseText } from "../onfido/phrase";
import type { ReportTree, TreeNode } from "../onfido/report-tree";
import type { ComparisonTable } from "../onfido/result-comparison";
import type { MrzCheck, MrzField, MrzFinding } from "../onfido/mrz-check";
import { formatBytes } from "../results/result-limits";
import type { EvidencePack, EvidenceProcess, EvidenceResult } from "./gather-evidence";
import { EVIDENCE_FONT } from "./evidence-fonts";

/**
 * The evidence pack as a PDF (react-pdf): a cover that ties the pack to its sources (who generated it,
 * when, and each stored zip's SHA-256), then each process, then the dossier's audit trail. Every word is
 * text in an embedded font with Latin Extended glyphs, so the pack is searchable and accents survive.
 */

/**
 * react-pdf is ESM only: the renderer loads it with `import()` (which works from Next.js, vitest and the
 * CommonJS scripts alike) and hands it here before rendering.
 */
let R: typeof ReactPdf;
export function bindReactPdf(pdf: typeof ReactPdf): void {
  R = pdf;
}

const s = {
  page: { fontFamily: EVIDENCE_FONT, fontSize: 9, paddingTop: 36, paddingBottom: 20, paddingHorizontal: 40, lineHeight: 1.35 },
  h1: { fontSize: 18, fontWeight: "bold", marginBottom: 8 },
  h2: { fontSize: 13, fontWeight: "bold", marginTop: 6, marginBottom: 6 },
  h3: { fontSize: 10.5, fontWeight: "bold", marginTop: 10, marginBottom: 4 },
  mono: { fontFamily: `${EVIDENCE_FONT} Mono`, fontSize: 8 },
  muted: { color: "#475569" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#cbd5e1", paddingVertical: 1.5 },
  label: { width: 140, color: "#334155" },
  cell: { flex: 1, paddingRight: 4 },
  notice: { borderWidth: 1, borderColor: "#f59e0b", backgroundColor: "#fffbeb", padding: 6, marginVertical: 6 },
  footer: { marginTop: 10, fontSize: 7, color: "#64748b", flexDirection: "row", justifyContent: "space-between" },
  picture: { marginRight: 8, marginBottom: 8, width: 240 },
} satisfies Record<string, ReactPdf.Styles[string]>;

/** The pack is written in English: the status explanation's phrases through the English messages. */
const explanationWords = createTranslator({ locale: "en", messages: en, namespace: "StatusExplanation" });
const explained = (phrase: ExplanationPhrase) =>
  phraseText<ExplanationKey>(phrase, (key, values) => explanationWords.markup(key, { ...values, b: (chunks) => chunks }));
const mrzWords = createTranslator({ locale: "en", messages: en, namespace: "Mrz" });
const mrzField = (found: { field: MrzField | null; label: string }) => (found.field ? mrzWords(`field.${found.field}`) : found.label);
const mrzFinding = (finding: MrzFinding) => mrzWords(`finding.${finding.key}`, finding.values);
const resultWords = createTranslator({ locale: "en", messages: en, namespace: "FullResult" });

const iso = (date: Date | null | undefined) => (date ? date.toISOString().replace(".000Z", "Z") : "—");
const text = (value: string | null | undefined) => (value === null || value === undefined || value === "" ? "—" : value);

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <R.View style={s.row} wrap={false}>
      <R.Text style={s.label}>{label}</R.Text>
      <R.Text style={s.cell}>{children}</R.Text>
    </R.View>
  );
}

/**
 * Each page's footer, with "page N of M". Drawn by the pages' layout template (react-pdf's new pagination
 * engine): content is measured once and packed into pages, and the footer is page chrome with its room kept.
 * (A `fixed` footer with a render prop made the old engine lay every page out again for it, and its text
 * never reached the PDF: pdftotext found no footer.)
 */
function Footer({ pack, pageNumber, totalPages }: { pack: EvidencePack; pageNumber: number | undefined; totalPages: number | undefined }) {
  return (
    <R.View style={s.footer}>
      <R.Text>Evidence pack · dossier {pack.dossierId} · generated {iso(pack.generatedAt)}</R.Text>
      <R.Text>{totalPages ? `page ${pageNumber ?? "?"} of ${totalPages}` : `page ${pageNumber ?? "?"}`}</R.Text>
    </R.View>
  );
}

function PackPage({ pack, children }: { pack: EvidencePack; children: ReactNode }) {
  // The content flows in the growing box; the footer below it keeps its room on every page.
  const layout = ({ children: content, pageNumber, totalPages }: ReactPdf.PageLayoutProps) => (
    <>
      <R.View style={{ flexGrow: 1 }}>{content}</R.View>
      <Footer pack={pack} pageNumber={pageNumber} totalPages={totalPages} />
    </>
  );
  return (
    <R.Page size="A4" style={s.page} layout={layout}>
      {children}
    </R.Page>
  );
}

function Cover({ pack }: { pack: EvidencePack }) {
  const { privacy, identity } = pack;
  const purged = pack.processes.filter((p) => p.purgedAt);
  const zips = pack.processes.filter((p) => p.result.state !== "none");
  return (
    <R.View>
      <R.Text style={s.h1}>Evidence pack</R.Text>
      <R.Text style={s.muted}>What the desk verified about this dossier, and what was decided.</R.Text>
      <R.Text style={s.h3}>This pack</R.Text>
      <Field label="Dossier">{pack.dossierId}</Field>
      <Field label="Generated at (UTC)">{iso(pack.generatedAt)}</Field>
      <Field label="Generated by">{`${pack.generatedBy.name} <${pack.generatedBy.email}> (${pack.generatedBy.role})`}</Field>
      <Field label="Processes">{String(pack.processes.length)}</Field>
      <Field label="First seen by the desk">{iso(pack.dossier.firstSeenAt)}</Field>
      <Field label="Last activity">{iso(pack.dossier.lastActivityAt)}</Field>
      {pack.dossier.goneAt && <Field label="Gone at Assure since">{iso(pack.dossier.goneAt)}</Field>}
      {privacy.erasure?.state === "erased" && (
        <R.View style={s.notice}>
          <R.Text>
            The personal data of this dossier was erased on request on {iso(privacy.erasure.erasedAt)} (reference: {privacy.erasure.reason}). This pack holds
            what remains: the tombstones of its processes (ids, statuses, times) and the decisions.
          </R.Text>
        </R.View>
      )}
      {privacy.erasure?.state !== "erased" && purged.length > 0 && (
        <R.View style={s.notice}>
          <R.Text>
            {purged.length} of {pack.processes.length} processes were purged ({privacy.purged.reason ?? "retention"}, last on {iso(privacy.purged.lastAt)}): their
            personal data, results and pictures are gone. This pack holds what remains of them: the tombstones and the decisions.
          </R.Text>
        </R.View>
      )}
      {privacy.hold && <Field label="Legal hold">{`since ${iso(privacy.hold.at)}: ${privacy.hold.reason}`}</Field>}

      <R.Text style={s.h3}>Stored full-result zips (SHA-256)</R.Text>
      {zips.length === 0 && <R.Text style={s.muted}>No full-result zip is stored for this dossier.</R.Text>}
      {zips.map((p) => {
        const r = p.result as Exclude<EvidenceResult, { state: "none" }>;
        return (
          <R.View key={p.processId} style={{ marginBottom: 4 }} wrap={false}>
            <R.Text>
              Process {p.processId} · {formatBytes(r.sizeBytes)} · stored {iso(r.storedAt)}
              {r.state === "refused" ? " · refused by the desk" : ""}
            </R.Text>
            <R.Text style={s.mono}>{r.sha256}</R.Text>
          </R.View>
        );
      })}

      <R.Text style={s.h3}>The person as extracted</R.Text>
      {identity ? (
        <R.View>
          <R.Text style={s.muted}>From process {identity.processId} ({identity.status}), updated {iso(identity.updatedAt)}.</R.Text>
          <Field label="First name">{text(identity.firstName)}</Field>
          <Field label="Last name">{text(identity.lastName)}</Field>
          <Field label="Date of birth">{text(identity.dateOfBirth)}</Field>
          <Field label="Document number">{text(identity.documentNumber)}</Field>
          <Field label="Document type">{text(identity.documentType)}</Field>
          <Field label="Nationality">{text(identity.nationality)}</Field>
          <Field label="Issuing country">{text(identity.issuingCountry)}</Field>
        </R.View>
      ) : (
        <R.Text style={s.muted}>No personal data remains, or no process read a document.</R.Text>
      )}

      <R.Text style={s.h3}>The same person elsewhere</R.Text>
      {pack.links.repeatedAttempts && <R.Text>Repeated attempts: three or more rejected or failed processes within 30 days.</R.Text>}
      {pack.links.linked.length === 0 ? (
        <R.Text style={s.muted}>No other dossier holds the same document or the same name and date of birth.</R.Text>
      ) : (
        pack.links.linked.map((l) => (
          <R.Text key={l.dossierId}>
            Dossier {l.dossierId} ({l.status ?? "no process"}){l.matches ? `: ${l.matches.map((m) => (m === "document" ? "same document" : "same name and date of birth")).join(", ")}` : ""}
          </R.Text>
        ))
      )}
    </R.View>
  );
}

function Comparison({ table, title }: { table: ComparisonTable; title: string }) {
  return (
    <R.View>
      <R.Text style={s.h3}>{title}</R.Text>
      <R.View style={[s.row, { borderBottomWidth: 1 }]}>
        <R.Text style={s.label}>field</R.Text>
        <R.Text style={s.cell}>{table.columns[0]}</R.Text>
        <R.Text style={s.cell}>{table.columns[1]}</R.Text>
      </R.View>
      {table.missing.map((m, i) => m && <R.Text key={i} style={s.muted}>{`${table.columns[i]}: ${m}`}</R.Text>)}
      {table.rows.map((row) => (
        <R.View key={row.key} style={s.row} wrap={false}>
          <R.Text style={s.label}>{row.label}{row.differs ? " (differs)" : ""}</R.Text>
          <R.Text style={s.cell}>{row.cells[0].text}</R.Text>
          <R.Text style={s.cell}>{row.cells[1].text}</R.Text>
        </R.View>
      ))}
    </R.View>
  );
}

function Mrz({ mrz }: { mrz: MrzCheck }) {
  if (mrz.state === "absent") return <R.Text style={s.muted}>No machine-readable zone was read.</R.Text>;
  if (mrz.state === "unparseable") {
    return (
      <R.View>
        {mrz.lines.map((line, i) => <R.Text key={i} style={s.mono}>{line}</R.Text>)}
        <R.Text>Not readable as an MRZ ({mrzWords(`source.${mrz.source}`)}): {mrzWords(`problem.${mrz.problem.key}`, mrz.problem.values)}</R.Text>
      </R.View>
    );
  }
  return (
    <R.View>
      {mrz.lines.map((line, i) => <R.Text key={i} style={s.mono}>{line}</R.Text>)}
      <R.Text>
        {mrz.format}, from {mrzWords(`source.${mrz.source}`)}: {mrz.valid ? "every check digit holds" : "a check digit or field is invalid"}.
      </R.Text>
      {mrz.checkDigits.map((d) => <R.Text key={d.label}>{`${mrzField(d)}: ${d.holds ? "holds" : `fails${d.error ? ` (${mrzFinding(d.error)})` : ""}`}`}</R.Text>)}
      {mrz.fieldErrors.map((e) => <R.Text key={e.label}>{`${mrzField(e)}: ${mrzFinding(e.error)}`}</R.Text>)}
      {mrz.comparisons.map((c) => (
        <R.Text key={c.field}>{`${mrzWords(`extracted.${c.field}`)}: MRZ ${c.mrzDisplay || "—"} · extracted ${c.extracted ?? "—"} · ${c.agreement}`}</R.Text>
      ))}
    </R.View>
  );
}

/** A breakdown and its sub-breakdowns as lines, indented by depth (no-break spaces, which do not collapse). */
function treeLines(nodes: TreeNode[], depth: number): string[] {
  return nodes.flatMap((node) => {
    const flagged = node.reasons.filter((r) => r.flagged).map((r) => r.label);
    const line = `${"\u00a0".repeat(depth * 4)}${node.label}: ${node.result}${flagged.length ? ` — flagged: ${flagged.join(", ")}` : ""}`;
    return [line, ...treeLines(node.children, depth + 1)];
  });
}

function Tree({ tree }: { tree: ReportTree }) {
  // One text block per report, not a view per line: react-pdf lays out and paginates each node, and a
  // report has dozens of sub-breakdowns.
  return (
    <R.View>
      <R.Text style={{ fontWeight: "bold", marginTop: 4 }}>
        {tree.label}: {tree.result}
        {tree.subResult ? ` (sub-result ${tree.subResult})` : ""} · status {tree.status}
      </R.Text>
      {tree.breakdowns.length > 0 && <R.Text>{treeLines(tree.breakdowns, 1).join("\n")}</R.Text>}
    </R.View>
  );
}

function Json({ value }: { value: Record<string, unknown> | null }) {
  if (!value || Object.keys(value).length === 0) return <R.Text style={s.muted}>none</R.Text>;
  // Leading spaces would collapse: the indentation is kept as no-break spaces.
  const pretty = JSON.stringify(value, null, 2).replace(/^ +/gm, (indent) => "\u00a0".repeat(indent.length));
  return <R.Text style={s.mono}>{pretty}</R.Text>;
}

function Result({ result }: { result: EvidenceResult }) {
  if (result.state === "none") {
    return (
      <R.Text style={s.muted}>
        {result.tooLarge
          ? `No full result stored: Assure's answer was larger than the ${formatBytes(result.tooLarge.limitBytes)} the desk opens.`
          : "No full result is stored for this process."}
      </R.Text>
    );
  }
  if (result.state === "refused") {
    return (
      <R.View style={s.notice}>
        <R.Text>
          The desk refused to open the stored zip ({result.kind}, {result.reason}): {result.message}. Its contents are not shown; its SHA-256 is{" "}
          {result.sha256}.
        </R.Text>
      </R.View>
    );
  }
  return (
    <R.View>
      {result.warnings.map((w, i) => <R.Text key={i} style={s.muted}>{`Note: ${resultWords(`warning.${w.key}`, w.values)}`}</R.Text>)}
      <R.Text style={s.h3}>Onfido breakdowns and sub-breakdowns</R.Text>
      {result.trees.length === 0 && <R.Text style={s.muted}>The zip holds no Onfido report.</R.Text>}
      {result.trees.map((tree, i) => <Tree key={tree.id ?? i} tree={tree} />)}
      <R.Text style={s.h3}>Pictures (downscaled)</R.Text>
      <R.View style={{ flexDirection: "row", flexWrap: "wrap" }}>
        {result.pictures.map((p, i) => (
          <R.View key={i} style={s.picture} wrap={false}>
            <R.Text>{p.label} · {p.path}</R.Text>
            {/* react-pdf's Image is a PDF XObject, not an HTML <img>: the label above it is its text. A Buffer
                source, not `{ data, format }`: react-pdf would key its process-wide image cache by the picture's
                base64 (costly, and it would keep personal pictures in memory after the request). */}
            {p.image ? <R.Image src={Buffer.from(p.image.bytes.buffer, p.image.bytes.byteOffset, p.image.bytes.byteLength)} style={{ maxWidth: 240, maxHeight: 200, objectFit: "contain" }} /> : <R.Text style={s.muted}>{p.note}</R.Text>}
          </R.View>
        ))}
      </R.View>
    </R.View>
  );
}

function ProcessSection({ p }: { p: EvidenceProcess }) {
  return (
    <R.View>
      <R.Text style={s.h2}>Process {p.processId}</R.Text>
      <Field label="Status">{p.status}</Field>
      <Field label="Type · provider">{`${text(p.processType)} · ${text(p.provider)}`}</Field>
      <Field label="Document type · country">{`${text(p.documentType)} · ${text(p.issuingCountry)}`}</Field>
      <Field label="Created (Assure)">{iso(p.createdAt)}</Field>
      <Field label="Updated (Assure)">{iso(p.updatedAt)}</Field>
      <Field label="First seen by the desk">{iso(p.firstSeenAt)}</Field>
      <Field label="Last synced">{iso(p.lastSyncedAt)}</Field>
      {p.retryOfProcessId && <Field label="Retry of">{p.retryOfProcessId}</Field>}
      {p.failReason && <Field label="Fail reason">{`${text(p.failReason.type)}${p.failReason.message ? `: ${p.failReason.message}` : ""}`}</Field>}
      {p.purgedAt && (
        <R.View style={s.notice}>
          <R.Text>Purged on {iso(p.purgedAt)} ({p.purgeReason ?? "retention"}): a tombstone. Its personal data, result and pictures are gone.</R.Text>
        </R.View>
      )}

      <R.Text style={s.h3}>Status explanation</R.Text>
      <R.Text>{explained(p.review.explanation.summary)}</R.Text>
      {p.review.explanation.details.map((d, i) => <R.Text key={i}>{`• ${explained(d)}`}</R.Text>)}
      {p.review.explanation.warnings.map((w, i) => <R.Text key={i}>{`Warning: ${explained(w)}`}</R.Text>)}

      {!p.purgedAt && (
        <R.View>
          <Comparison title="Verdicts: document next to face" table={p.review.verdicts} />
          <Comparison title="finalResult next to providerSpecific" table={p.review.extracted} />
          <R.Text style={s.h3}>MRZ check</R.Text>
          <Mrz mrz={p.review.mrz} />
          <R.Text style={s.h3}>finalResult as stored</R.Text>
          <Json value={p.finalResult} />
          <R.Text style={s.h3}>providerSpecific as stored</R.Text>
          <Json value={p.providerSpecific} />
        </R.View>
      )}
      <Result result={p.result} />

      <R.Text style={s.h3}>Retries</R.Text>
      {p.retries.length === 0 ? (
        <R.Text style={s.muted}>None.</R.Text>
      ) : (
        p.retries.map((r) => (
          <R.Text key={r.attempt}>{`Attempt ${r.attempt}: ${r.state}, new process ${r.newProcessId ?? "—"}, asked by ${r.requestedBy} at ${iso(r.requestedAt)}`}</R.Text>
        ))
      )}

      <R.Text style={s.h3}>Review decisions</R.Text>
      {p.decisions.length === 0 ? (
        <R.Text style={s.muted}>None.</R.Text>
      ) : (
        p.decisions.map((d, i) => (
          <R.View key={i} style={{ marginBottom: 4 }} wrap={false}>
            <R.Text>
              {`${d.decision} (${d.state}) · reason: ${d.reasonCategory} · by ${d.decidedBy} at ${iso(d.decidedAt)}`}
              {d.confirmedBy ? ` · confirmed by ${d.confirmedBy} at ${iso(d.confirmedAt)}` : ""}
            </R.Text>
            <R.Text style={s.muted}>{`Note: ${d.note || "—"}`}</R.Text>
          </R.View>
        ))
      )}
    </R.View>
  );
}

function AuditTrail({ pack }: { pack: EvidencePack }) {
  return (
    <R.View>
      <R.Text style={s.h2}>Audit trail of the dossier</R.Text>
      {pack.audit.length === 0 && <R.Text style={s.muted}>No audited action names this dossier.</R.Text>}
      {pack.audit.map((a) => (
        <R.View key={a.id} style={s.row} wrap={false}>
          <R.Text style={{ width: 112 }}>{iso(a.at)}</R.Text>
          <R.Text style={{ width: 120 }}>{a.action}</R.Text>
          <R.Text style={{ width: 120 }}>{`${text(a.actor)}${a.role ? ` (${a.role})` : ""}`}</R.Text>
          <R.Text style={s.cell}>{[a.processId ? `process ${a.processId}` : "", a.details].filter(Boolean).join(" · ")}</R.Text>
        </R.View>
      ))}
      {pack.auditTruncated && <R.Text style={s.muted}>Only the first {pack.audit.length} rows are shown; the audit log has them all.</R.Text>}
    </R.View>
  );
}

export function EvidenceDocument({ pack }: { pack: EvidencePack }) {
  return (
    <R.Document title={`Evidence pack — dossier ${pack.dossierId}`} author={pack.generatedBy.name} creator="Assure Review Desk" producer="Assure Review Desk">
      <PackPage pack={pack}>
        <Cover pack={pack} />
      </PackPage>
      {pack.processes.map((p) => (
        <PackPage key={p.processId} pack={pack}>
          <ProcessSection p={p} />
        </PackPage>
      ))}
      <PackPage pack={pack}>
        <AuditTrail pack={pack} />
      </PackPage>
    </R.Document>
  );
}
