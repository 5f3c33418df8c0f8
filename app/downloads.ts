import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { type FileMessage, fileMessageSchema } from "../src/chat/outbound.js";
import type { Logger } from "../src/chat/ports.js";
import { DOWNLOAD_TTL_MS, type Keys } from "../src/store/keys.js";
import type { Store } from "../src/store/store.js";

/** Where the app serves files it could not attach in the chat (GET, `?id=`). */
export const DOWNLOAD_PATH = "/downloads";

const storedFile = fileMessageSchema.pick({ filename: true, mimeType: true, content: true });
/** 32 bytes of randomness: the id is the only key to the file, so it must not be guessable. */
const idSchema = z.string().regex(/^[\w-]{43}$/);

export interface Downloads {
  /** Keep the file for DOWNLOAD_TTL_MS and return its link (any replica serves it: the file is in the store). */
  linkFor(file: FileMessage): Promise<string>;
  handler(req: IncomingMessage, res: ServerResponse): void;
}

export function createDownloads(deps: { store: Store; keys: Keys; publicUrl: string; logger: Logger }): Downloads {
  const base = deps.publicUrl.replace(/\/+$/, "");
  const refuse = (res: ServerResponse, status: number, text: string) =>
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(text);
  return {
    async linkFor(file) {
      const id = randomBytes(32).toString("base64url");
      const { filename, mimeType, content } = file;
      await deps.store.set(deps.keys.download(id), { filename, mimeType, content }, DOWNLOAD_TTL_MS);
      return `${base}${DOWNLOAD_PATH}?${new URLSearchParams({ id })}`;
    },
    handler(req, res) {
      const id = idSchema.safeParse(new URL(req.url ?? "/", "http://download").searchParams.get("id"));
      if (!id.success) return refuse(res, 404, "no such download");
      deps.store.get(deps.keys.download(id.data), storedFile).then(
        (file) => {
          if (!file) return refuse(res, 410, "this download link has expired: ask the bot for a new export");
          res.writeHead(200, {
            "content-type": `${file.mimeType}; charset=utf-8`,
            "content-disposition": `attachment; filename="${file.filename}"`,
            "cache-control": "private, no-store",
          });
          res.end(file.content);
        },
        (error: unknown) => {
          deps.logger.warn({ err: error }, "download could not be read");
          refuse(res, 503, "try again in a moment");
        },
      );
    },
  };
}
