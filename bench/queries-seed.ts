import type { Database } from "../db/client";
import { foldForSearch } from "../lib/processes/extract-lookup";

/**
 * Seeds the benchmark database with `processes` in `dossiers` (five per dossier) in SQL with
 * generate_series: a million rows take about a minute, where inserts from Node would take many.
 * Values are shaped like the desk's: accented names folded as `extract-lookup` folds them, upper-case
 * document numbers, a realistic status mix, and look-up columns only where Onfido extracted something.
 */

const FIRST = [
  "Maria Paula", "Ana", "Conceição", "Inês", "João", "José", "Gonçalo", "Sebastião", "María", "Lucía", "Álvaro",
  "Iñaki", "Hélène", "Chloé", "Maëlle", "François", "Jérôme", "Loïc", "Anna", "Käthe", "Jürgen", "Günther", "Björn",
  "Sören", "Giulia", "Niccolò", "Anouk", "Daan", "Lærke", "Åse", "Øyvind", "Håkon", "Linnéa", "Märta", "Göran",
  "Søren", "Freja", "Aino", "Päivi", "Väinö", "Guðrún", "Þór", "Zofia", "Małgorzata", "Łukasz", "Wojciech", "Věra",
  "Jiří", "Zoë", "Siobhán", "Seán", "Aoife", "Agnieszka", "Mehmet", "Ayşe", "Çağla", "Oğuz", "Dương", "Nguyễn Thị",
  "Émilie", "Noël", "Raphaël", "Zbigniew", "Grzegorz", "Tomás", "Beatriz", "Leonor", "Mariana", "Rui", "Luís",
];
const LAST = [
  "Santos Mendes", "Gonçalves", "Simões", "Magalhães", "Araújo", "Conceição", "Pereira", "Ferreira Lopes",
  "García Núñez", "Martínez", "Peña", "Ibáñez", "Muñoz Sánchez", "Lefèvre", "Dupré", "Garçon", "Lemaître",
  "Müller", "Schröder", "Groß", "Köhler", "Weiß", "Schäfer", "Krüger", "Strauß", "Rossi", "Cantù", "D'Angelo",
  "de Vries", "van den Berg", "Ødegård", "Bråten", "Løvås", "Sæther", "Öberg", "Åström", "Lindqvist", "Sjögren",
  "Jørgensen", "Sørensen", "Møller", "Mäkinen", "Hämäläinen", "Järvinen", "Sigurðardóttir", "Guðmundsson",
  "Kowalska", "Wróbel", "Łukasiewicz", "Wiśniewski", "Dvořáková", "Černá", "Procházková", "Ó Briain",
  "Mac Giolla Phádraig", "Wójcik", "Yılmaz", "Şahin", "Öztürk", "Trần", "Lê Văn", "Østergård", "Nowak",
  "Horváth", "Szabó", "Kovačević", "Jovanović", "Popescu", "Ionescu", "Papadopoulos", "Ferreira", "Costa",
];
const COUNTRIES = ["PRT", "ESP", "FRA", "DEU", "DEU", "ITA", "NLD", "NOR", "SWE", "DNK", "FIN", "POL", "CZE", "IRL", "TUR", "GBR", "GBR", "USA"];

export interface SeedSize {
  processes: number;
  dossiers: number;
}

async function counts(database: Database): Promise<SeedSize> {
  const [row] = await database.query<{ p: string; d: string }>(
    "select (select count(*) from processes) as p, (select count(*) from dossiers) as d",
  );
  return { processes: Number(row?.p ?? 0), dossiers: Number(row?.d ?? 0) };
}

/** Seeds unless the database already holds exactly `size`; returns whether it seeded. */
export async function seedBenchmark(database: Database, size: SeedSize, log: (line: string) => void): Promise<boolean> {
  const found = await counts(database);
  if (found.processes === size.processes && found.dossiers === size.dossiers) return false;
  log(`Seeding ${size.processes.toLocaleString("en")} processes in ${size.dossiers.toLocaleString("en")} dossiers…`);
  const started = Date.now();
  await database.query("truncate processes, dossiers, webhook_inbox cascade");
  // Index builds after the load are much faster than index maintenance during it; the definitions are
  // read back from the catalogue so that this keeps working when the migrations add or change one.
  const indexes = await database.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes
      where schemaname = 'public' and tablename in ('processes', 'dossiers') and indexname not like '%_pkey'`,
  );
  for (const index of indexes) await database.query(`drop index "${index.name}"`);
  // The identity-link triggers look other processes up by index, one row at a time: during the load (no
  // indexes yet) they would scan. They are off for the load; the links are computed set-wise after it,
  // as the migration that added them does for existing rows.
  for (const trigger of IDENTITY_TRIGGERS) await database.query(`alter table processes disable trigger ${trigger}`);

  const perDossier = size.processes / size.dossiers;
  await database.query(
    `insert into dossiers (dossier_id, first_seen_at, last_synced_at, last_activity_at)
     select md5('dossier-' || d)::uuid::text, now(), now(), now() from generate_series(0, $1::int - 1) d`,
    [size.dossiers],
  );
  // Oldest first, so that a retry's original is always in already.
  const batch = 200_000;
  for (let end = size.processes; end > 0; end -= batch) {
    await insertProcesses(database, Math.max(0, end - batch), end, size.dossiers, size.processes);
    log(`  ${(size.processes - Math.max(0, end - batch)).toLocaleString("en")} processes`);
  }
  await database.query(
    `update dossiers d set last_activity_at = m.last, first_seen_at = m.first, created_at = m.first,
            updated_at = m.last, process_count = m.n
       from (select dossier_id, max(updated_at) as last, min(created_at) as first, count(*)::int as n
               from processes group by dossier_id) m
      where d.dossier_id = m.dossier_id`,
  );
  log(`  rebuilding ${indexes.length} indexes…`);
  await database.query("set maintenance_work_mem = '512MB'");
  for (const index of indexes) await database.query(index.definition);
  for (const trigger of IDENTITY_TRIGGERS) await database.query(`alter table processes enable trigger ${trigger}`);
  await database.query(LINK_EXISTING);
  await database.query(FLAG_REPEATED_ATTEMPTS);
  await database.query("vacuum analyze identity_links");
  await database.query("vacuum analyze processes");
  await database.query("vacuum analyze dossiers");
  log(`Seeded in ${Math.round((Date.now() - started) / 1000)} s (${perDossier} processes a dossier).`);
  return true;
}

const upper = (names: string[]) => names.map((n) => n.toUpperCase());

const IDENTITY_TRIGGERS = ["identity_links_on_insert", "identity_links_on_update", "dossiers_flag_repeated_attempts"];

/** The same statements as drizzle/0014_identity_links.sql's back-fill. */
const LINK_EXISTING = `
  insert into identity_links (process_id, dossier_id, other_process_id, other_dossier_id, match)
  select a.process_id, a.dossier_id, b.process_id, b.dossier_id, 'document'::identity_match
    from processes a join processes b
      on b.document_number = a.document_number and b.issuing_country = a.issuing_country and b.dossier_id <> a.dossier_id
   where a.purged_at is null and b.purged_at is null
  union all
  select a.process_id, a.dossier_id, b.process_id, b.dossier_id, 'name_birth_date'::identity_match
    from processes a join processes b
      on b.date_of_birth = a.date_of_birth and b.name_search = a.name_search and b.dossier_id <> a.dossier_id
   where a.purged_at is null and b.purged_at is null
  on conflict do nothing`;

const FLAG_REPEATED_ATTEMPTS = `
  update dossiers d set repeated_attempts = true
    from (select distinct w.dossier_id from (
            select p.dossier_id, p.created_at,
                   lag(p.created_at, 2) over (partition by p.dossier_id order by p.created_at) as third_before
              from processes p where p.status in ('rejected', 'failed')
          ) w where w.third_before is not null and w.created_at - w.third_before <= interval '30 days') r
   where d.dossier_id = r.dossier_id`;

async function insertProcesses(database: Database, from: number, to: number, dossierCount: number, total: number) {
  // Process g lives in dossier g % dossierCount; g = 0 is the newest. A process every ~50 s over
  // about 18 months, and one in fifty a retry of the dossier's previous (older, already inserted) one.
  await database.query(
    `with p as (
       select g,
              md5('process-' || g)::uuid::text as process_id,
              md5('dossier-' || (g % $3::int))::uuid::text as dossier_id,
              timestamptz '2026-11-01T00:00:00Z' - make_interval(secs => g * 47 + (hashint4(g) & 31)) as created_at,
              (hashint4(g * 7 + 1) & 2147483647) % 1000 as r,
              (hashint4(g * 13 + 5) & 2147483647) as h
         from generate_series($1::int, $2::int - 1) g
     ), s as (
       select p.*,
              case when r < 620 then 'accepted' when r < 700 then 'rejected' when r < 820 then 'inconclusive'
                   when r < 860 then 'failed' when r < 890 then 'canceled' when r < 960 then 'pending'
                   else 'processing' end::process_status as status,
              (array['document','documentSelfie','documentSelfie','documentVideo'])[1 + h % 4] as process_type,
              (array['passport','identityCard','identityCard','driverLicense','residencePermit'])[1 + (h / 4) % 5] as document_type,
              1 + (h / 20) % array_length($4::text[], 1) as fi,
              1 + (h / 7) % array_length($6::text[], 1) as li,
              ($8::text[])[1 + (h / 3) % array_length($8::text[], 1)] as country
         from p
     )
     insert into processes (process_id, dossier_id, provider, process_type, document_type, status, raw,
                            created_at, updated_at, first_seen_at, last_synced_at, retry_of_process_id,
                            first_name, last_name, name_search, document_number, date_of_birth,
                            nationality, issuing_country, fail_reason_type)
     select process_id, dossier_id, 'onfido', process_type, document_type, status,
            jsonb_build_object('processId', process_id, 'provider', 'onfido', 'processType', process_type,
                               'documentType', document_type, 'status', status),
            created_at, created_at + make_interval(secs => 30 + h % 900), created_at, created_at,
            case when r % 50 = 0 and g + $3::int < $9::int then md5('process-' || (g + $3::int))::uuid::text end,
            x.first_name, x.last_name, x.name_search,
            case when x.first_name is not null then
              chr(65 + h % 26) || chr(65 + (h / 26) % 26) || lpad(((h / 676) % 10000000)::text, 7, '0') end,
            case when x.first_name is not null then date '1940-01-01' + (h / 11) % 24000 end,
            case when x.first_name is not null then country end,
            case when x.first_name is not null then country end,
            case when status = 'failed' then 'upload_failed' end
       from s
       cross join lateral (
         select case when status in ('accepted', 'rejected', 'inconclusive') then ($4::text[])[fi] end as first_name,
                case when status in ('accepted', 'rejected', 'inconclusive') then ($6::text[])[li] end as last_name,
                case when status in ('accepted', 'rejected', 'inconclusive') then ($5::text[])[fi] || ' ' || ($7::text[])[li] end as name_search
       ) x`,
    [from, to, dossierCount, upper(FIRST), FIRST.map(foldForSearch), upper(LAST), LAST.map(foldForSearch), COUNTRIES, total],
  );
}
