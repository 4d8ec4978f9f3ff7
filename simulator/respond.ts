import type { IncomingMessage, ServerResponse } from "node:http";

/** Small HTTP helpers shared by the admin API, the OAuth endpoint and the control endpoints. */

/** A 200 answered with no body at all (call 15's DELETE). */
export const EMPTY_BODY = Symbol("empty body");

/** A call's outcome before it is sent: a status and a JSON body (or EMPTY_BODY). */
export interface CallAnswer {
  status: number;
  body: unknown;
}

/** Sends a call's outcome: JSON, or a bodiless answer for EMPTY_BODY. */
export function sendAnswer(res: ServerResponse, answer: CallAnswer): void {
  if (answer.body === EMPTY_BODY) {
    if (isGone(res)) return;
    res.writeHead(answer.status, { "Content-Length": 0 });
    res.end();
    return;
  }
  sendJson(res, answer.status, answer.body);
}

/** Larger bodies are refused: no call here takes more than a few hundred bytes. */
const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError("request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** True once the client went away or a response was already sent (e.g. after close()). */
export function isGone(res: ServerResponse): boolean {
  return res.headersSent || res.writableEnded || res.destroyed;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (isGone(res)) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendRaw(
  res: ServerResponse,
  status: number,
  contentType: string,
  text: string,
  headers: Record<string, string> = {},
): void {
  if (isGone(res)) return;
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  if (isGone(res)) return;
  res.writeHead(status);
  res.end();
}

/** Parses JSON without throwing: `ok: false` for anything that is not valid JSON. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The media type of a Content-Type header, lower-cased and without parameters. */
export function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}
