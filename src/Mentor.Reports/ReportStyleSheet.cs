namespace Mentor.Reports;

/// <summary>The report's inline CSS: local system fonts only, no external resource.</summary>
internal static class ReportStyleSheet
{
    public const string Css = """
        :root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --accent: #1f77b4; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #fff; color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1160px; margin: 0 auto; padding: 24px 20px 48px; }
        header { border-bottom: 3px solid var(--accent); margin-bottom: 8px; padding-bottom: 12px; }
        h1 { font-size: 1.9rem; margin: 0 0 4px; }
        h2 { font-size: 1.35rem; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        .subtitle { color: var(--muted); margin: 0; overflow-wrap: anywhere; }
        table.facts { border-collapse: collapse; width: 100%; max-width: 820px; }
        table.facts th, table.facts td { text-align: left; vertical-align: top; padding: 6px 12px; border-bottom: 1px solid var(--line); }
        table.facts th { font-weight: 500; color: var(--muted); width: 70%; }
        table.facts td { font-weight: 600; font-variant-numeric: tabular-nums; }
        .figures { display: flex; flex-wrap: wrap; gap: 28px 32px; align-items: flex-start; margin-top: 20px; }
        figure.plot { margin: 0; flex: 0 1 auto; max-width: 100%; }
        figure.plot img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
        figcaption { color: var(--muted); font-size: 0.92rem; margin-top: 6px; }
        .gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(176px, 1fr)); gap: 16px; }
        figure.thumb { margin: 0; padding: 8px; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
        figure.thumb img, .unreadable { display: block; margin: 0 auto; max-width: 100%; height: auto; border-radius: 4px; }
        .unreadable { width: 160px; height: 120px; display: flex; align-items: center; justify-content: center; text-align: center; background: #eaeef2; color: var(--muted); font-size: 0.9rem; }
        figure.thumb figcaption { color: var(--ink); text-align: center; }
        figure.thumb .file { display: block; color: var(--muted); font-size: 0.78rem; overflow-wrap: anywhere; }
        footer { margin-top: 48px; color: var(--muted); font-size: 0.85rem; }
        @media (max-width: 600px) { main { padding: 16px 12px 32px; } h1 { font-size: 1.5rem; } table.facts th { width: 60%; } }
        """;
}
