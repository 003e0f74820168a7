import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { search } from "@/lib/search/search";
import { ZSearchRequest } from "./route.types";

export const GET = apiRoute({ query: ZSearchRequest }, async ({ user, query }) => json(await search(user, query)));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
