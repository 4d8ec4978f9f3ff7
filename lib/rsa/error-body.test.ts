import { describe, expect, it } from "vitest";
import { parseErrorBody, parseRetryAfter } from "@/lib/rsa/error-body";
import { normaliseTimestamp } from "@/lib/rsa/answers";

describe("RSA error bodies", () => {
  it("reads the business shape", () => {
    expect(
      parseErrorBody(
        `{"code": "404 NOT_FOUND", "description": "User someone@example.com not found"}`,
        "application/json",
      ),
    ).toEqual({
      shape: "business",
      code: "404 NOT_FOUND",
      description: "User someone@example.com not found",
    });
  });

  it("reads the framework shape", () => {
    const body = `{"timestamp": 1749938869908, "status": 403, "error": "Forbidden", "message": "Server failed to process provided access token", "path": "/AdminInterface/restapi/v1/x"}`;
    expect(parseErrorBody(body, "application/json")).toEqual({
      shape: "framework",
      code: "Forbidden",
      description: "Server failed to process provided access token",
    });
  });

  it("recognises a gateway's HTML page, an empty body and anything else without throwing", () => {
    expect(parseErrorBody("<html><head><title>503 Service Unavailable</title></head></html>", "text/html")).toEqual({
      shape: "html",
      description: "HTML page: 503 Service Unavailable",
    });
    expect(parseErrorBody("", null)).toEqual({ shape: "empty" });
    expect(parseErrorBody("[1,2]", "application/json").shape).toBe("other");
    expect(parseErrorBody("oops", "text/plain")).toEqual({ shape: "other", description: "oops" });
    expect(parseErrorBody("x".repeat(1000), null).description!.length).toBeLessThanOrEqual(301);
  });

  it("reads Retry-After as seconds or as a date", () => {
    expect(parseRetryAfter("3", 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter("soon", 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});

describe("informational timestamps", () => {
  it("are normalised to ISO, including the vendor's colon-less form, and unreadable ones become null", () => {
    expect(normaliseTimestamp("2021-06-04T16:16:56.879Z")).toBe("2021-06-04T16:16:56.879Z");
    expect(normaliseTimestamp("2021-06-04T161656.879Z")).toBe("2021-06-04T16:16:56.879Z");
    expect(normaliseTimestamp("<2021-06-11T19:10:30.045Z>")).toBeNull();
    expect(normaliseTimestamp(null)).toBeNull();
    expect(normaliseTimestamp(0)).toBe("1970-01-01T00:00:00.000Z");
  });
});
