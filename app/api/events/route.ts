import type { NextRequest } from "next/server";
import { routeHandler } from "@/lib/server/http-answer";
import { deskEventsResponse } from "@/lib/server/desk-events-response";

export const dynamic = "force-dynamic";

/** Server-Sent Events: what changes on the desk, for signed-in staff, filtered by role (lib/events/). */
export const GET = routeHandler((request: NextRequest) => deskEventsResponse(request));
