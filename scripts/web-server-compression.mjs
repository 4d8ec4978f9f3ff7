// How scripts/web-server.mjs compresses and sends answers (kept apart so it can be tested
// without a build): brotli when the browser accepts it (gzip otherwise), and a JSON answer
// sent whole, in one write with its length, uncompressed when small (README: Performance).
import compression from "compression";

const JSON_TYPE = /^application\/json\b/i;
// A lookup's answer is 1-2 KB: compressing it costs the server more than the bytes it saves on any link.
const JSON_COMPRESS_THRESHOLD = 4096;
const isJson = (response) => JSON_TYPE.test(String(response.getHeader("content-type") ?? ""));

// Quality 4 (the compression package's default for brotli): close to gzip's speed, clearly smaller; 11 is for files compressed once.
export const compress = compression({
  threshold: 1024,
  filter: (request, response) =>
    compression.filter(request, response) &&
    !(isJson(response) && Number(response.getHeader("content-length")) < JSON_COMPRESS_THRESHOLD),
});

/**
 * Next.js sends a route handler's answer as flushHeaders(), write(body),
 * end(): three socket writes, chunked, with a length compression cannot see
 * (so it compressed even a 50-byte answer). A JSON answer is one chunk:
 * holding its headers and that chunk until end() sends it as one write with a
 * Content-Length, and lets the filter above leave small answers uncompressed.
 * Anything else (pages, streamed exports) passes straight through.
 */
export function sendJsonWhole(response) {
  const { write, end, flushHeaders } = response; // compression's, installed before this
  let held = null; // the chunks held back, while holding
  const startHolding = () => {
    if (held === null && !response.headersSent && isJson(response)) held = [];
    return held !== null;
  };
  const release = (self) => {
    const chunks = held;
    held = null;
    flushHeaders.call(self);
    for (const chunk of chunks) write.call(self, chunk);
  };
  response.flushHeaders = function () {
    if (!startHolding()) flushHeaders.call(this);
  };
  response.write = function (chunk, encoding, callback) {
    if (!startHolding()) return write.call(this, chunk, encoding, callback);
    if (held.length > 0) {
      release(this); // a second chunk: a stream after all
      return write.call(this, chunk, encoding, callback);
    }
    held.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : chunk);
    if (typeof encoding === "function") process.nextTick(encoding);
    else if (typeof callback === "function") process.nextTick(callback);
    return true;
  };
  response.end = function (chunk, encoding, callback) {
    if (held === null) return end.call(this, chunk, encoding, callback);
    const parts = held;
    held = null;
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function")
      parts.push(
        typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : chunk,
      );
    const body = Buffer.concat(parts);
    if (!response.headersSent && !response.hasHeader("transfer-encoding"))
      response.setHeader("Content-Length", body.length);
    const done = [chunk, encoding, callback].find((arg) => typeof arg === "function");
    return end.call(this, body, done);
  };
}
