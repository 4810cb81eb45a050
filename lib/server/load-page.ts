import "server-only";
import { notFound } from "next/navigation";
import { NotFound } from "../errors";

/**
 * The one place where a page's loader saying "missing" becomes Next.js's 404 page. Pages call
 * `await loadPage(getXPage(ctx, params))`; any other error still reaches the route's error boundary.
 */
export async function loadPage<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
}
