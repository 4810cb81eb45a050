/** The browser tests' desk runs in demo mode with this password for every demo user (e2e-server.ts). */
export const E2E_DEMO_PASSWORD = "e2e-demo-password-0123";

export const DEMO_USERS = {
  support: "support@demo.desk",
  compliance: "compliance@demo.desk",
  compliance2: "compliance2@demo.desk",
  admin: "admin@demo.desk",
} as const;
export type DemoUser = keyof typeof DEMO_USERS;

/** Secrets the browser tests' desk runs with, so that a test can prove none of them reaches the browser. */
export const E2E_SECRETS = {
  NEXTAUTH_SECRET: "e2e-session-secret-5b8f1c0e9d7a4e21b3c6",
  ASSURE_WEBHOOK_SECRET: "e2e-webhook-secret-77e0a1d4c9b2f6384a5d",
  OIDC_CLIENT_SECRET: "e2e-oidc-client-secret-3f9a0c51d2b84e67",
} as const;

/** Not the default (30), so that a test can tell that the setting reaches the session cookie. */
export const E2E_SESSION_IDLE_MINUTES = 45;
