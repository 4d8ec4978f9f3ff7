import { createServer, get, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import { brotliDecompressSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { compress, sendJsonWhole } from "./web-server-compression.mjs";

/**
 * What the web server does around Next.js's writes, replayed as Next.js makes
 * them (flushHeaders, write, flush, end): a JSON answer goes out whole, with
 * its length, uncompressed when small and compressed when large; anything
 * else streams and is compressed as before.
 */

type Writer = (response: ServerResponse & { flush?: () => void }) => void;
let server: Server | undefined;
afterEach(() => server?.close());

async function serve(writer: Writer, acceptEncoding = "gzip, deflate, br") {
  server = createServer((request, response) =>
    compress(request, response, () => {
      sendJsonWhole(response);
      writer(response);
    }),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get(`http://127.0.0.1:${port}/`, { headers: { "accept-encoding": acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

/** Next.js's pipeToNodeResponse: headers first, then each chunk followed by a flush, then end. */
const asNext =
  (type: string, ...chunks: string[]): Writer =>
  (response) => {
    response.setHeader("Content-Type", type);
    response.flushHeaders();
    for (const chunk of chunks) {
      response.write(new TextEncoder().encode(chunk));
      response.flush?.();
    }
    setImmediate(() => response.end());
  };

describe("the web server's answers", () => {
  it("sends a small JSON answer in one piece with its length, uncompressed", async () => {
    const json = JSON.stringify({ ok: true, data: { serial: "000000300101" } });
    const { headers, body } = await serve(asNext("application/json", json));
    expect(headers["content-length"]).toBe(String(Buffer.byteLength(json)));
    expect(headers["content-encoding"]).toBeUndefined();
    expect(headers["transfer-encoding"]).toBeUndefined();
    expect(body.toString()).toBe(json);
  });

  it("compresses a large JSON answer with brotli", async () => {
    const json = JSON.stringify({ ok: true, data: Array.from({ length: 400 }, (_, i) => ({ name: `Person ${i}` })) });
    const { headers, body } = await serve(asNext("application/json", json));
    expect(headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(body).toString()).toBe(json);
  });

  it("passes a JSON answer written in several chunks through whole, as a stream", async () => {
    const { headers, body } = await serve(asNext("application/json", '{"a":', '"b"}'), "identity");
    expect(headers["transfer-encoding"]).toBe("chunked");
    expect(body.toString()).toBe('{"a":"b"}');
  });

  it("streams and compresses everything else as before", async () => {
    const html = `<!doctype html><p>${"desk ".repeat(400)}</p>`;
    const { headers, body } = await serve(asNext("text/html; charset=utf-8", html.slice(0, 900), html.slice(900)));
    expect(headers["content-encoding"]).toBe("br");
    expect(headers["transfer-encoding"]).toBe("chunked");
    expect(brotliDecompressSync(body).toString()).toBe(html);
  });
});
