/**
 * Starts the simulator in this process: `startSimulator({ port: 0 })` for tests (an ephemeral port), or a
 * fixed port for the desk's `npm start` and `main.ts`. Resolves once it listens.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { dossierRoutes } from "./api/dossier-routes";
import { documentTypesRoute } from "./api/document-types-route";
import { imageRoutes } from "./api/image-routes";
import { processRoutes } from "./api/process-routes";
import { resultRoute } from "./api/result-route";
import { startVerificationRoute } from "./api/start-verification";
import { tokenRoute } from "./api/token-endpoint";
import { type ConfigInput, parseConfig } from "./config";
import { controlRoutes } from "./control/control-routes";
import { createDispatcher } from "./http/dispatch";
import type { Route } from "./http/router";
import { createState, type SimulatorState } from "./state/simulator-state";

export interface SimulatorOptions extends ConfigInput {
  /** 0 (the default here) picks a free port; main.ts passes SIMULATOR_PORT (4010). */
  port?: number;
  host?: string;
  /** Where the simulator writes its few log lines (default: nowhere). */
  log?: (line: string) => void;
}

export interface SimulatorHandle {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The Assure API base URL: `<url>/assure`. */
  baseUrl: string;
  /** `<url>/auth/open/connect/token` */
  tokenUrl: string;
  /** `<url>/__sim` */
  controlUrl: string;
  port: number;
  state: SimulatorState;
  close(): Promise<void>;
}

const API_ROUTES: Route[] = [
  tokenRoute,
  ...dossierRoutes,
  ...processRoutes,
  startVerificationRoute,
  ...imageRoutes,
  resultRoute,
  documentTypesRoute,
];

export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const { port = 0, host = "127.0.0.1", log = () => {}, ...configInput } = options;
  const state = createState(parseConfig(configInput), log);
  const dispatch = createDispatcher(() => state, API_ROUTES, controlRoutes);
  const server: Server = createServer((req, res) => void dispatch(req, res));
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${actualPort}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    baseUrl: `${url}/assure`,
    tokenUrl: `${url}/auth/open/connect/token`,
    controlUrl: `${url}/__sim`,
    port: actualPort,
    state,
    close() {
      closing ??= new Promise<void>((resolve) => {
        state.scheduler.close();
        state.notifier.close();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
