import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { READ_LIMITS, readPage } from "./read-page";

const page = (name: string, encoding: BufferEncoding = "utf8") => readFileSync(path.join(__dirname, "fixtures", name), encoding);

describe("readPage", () => {
  it("reads a wire story's JSON-LD graph and keeps only the story's paragraphs", async () => {
    const r = await readPage(page("wire-story.html"), "https://www.harborwire.example/business/2024/03/14/port-strike-ends?utm_source=x");
    expect(r).toMatchObject({
      title: "Port strike ends after 11 days as union accepts wage deal",
      outlet: "Harbor Wire",
      byline: "Maria Okafor, Tom Lindqvist",
      publishedAt: "2024-03-14",
      url: "https://www.harborwire.example/business/2024/03/14/port-strike-ends",
    });
    const paragraphs = r.body.split("\n\n");
    expect(paragraphs[0]).toMatch(/^NEWPORT BAY, March 14 \(Harbor Wire\) - Dock workers voted/);
    expect(paragraphs).toContain("Backlog could take weeks");
    expect(r.body).toContain('"Our members stood together and won a fair deal," union president Dolores Vance said');
    expect(r.body).toContain("Two people familiar with the talks, who asked not to be named");
    for (const noise of ["Accept all", "Sign in to join", "All rights reserved", "Share on X", "Search Harbor Wire", "About time they settled"]) {
      expect(r.body).not.toContain(noise);
    }
  });

  it("reads a local page's meta tags, its declared charset's text and a relative canonical link", async () => {
    const html = new TextDecoder("windows-1252").decode(readFileSync(path.join(__dirname, "fixtures", "local-news.html")));
    const r = await readPage(html, "https://millbrookgazette.example/story?id=881");
    expect(r).toMatchObject({
      title: "Council delays vote on riverside housing plan",
      outlet: "Millbrook Gazette",
      byline: "Jane Roe",
      publishedAt: "2023-05-04",
      url: "https://millbrookgazette.example/news/local/council-delays-vote-riverside-housing",
    });
    expect(r.body.split("\n\n")).toHaveLength(4);
    expect(r.body).toContain("MILLBROOK — The city council on Wednesday postponed");
    expect(r.body).toContain("“We owe the neighbors real answers,” Park said.");
    expect(r.body).toContain("Café Rivière");
    expect(r.body).not.toMatch(/Subscribe|Most read|Copyright/);
  });

  it("reads an opinion column typed as a list of types, with its subheads and quotations", async () => {
    const r = await readPage(page("opinion-column.html"), null);
    expect(r).toMatchObject({
      title: "The four-day week is coming, whether bosses like it or not",
      outlet: "The Northern Ledger",
      byline: "Rhiannon Price",
      publishedAt: "2022-11-02",
      url: "https://northernledger.example/opinion/four-day-week",
    });
    expect(r.body).toContain("There is a particular kind of manager");
    expect(r.body.split("\n\n")).toContain("Who pays?");
    expect(r.body).toContain('"We expected chaos. What we got was a calmer office," one finance director told the researchers.');
    expect(r.body).not.toContain("Support us");
  });

  it("finds no article on a page without one", async () => {
    const r = await readPage("<html><head><title>Login</title></head><body><form><input name=u></form></body></html>", "https://x.example/login");
    expect(r.body).toBe("");
    expect(r.outlet).toBe("x.example");
  });

  it("refuses pages nested too deep or too large to read, without holding the server", async () => {
    const nested = (n: number) => `<html><body>${"<div>".repeat(n)}deep${"</div>".repeat(n)}</body></html>`;
    await expect(readPage(nested(READ_LIMITS.maxDepth + 1), null)).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/nests elements more than 200 deep/) });
    await expect(readPage(nested(100_000), null)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const crowded = `<html><body>${"<span>x</span>".repeat(READ_LIMITS.maxElements + 1)}</body></html>`;
    await expect(readPage(crowded, null)).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/more than 20,000 elements/) });
    const wire = page("wire-story.html");
    await expect(readPage(wire, null, { timeoutMs: 1, memoryMb: 512 })).rejects.toMatchObject({ code: "TOO_LARGE" });
  });
});
