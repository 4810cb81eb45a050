import { config } from "zod";

/**
 * Runs in the browser before the desk's own modules. Zod probes `new Function` when it builds its first
 * object schema; the content security policy refuses eval, and the browser reports that probe as a
 * violation even though zod catches it. Without compiled parsers zod never probes; the client parses
 * only URL values and small forms, so nothing is lost.
 */
config({ jitless: true });
