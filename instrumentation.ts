/**
 * Runs once when a desk server starts: the periodic sweep of the webhook inbox and of stale processes.
 * `WORKER_IN_PROCESS=0` leaves that to `npm run worker` processes instead.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startInProcessWorker } = await import("./lib/server/in-process-worker");
  await startInProcessWorker();
}
