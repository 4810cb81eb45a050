import "server-only";
import { inArray, sql, type SQL } from "drizzle-orm";
import { processAssignments, processes, reviewDecisions } from "../../db/schema";
import { can, type StaffRole } from "../auth/permissions";
import { InvalidInput } from "../errors";
import { REVIEWABLE_STATUSES } from "../reviews/review-decisions";
import type { AssignmentFilter } from "./process-list-query";

/**
 * Who is looking at the queue, as the server knows it (the session), never as the URL says: "My queue"
 * means this user's assignments.
 */
export interface QueueViewer {
  userId: string;
  role: StaffRole;
}

/**
 * The assignment filters as conditions on `processes`, correlated subqueries on the small desk tables:
 *  - mine: an assignment to the viewer exists and no final decision does (decided work is done). The
 *    planner drives it from process_assignments' (assignee_id, assigned_at) index and fetches those
 *    processes by primary key; the decision is an index probe per row;
 *  - decided: a final decision exists, and the viewer took the process or made or confirmed the decision;
 *  - unassigned: open review work nobody has taken — a status a person reviews (inconclusive,
 *    rejected), no assignment (its primary key is the process id) and no final decision (a decision
 *    awaiting a second officer's confirmation is still open work). Both NOT EXISTS are index probes
 *    per candidate row while the queue's own order and LIMIT decide how many rows are read.
 * Only roles that review may ask: for the others an assignment means nothing.
 */
export function assignmentCondition(assigned: AssignmentFilter, viewer: QueueViewer | null | undefined): SQL {
  if (!viewer || !can(viewer.role, "reviews.write")) {
    throw new InvalidInput("“My queue”, “Decided” and “Unassigned” are for compliance officers, who review and take processes");
  }
  const takenByViewer = sql`exists (select 1 from ${processAssignments} where ${processAssignments.processId} = ${processes.processId} and ${processAssignments.assigneeId} = ${viewer.userId})`;
  const finalDecision = sql`exists (select 1 from ${reviewDecisions} where ${reviewDecisions.processId} = ${processes.processId} and ${reviewDecisions.state} = 'final')`;
  if (assigned === "mine") return sql`(${takenByViewer} and not ${finalDecision})`;
  if (assigned === "decided") {
    return sql`(${finalDecision} and (${takenByViewer} or exists (select 1 from ${reviewDecisions}
      where ${reviewDecisions.processId} = ${processes.processId} and ${reviewDecisions.state} = 'final'
        and (${reviewDecisions.decidedBy} = ${viewer.userId} or ${reviewDecisions.confirmedBy} = ${viewer.userId}))))`;
  }
  return sql`(${inArray(processes.status, [...REVIEWABLE_STATUSES])}
    and not exists (select 1 from ${processAssignments} where ${processAssignments.processId} = ${processes.processId})
    and not ${finalDecision})`;
}
