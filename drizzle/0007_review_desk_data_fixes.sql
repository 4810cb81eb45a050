ALTER TYPE "public"."retry_state" ADD VALUE 'canceled';--> statement-breakpoint
CREATE TABLE "maintenance_jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"cursor" text,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The document type was read only from finalResult (accepted processes) or the type asked for at create
-- process: rejected and inconclusive ones carry it in providerSpecific.documentVerification.
UPDATE "processes" SET "document_type" = "read"."document_type"
FROM (
	SELECT "process_id", coalesce(
		nullif(nullif(btrim("final_result"->>'documentType'), ''), 'unknown'),
		nullif(nullif(btrim("provider_specific"->'documentVerification'->>'documentType'), ''), 'unknown')
	) AS "document_type"
	FROM "processes"
) AS "read"
WHERE "read"."process_id" = "processes"."process_id"
	AND "read"."document_type" IS NOT NULL
	AND "read"."document_type" IS DISTINCT FROM "processes"."document_type";
