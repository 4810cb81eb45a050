"use server";

import { getTranslations } from "next-intl/server";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { getCtx } from "@/lib/server/session";
import { failureWords } from "../failure-words";
import {
  createSavedView,
  deleteSavedView,
  pinSavedView,
  renameSavedView,
  shareSavedView,
  unpinSavedView,
  updateSavedViewFilters,
} from "@/lib/saved-views/manage-saved-views";

/**
 * Saved views, from the lists' "Save view" and "Views" controls and the side bar. Server actions are public
 * endpoints: each form's fields go to the verb as they came, and the verb checks who asks, reads the fields
 * with zod and the filters with the list's own parser (lib/saved-views/). The client refreshes the page and
 * side bar after a success (router.refresh), so nothing is revalidated here. A refusal is said in the viewer's
 * language (`SavedViews.errors`); the name a user typed stays as typed.
 */

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};
const flag = (form: FormData, name: string) => text(form, name) === "on" || text(form, name) === "true";
/** What a success says, in the viewer's language. */
const done = () => getTranslations("SavedViews.done");
const explain = failureWords("SavedViews.errors");

export async function saveViewAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const view = await createSavedView(ctx, { list: text(form, "list"), name: text(form, "name"), query: text(form, "query") ?? "", shared: flag(form, "shared") });
    return (await done())(view.shared ? "savedShared" : "savedPrivate", { name: view.name });
  }, undefined, explain);
}

export async function renameViewAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const view = await renameSavedView(ctx, { id: text(form, "id"), name: text(form, "name") });
    return (await done())("renamed", { name: view.name });
  }, undefined, explain);
}

export async function updateViewFiltersAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const view = await updateSavedViewFilters(ctx, { id: text(form, "id"), query: text(form, "query") ?? "" });
    return (await done())("updated", { name: view.name });
  }, undefined, explain);
}

export async function shareViewAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    const view = await shareSavedView(ctx, { id: text(form, "id"), shared: flag(form, "shared") });
    return (await done())(view.shared ? "shared" : "unshared", { name: view.name });
  }, undefined, explain);
}

export async function deleteViewAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    await deleteSavedView(ctx, { id: text(form, "id") });
    return (await done())("deleted");
  }, undefined, explain);
}

export async function pinViewAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const ctx = await getCtx();
  return runAction(async () => {
    if (flag(form, "pinned")) await pinSavedView(ctx, { id: text(form, "id") });
    else await unpinSavedView(ctx, { id: text(form, "id") });
    return (await done())(flag(form, "pinned") ? "pinned" : "unpinned");
  }, undefined, explain);
}
