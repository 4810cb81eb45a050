/**
 * `tsx simulator/main.ts`: the Assure simulator as its own program. Reads SIMULATOR_* variables (env.ts),
 * listens, prints its base URL, and stops cleanly on SIGINT/SIGTERM.
 */
import { EnvError, readEnv } from "./env";
import { runBulk } from "./control/run-processes";
import { startSimulator } from "./server";

async function main(): Promise<void> {
  const { options, bulk } = readEnv(process.env);
  const simulator = await startSimulator({ ...options, log: (line) => console.log(`[simulator] ${line}`) });
  console.log(`Assure simulator listening: base URL ${simulator.baseUrl}`);
  console.log(`  token endpoint ${simulator.tokenUrl}  control API ${simulator.controlUrl}/`);
  if (bulk.count > 0) {
    const items = runBulk(simulator.state, { count: bulk.count, seed: bulk.seed, processesPerDossier: 1, backdateDays: 30 });
    console.log(`  created ${items.length} processes (seed ${bulk.seed})`);
  }
  const stop = () => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
