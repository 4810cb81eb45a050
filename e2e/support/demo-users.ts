/** The browser tests' desk runs in demo mode with this password for every demo user (e2e-server.ts). */
export const E2E_DEMO_PASSWORD = "e2e-demo-password-0123";

export const DEMO_USERS = {
  support: "support@demo.desk",
  compliance: "compliance@demo.desk",
  compliance2: "compliance2@demo.desk",
  admin: "admin@demo.desk",
} as const;
export type DemoUser = keyof typeof DEMO_USERS;
