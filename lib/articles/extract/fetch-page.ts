import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { AppError } from "@/lib/errors";
import type { TAddressPolicy } from "./address-policy";

export type TFetchLimits = { timeoutMs: number; maxBytes: number; maxRedirects: number };

/** One page, not a crawl: a news page is well under 5 MB and answers in seconds. */
export const FETCH_LIMITS: TFetchLimits = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);

const refused = (reason: string) => new AppError("FETCH_REFUSED", `The page was not fetched: ${reason}`, "url");

type THop = { status: number; location: string | null; contentType: string; bytes: Buffer };

/**
 * Resolves the host as the connection will, and refuses it when any of its addresses is not allowed: the check
 * and the connection use the same answer, so a name cannot resolve to a public address for the check and to a
 * private one for the connection.
 */
function guardedLookup(policy: TAddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, family: options.family as number | undefined }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const bad = addresses.find((a) => !policy.allowHost(hostname) && !policy.allowAddress(a.address));
      if (bad) return callback(refused(`${hostname} is at ${bad.address}, a private or local address.`) as NodeJS.ErrnoException, "", 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

function checkTarget(url: URL, policy: TAddressPolicy): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw refused("only http and https addresses can be fetched.");
  if (url.username || url.password) throw refused("addresses with a user name or password are not fetched.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host) && !policy.allowAddress(host) && !policy.allowHost(host)) {
    throw refused(`${host} is a private or local address.`);
  }
}

function requestOnce(url: URL, policy: TAddressPolicy, limits: TFetchLimits, signal: AbortSignal): Promise<THop> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.get(
      url,
      {
        lookup: guardedLookup(policy),
        signal,
        headers: { "user-agent": "Sourcing/1.0 (article import)", accept: "text/html,application/xhtml+xml" },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const contentType = String(res.headers["content-type"] ?? "");
        if (status >= 300 && status < 400) {
          res.resume();
          return resolve({ status, location: res.headers.location ?? null, contentType, bytes: Buffer.alloc(0) });
        }
        if (status < 200 || status >= 300) {
          res.resume();
          return reject(refused(`the site answered ${status}.`));
        }
        const type = contentType.split(";")[0]!.trim().toLowerCase();
        if (!HTML_TYPES.has(type)) {
          res.resume();
          return reject(refused(`it is ${type || "of no stated type"}, not an HTML page.`));
        }
        const tooBig = () => refused(`it is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB.`);
        if (Number(res.headers["content-length"] ?? 0) > limits.maxBytes) {
          res.destroy();
          return reject(tooBig());
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBytes) {
            res.destroy();
            reject(tooBig());
          } else chunks.push(chunk);
        });
        res.on("end", () => resolve({ status, location: null, contentType, bytes: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
  });
}

/** The charset the page declares, in its Content-Type or in its first bytes; UTF-8 otherwise. */
function decode(bytes: Buffer, contentType: string): string {
  const declared = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(bytes.subarray(0, 2048).toString("latin1"))?.[1];
  try {
    return new TextDecoder(declared ?? "utf-8").decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

/**
 * Fetches one HTML page for extraction, within the limits: http(s) only, every hop's address checked against the
 * policy, at most `maxRedirects` redirects, `maxBytes` of body and `timeoutMs` in all. Anything else is refused
 * with FETCH_REFUSED and the reason.
 */
export async function fetchPage(address: string, policy: TAddressPolicy, limits: TFetchLimits = FETCH_LIMITS): Promise<{ html: string; url: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw refused("that is not a web address.");
  }
  try {
    for (let hop = 0; ; hop++) {
      checkTarget(url, policy);
      const answer = await requestOnce(url, policy, limits, controller.signal);
      if (!answer.location && answer.status >= 300) throw refused(`the site answered ${answer.status} without saying where to.`);
      if (!answer.location) return { html: decode(answer.bytes, answer.contentType), url: url.toString() };
      if (hop >= limits.maxRedirects) throw refused(`it redirects more than ${limits.maxRedirects} times.`);
      url = new URL(answer.location, url);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (controller.signal.aborted) throw refused(`the site took longer than ${limits.timeoutMs / 1000} s.`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") throw refused(`${url!.hostname} was not found.`);
    throw refused(`the connection failed (${code ?? (error as Error).message}).`);
  } finally {
    clearTimeout(timer);
  }
}
