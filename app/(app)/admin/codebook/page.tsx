import type { Metadata } from "next";
import Link from "next/link";
import { TAGS } from "@/lib/annotations/tags";
import { findCodebook } from "@/lib/codebook/find-codebook";
import { serializeCodebookEntry } from "@/lib/codebook/serialize";
import { requirePermission } from "@/lib/session";
import { CodebookEditor } from "./codebook-editor";

export const metadata: Metadata = { title: "Codebook" };

export default async function CodebookAdminPage() {
  const user = await requirePermission("codebook:edit", "/admin/codebook");
  const codebook = await findCodebook(user);
  return (
    <div className="stack narrow cb-page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/admin">Admin</Link>
        <span>Codebook</span>
      </nav>
      <div>
        <h1>Codebook</h1>
        <p className="muted">
          How {user.teamName} words each tag: the definition and example in the tag palette, and everything on the{" "}
          <Link href="/how-to-tag">How to tag</Link> page. Each tag is saved on its own; a tag you have not changed keeps the built-in
          wording, and every save and reset is in the <Link href="/admin/audit">audit log</Link>.
        </p>
      </div>
      <CodebookEditor entries={TAGS.map((t) => serializeCodebookEntry(codebook[t]))} />
    </div>
  );
}
