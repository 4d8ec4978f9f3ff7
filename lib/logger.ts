import "server-only";
import pino from "pino";
import { env } from "@/lib/env";

/** Structured JSON logs on stdout. Never log secrets, tokens or passwords. */
let instance: pino.Logger | undefined;

export function logger(): pino.Logger {
  instance ??= pino({
    level: env().LOG_LEVEL,
    base: { app: "tokendesk" },
    redact: { paths: ["*.password", "*.authorization", "*.accessKey", "*.token", "*.secret"], censor: "[redacted]" },
  });
  return instance;
}
