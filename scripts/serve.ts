import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { getDatabase } from "../db";
import { getEnv } from "../lib/config";
import { createLogger } from "../lib/log/logger";
import { nudgeInbox } from "../lib/server/nudge-inbox";
import { createWebhookListener, isWebhookPost } from "../lib/webhooks/webhook-listener";

/**
 * The desk's web server, as `npm start` runs it (`--port`, `--hostname`; all interfaces by default, as
 * `next start`): Next.js's own request handler for every page and route, and in front of it, on the same
 * port, Node.js's listener for Assure's notifications (lib/webhooks/webhook-listener.ts). It is Next.js's
 * documented custom server, with the production build `npm start` made.
 *
 * The webhook is the one path that gets hundreds of requests a second, and Next.js's routing and request
 * objects cost ~2 ms of CPU for each (bench/webhooks.ts: the same-run bare route is Next.js's ceiling);
 * answered here, a notification costs what storing it costs. Everything else about the route is the
 * same: Next.js still serves it under `next dev` or `next start` with the same code.
 *
 * The listener's modules are loaded by this program (tsx), Next.js's from its build: two copies of the same
 * code in one process. What must be one per process is kept on globalThis (the database handle, the inbox
 * pump, the Assure client), so both copies share it: PGlite in particular allows one handle per folder.
 */

const log = createLogger("server");

function parseOptions() {
  const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
  const port = values.port === undefined ? getEnv().PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port: not a port number: ${values.port}`);
  return { port, hostname: values.hostname };
}

async function main() {
  const { port, hostname } = parseOptions();
  const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  const webhook = createWebhookListener({
    db: async () => (await getDatabase()).db,
    settings: () => {
      const env = getEnv();
      return { secret: env.ASSURE_WEBHOOK_SECRET, trustedHops: env.TRUSTED_PROXY_HOPS };
    },
    stored: () => nudgeInbox(),
  });

  const serveWithNext = async (request: IncomingMessage, response: ServerResponse) => {
    try {
      await nextHandler(request, response);
    } catch (error) {
      // What `next start` does with a failure of its own handler.
      log.error("Next.js failed to handle a request", { error: error instanceof Error ? error.message : String(error) });
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
      response.end("Internal Server Error");
    }
  };
  const server = createServer((request, response) => {
    if (isWebhookPost(request)) webhook(request, response);
    else void serveWithNext(request, response);
  });

  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      server.close();
      // In-flight answers get a moment; `next start` exits at once the same way.
      void app.close().finally(() => process.exit(code));
    });
  }
  server.once("error", (error) => {
    console.error(`The desk's server cannot listen on port ${port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => console.log(`Ready: the desk's server listens on ${hostname ?? "all interfaces"}, port ${port}.`));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
