import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { ACTIONS, assertCan, can, type TAction } from "./permissions";
import { ROLES, type TRole } from "./roles";

// Who may do what, written out by hand: a change to PERMISSIONS has to change this too.
const MATRIX: Record<TAction, Record<TRole, boolean>> = {
  "article:create": { admin: true, reviewer: true, annotator: false },
  "article:edit": { admin: true, reviewer: true, annotator: false },
  "story:edit": { admin: true, reviewer: true, annotator: false },
  "import:articles": { admin: true, reviewer: true, annotator: false },
  "import:annotations": { admin: true, reviewer: true, annotator: false },
  "import:annotations-for-others": { admin: true, reviewer: false, annotator: false },
  "annotation:delete-any": { admin: true, reviewer: false, annotator: false },
  "team:list-users": { admin: true, reviewer: false, annotator: false },
  "team:add-user": { admin: true, reviewer: false, annotator: false },
  "team:change-role": { admin: true, reviewer: false, annotator: false },
  "team:set-weights": { admin: true, reviewer: false, annotator: false },
  "audit:read": { admin: true, reviewer: false, annotator: false },
  "admin:view": { admin: true, reviewer: false, annotator: false },
  "codebook:edit": { admin: true, reviewer: false, annotator: false },
};

describe("can", () => {
  it("covers every action", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      it(`${role} ${MATRIX[action][role] ? "may" : "may not"} ${action}`, () => {
        expect(can({ role }, action)).toBe(MATRIX[action][role]);
      });
    }
  }
});

describe("assertCan", () => {
  it("refuses with FORBIDDEN, naming who may", () => {
    const refusal = (() => {
      try {
        assertCan({ role: "reviewer" }, "team:set-weights");
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "FORBIDDEN", message: "Only admins can change the score weights." });
    expect(() => assertCan({ role: "annotator" }, "article:create")).toThrow("Only admins and reviewers can add articles.");
  });

  it("lets an allowed role through", () => {
    expect(() => assertCan({ role: "reviewer" }, "article:create")).not.toThrow();
  });
});
