import { describe, expect, it } from "vitest";
import { requestProblem } from "@/lib/http/malformed-request";
import { isJsonContentType } from "@/lib/http/json-body";

describe("requests no route can read", () => {
  it.each([
    "/petition/%zz",
    "/api/petitions/%/signatures",
    "/api/petitions/%E0%A4%A/totals",
    "/petition/%ED%A0%80",
  ])("refuses the bad percent-encoding of %s", (target) => {
    expect(requestProblem(target, "localhost:3000")).toEqual({
      status: 400,
      message: "The address has a bad percent-encoding (a % must be followed by two hex digits of UTF-8).",
    });
  });

  it.each(["/petition/%00", "/api/pledges/a%0Ab/takers", "/petition/%C2%85"])(
    "refuses a control character in %s",
    (target) => {
      expect(requestProblem(target, "localhost")).toEqual({
        status: 400,
        message: "The address contains a control character.",
      });
    },
  );

  it.each(["bad host", "a/b", "host:port", "", "[::1", "exa mple.org:80", "x".repeat(300)])(
    "refuses the Host %j",
    (host) => {
      expect(requestProblem("/", host)).toEqual({
        status: 400,
        message: "The Host header is not a valid host name.",
      });
    },
  );

  it.each([
    ["/petition/protect-children-online?source=%zz", "localhost:3000"],
    ["/petition/caf%C3%A9", "example.org"],
    ["/", "127.0.0.1:8080"],
    ["/", "[::1]:3000"],
    ["/", "app_1.internal"],
    ["http://example.org/petition/x", "example.org"],
    ["*", "example.org"],
  ])("lets %s through, with Host %s", (target, host) => {
    expect(requestProblem(target, host)).toBeNull();
  });

  it("lets an HTTP/1.0 request without a Host through", () => {
    expect(requestProblem("/", undefined)).toBeNull();
  });
});

describe("JSON content types", () => {
  it.each([
    "application/json",
    "Application/JSON; charset=utf-8",
    "application/json;charset=UTF-16",
    "application/hal+json; charset=utf-8",
  ])("reads %s", (type) => expect(isJsonContentType(type)).toBe(true));
  it.each([
    null,
    "",
    "application/json-patch",
    "application/json-patch+json",
    "application/merge-patch+json",
    "application/jsonx",
    "text/plain",
    "text/json",
    "multipart/form-data; boundary=x",
    "application/x-www-form-urlencoded",
    "application/json, text/plain",
  ])("refuses %s", (type) => expect(isJsonContentType(type)).toBe(false));
});
