/** Where the result routes live (app/api/processes/[processId]/result/...): one place for the page and the routes. */
export function zipUrl(processId: string): string {
  return `/api/processes/${encodeURIComponent(processId)}/result`;
}

export function mediaUrl(processId: string, slug: string): string {
  return `${zipUrl(processId)}/media/${encodeURIComponent(slug)}`;
}
