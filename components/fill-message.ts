/**
 * Fills a message's `{name}` arguments, for client components that get their messages as props from the server
 * (so that the queue's browser code carries no message formatter). Messages with plurals are formatted on the
 * server instead.
 */
export function fillMessage(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
