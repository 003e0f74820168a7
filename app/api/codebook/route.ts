import { TAGS } from "@/lib/annotations/tags";
import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { findCodebook } from "@/lib/codebook/find-codebook";
import { serializeCodebookEntry } from "@/lib/codebook/serialize";

export const GET = apiRoute(async ({ user }) => {
  const codebook = await findCodebook(user);
  return json({ entries: TAGS.map((tag) => serializeCodebookEntry(codebook[tag])) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
