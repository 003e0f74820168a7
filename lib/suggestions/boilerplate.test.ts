import { describe, expect, it } from "vitest";
import { isBoilerplateLine } from "./boilerplate";

describe("isBoilerplateLine", () => {
  it.each([
    "© 2025 Blaze Media LLC. All rights reserved.",
    "Like Blaze News? Bypass the censors, sign up for our newsletters, and get stories like this direct to your inbox.",
    "Want to join the conversation?",
    "Photo by Kevin Frayer/Getty Images",
    "- Website: https://www.example.com/",
    "Joseph MacKinnon is a staff writer for Blaze News.",
    "(Reporting by Joost Verbeek; Editing by Clare Holt)",
  ])("flags %j", (line) => expect(isBoilerplateLine(line)).toBe(true));

  it.each([
    "The FBI said in December that hackers in Beijing infiltrated networks.",
    "Sources told the Wall Street Journal that the meeting took place in Geneva.",
    "The council should stop dithering and get out of the way.",
  ])("keeps %j", (line) => expect(isBoilerplateLine(line)).toBe(false));
});
