import { noSuchRoute } from "@/lib/api/methods";

// Any /api path no other route file serves lands here (more specific routes always win).
export {
  noSuchRoute as GET,
  noSuchRoute as POST,
  noSuchRoute as PUT,
  noSuchRoute as PATCH,
  noSuchRoute as DELETE,
  noSuchRoute as OPTIONS,
};
