import type messages from "./messages/en.json";

// English is the reference: every key used in code must exist in it (typecheck), and every other locale must
// hold the same keys (i18n/messages.test.ts).
declare module "next-intl" {
  interface AppConfig {
    Messages: typeof messages;
  }
}
