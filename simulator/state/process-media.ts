/**
 * The pictures and video of a process. Uploaded images (or the dossier files copied at start) are returned
 * as they came. A process the control API ran "as if captured by the SDK" has generated media instead:
 * front, back for two-sided documents, a selfie for documentSelfie, the sample video for documentVideo.
 */
import { shade } from "../media/canvas";
import type { Look } from "../media/draw-pictures";
import { type PictureKind, renderPicture } from "../media/render-picture";
import { sampleVideo } from "../media/sample-video";
import { identityFor } from "../onfido/run-onfido";
import { isTwoSided } from "../people/countries";
import { planOf, scenarioOf } from "./process-outcome";
import type { SimulatorState } from "./simulator-state";
import type { ImageKind, ProcessRecord, StoredImage } from "./store";

function capturedKinds(process: ProcessRecord, twoSided: boolean): PictureKind[] {
  return [
    "front",
    ...(twoSided ? (["back"] as const) : []),
    ...(process.processType === "documentSelfie" ? (["selfie"] as const) : []),
  ];
}

function generated(state: SimulatorState, process: ProcessRecord, kind: ImageKind): StoredImage | undefined {
  const scenario = scenarioOf(process);
  if (scenario.media === "none") return undefined;
  const plan = planOf(process);
  const identity = identityFor(plan);
  if (!capturedKinds(process, isTwoSided(identity.document.type)).includes(kind)) return undefined;
  const { skin, hair } = identity.person;
  // In the low face-match scenarios the selfie shows somebody else.
  const look: Look =
    kind === "selfie" && scenario.media === "other-face"
      ? { skin: shade(skin, 0.72), hair: [hair[2], hair[0], hair[1]] }
      : { skin, hair };
  const size = state.config.image;
  const key = `${process.processId}:${kind}:${size.width}:${size.targetBytes ?? 0}:${size.quality}`;
  const bytes = state.media.get(key, () =>
    renderPicture({ kind, identity, look, faces: scenario.media === "two-faces" ? 2 : 1, seed: process.seed ^ kind.length }, size),
  );
  return { bytes, contentType: "image/jpeg" };
}

export function processImage(state: SimulatorState, process: ProcessRecord, kind: ImageKind): StoredImage | undefined {
  return process.images?.[kind] ?? (process.captured ? generated(state, process, kind) : undefined);
}

export function processVideo(process: ProcessRecord): Buffer | undefined {
  if (!process.captured || process.processType !== "documentVideo") return undefined;
  return scenarioOf(process).media === "none" ? undefined : sampleVideo();
}
