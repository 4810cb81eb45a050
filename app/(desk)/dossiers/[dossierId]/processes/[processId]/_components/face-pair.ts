import type { MediaView } from "@/lib/results/result-view";

/**
 * The two faces a reviewer compares: the document's (the portrait crop when the zip has one, else the front,
 * where the photo is) and the person's (the selfie, else the liveness video). Either may be missing.
 */
export interface FacePair {
  document: MediaView | null;
  person: MediaView | null;
}

const find = (media: MediaView[], kind: MediaView["kind"]) => media.find((m) => m.kind === kind) ?? null;

export function pickFaces(media: MediaView[]): FacePair {
  return {
    document: find(media, "portrait") ?? find(media, "front"),
    person: find(media, "selfie") ?? find(media, "video"),
  };
}

/** Whether there is anything to compare: at least one of the two faces. */
export function hasFaces(result: { media: MediaView[] }): boolean {
  const pair = pickFaces(result.media);
  return pair.document !== null || pair.person !== null;
}
