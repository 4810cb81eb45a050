/** Set images (data URLs, replaces only the kinds sent) and get image (raw bytes; never a portrait). */
import { badRequest, notFound } from "../http/problem";
import { noContent, type Route } from "../http/router";
import { processImage } from "../state/process-media";
import { IMAGE_KINDS, type ImageKind } from "../state/store";
import { parseImages } from "./parse-images";
import { findProcess } from "./process-routes";

export const imageRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/assure\/dossiers\/([^/]+)\/processes\/([^/]+)\/images$/,
    name: "setImages",
    auth: true,
    async handle(ctx) {
      const process = findProcess(ctx.state, ctx.params[0] ?? "", ctx.params[1] ?? "");
      if (process.processType === "documentVideo") {
        throw badRequest("Images cannot be set.", "For documentVideo the provider's SDK captures the images and video.");
      }
      if (process.status !== "pending") {
        throw badRequest("Images cannot be set.", `The process is ${process.status}; images can be set only while pending.`);
      }
      const images = parseImages(await ctx.json(), ctx.state.config.maxImageBytes);
      process.images = { ...process.images, ...images };
      process.updatedAt = Date.now();
      return noContent();
    },
  },
  {
    method: "GET",
    pattern: /^\/assure\/dossiers\/([^/]+)\/processes\/([^/]+)\/images\/([^/]+)$/,
    name: "getImage",
    auth: true,
    handle(ctx) {
      const [dossierId = "", processId = "", kind = ""] = ctx.params;
      const process = findProcess(ctx.state, dossierId, processId);
      // Onfido gives no portrait; any other unknown kind is a path that does not exist.
      if (!(IMAGE_KINDS as readonly string[]).includes(kind)) throw notFound("Image", kind);
      const image = processImage(ctx.state, process, kind as ImageKind);
      if (!image) throw notFound("Image", kind);
      return { status: 200, body: image.bytes, contentType: image.contentType };
    },
  },
];
