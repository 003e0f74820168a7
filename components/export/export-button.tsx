"use client";

import { useEffect, useRef } from "react";
import "./export.css";

/** The filters of the view being exported (api.md, Export); only those given narrow the export. */
export type TExportFilters = {
  articleId?: string;
  storyId?: string;
  tag?: string;
  author?: string;
  status?: string;
};

type TChoice = { key: string; label: string; hint: string; href: string; fileType: string };

function exportUrl(kind: "csv" | "jsonld", filters: TExportFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return `/api/export/annotations.${kind}${query ? `?${query}` : ""}`;
}

/**
 * "Export ▾": download links for the annotations of the current view: CSV for Excel (BOM), CSV for other
 * spreadsheets, raw CSV (exact text, for scripts and re-import) and W3C JSON-LD. Plain links, so the browser
 * streams the file straight to disk.
 */
export function ExportButtons({ filters = {}, label = "Export" }: { filters?: TExportFilters; label?: string }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const choices: TChoice[] = [
    {
      key: "excel",
      label: "CSV for Excel",
      hint: "Keeps accents and emoji in Excel; formulas are neutralised.",
      href: exportUrl("csv", filters, { excel: "1" }),
      fileType: "CSV",
    },
    {
      key: "csv",
      label: "CSV for spreadsheets",
      hint: "LibreOffice, Google Sheets, Numbers; formulas are neutralised.",
      href: exportUrl("csv", filters),
      fileType: "CSV",
    },
    {
      key: "raw",
      label: "Raw CSV",
      hint: "Every field exactly as stored: for scripts, R or pandas, and re-import.",
      href: exportUrl("csv", filters, { raw: "1" }),
      fileType: "CSV",
    },
    {
      key: "jsonld",
      label: "JSON-LD",
      hint: "W3C Web Annotation collection, for other annotation tools.",
      href: exportUrl("jsonld", filters),
      fileType: "JSON",
    },
  ];

  useEffect(() => {
    const details = menu.current;
    if (!details) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (!details.open) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !details.contains(event.target as Node)) {
        details.open = false;
        if (event instanceof KeyboardEvent) details.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close);
    };
  }, []);

  return (
    <details className="export-menu" ref={menu} data-testid="export-menu">
      <summary className="button small">
        <span aria-hidden>⤓</span> {label}
      </summary>
      <ul className="export-options" aria-label="Download annotations as">
        {choices.map((choice) => (
          <li key={choice.key}>
            <a
              className="export-option"
              href={choice.href}
              download
              data-testid={`export-${choice.key}`}
              onClick={() => {
                if (menu.current) menu.current.open = false;
              }}
            >
              <span className="export-option-head">
                <span className="export-option-label">{choice.label}</span>
                <span className="export-option-type">{choice.fileType}</span>
              </span>
              <span className="export-option-hint">{choice.hint}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
