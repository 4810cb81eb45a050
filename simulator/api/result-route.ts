/**
 * `GET .../result`: the full-result zip, built on request from the stored plan (never kept). 400 while the
 * process is not final; 404 for failed and canceled, which have no provider result.
 */
import { badRequest, Problem } from "../http/problem";
import type { Route } from "../http/router";
import { buildResultZip, mediaName, type ZipMedia } from "../media/result-zip";
import { onfidoRunOf } from "../state/process-outcome";
import { processImage, processVideo } from "../state/process-media";
import { processView } from "../state/process-view";
import { IMAGE_KINDS } from "../state/store";
import { findProcess } from "./process-routes";

export const resultRoute: Route = {
  method: "GET",
  pattern: /^\/assure\/dossiers\/([^/]+)\/processes\/([^/]+)\/result$/,
  name: "getResult",
  auth: true,
  async handle(ctx) {
    const process = findProcess(ctx.state, ctx.params[0] ?? "", ctx.params[1] ?? "");
    if (process.status === "pending" || process.status === "processing") {
      throw badRequest("Process not finished.", `The process is ${process.status}; the result exists once it is final.`);
    }
    const run = onfidoRunOf(process);
    if (!run) throw new Problem(404, "Not found.", `A ${process.status} process has no full result.`);
    const media: ZipMedia[] = [];
    for (const kind of IMAGE_KINDS) {
      const image = processImage(ctx.state, process, kind);
      if (image) media.push({ name: mediaName(kind, image.contentType), bytes: image.bytes });
    }
    const video = processVideo(process);
    if (video) media.push({ name: "media/video.mp4", bytes: video });
    const zip = buildResultZip(processView(process), run, media, new Date(process.updatedAt));
    return {
      status: 200,
      body: zip,
      contentType: "application/zip",
      headers: { "content-disposition": `attachment; filename="${process.processId}.zip"` },
    };
  },
};
