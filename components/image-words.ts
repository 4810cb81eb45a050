import type { Messages } from "./labels";

/** The picture viewer's messages, handed from the server to the client ImageCard. */
export type ImageViewerWords = Messages["ImageViewer"];

export interface ViewerImage {
  url: string;
  /** What the picture is (`front`, `selfie`, …: its name comes from the messages), or `other`. */
  kind?: string;
  /** The picture's name: a file's own name for `other`. */
  label: string;
  sizeText: string;
  /** When given, the size is written in the viewer's locale rather than as `sizeText`. */
  sizeBytes?: number;
}

/** The picture with its name in the page's language: Onfido's kinds of media have one, other files keep theirs. */
export function inPageLanguage<I extends ViewerImage>(image: I, words: ImageViewerWords): I {
  const name = image.kind ? (words.kinds as Record<string, string>)[image.kind] : undefined;
  return name ? { ...image, label: name } : image;
}
