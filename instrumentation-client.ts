// Runs in the browser before any of the app's code. Zod compiles object schemas with `new Function` when it may,
// and finds out whether it may by trying: under the app's CSP (no 'unsafe-eval') that try is refused and reported
// as a violation on every page that parses an API answer. Zod's interpreted parser needs no eval; it must be chosen
// before the first schema is built, which is why it is set here and not beside the schemas.
import { z } from "zod";

z.config({ jitless: true });
