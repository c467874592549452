import { THEMES, type Theme } from './dashboard-palette.js';
import { SPOKE_STATUSES } from '@deployforge/catalog';

function themeVariables(t: Theme): string {
  const vars = [
    `--page:${t.page}`, `--card:${t.card}`, `--text:${t.text}`, `--muted:${t.muted}`,
    `--border:${t.border}`, `--link:${t.link}`, `--focus:${t.focus}`,
    ...SPOKE_STATUSES.flatMap((s) => [`--${s}-fg:${t.status[s].fg}`, `--${s}-bg:${t.status[s].bg}`, `--${s}-accent:${t.status[s].accent}`]),
  ];
  return vars.join(';');
}

/**
 * The page's only stylesheet, inlined: no CDN, no web font, so the page is identical from file://,
 * GitHub Pages or an artifact download. System fonts; the layout is a grid that reflows from one
 * column on a phone to as many as fit.
 */
export function dashboardCss(): string {
  const perStatus = SPOKE_STATUSES.map((s) =>
    `.s-${s}{--fg:var(--${s}-fg);--bg:var(--${s}-bg);--accent:var(--${s}-accent)}`).join('\n');
  return `
:root{${themeVariables(THEMES.light)};color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{${themeVariables(THEMES.dark)}}}
${perStatus}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;background:var(--page);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
a{color:var(--link);text-underline-offset:2px}
a:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--card);padding:.5rem 1rem}
.skip:focus{left:.5rem;top:.5rem}
header,main,footer,nav{max-width:80rem;margin:0 auto;padding:1rem}
nav{padding-bottom:0}
header{padding-top:1.5rem}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 .5rem;overflow-wrap:anywhere}
h2{font-size:1.25rem;margin:2rem 0 .75rem}
h3{font-size:1.05rem;margin:0;overflow-wrap:anywhere}
.meta{color:var(--muted);margin:.25rem 0;overflow-wrap:anywhere}
.verdict{display:inline-block;margin:.5rem 0;padding:.5rem .75rem;border-radius:6px;border-left:6px solid var(--accent);background:var(--bg);color:var(--fg);font-weight:600}
.grid{list-style:none;margin:0;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,17rem),1fr))}
.card{height:100%;background:var(--card);border:1px solid var(--border);border-left:6px solid var(--accent);border-radius:8px;padding:.875rem 1rem;display:flex;flex-direction:column;gap:.5rem;min-width:0}
.card-head{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.25rem .5rem}
.pill{display:inline-flex;align-items:center;gap:.35rem;padding:.1rem .6rem;border-radius:999px;background:var(--bg);color:var(--fg);font-weight:600;font-size:.9rem;white-space:nowrap}
.req{font-size:.75rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:var(--text);border:1px solid var(--muted);border-radius:4px;padding:0 .35rem;margin-left:.35rem;vertical-align:middle}
.facts{display:grid;grid-template-columns:auto 1fr;gap:.1rem .75rem;margin:0;font-size:.9rem}
.facts dt{color:var(--muted)}
.facts dd{margin:0;overflow-wrap:anywhere}
.detail{margin:0;font-size:.9rem;overflow-wrap:anywhere}
.attention{background:var(--card);border:1px solid var(--border);border-left:6px solid var(--accent);border-radius:8px;padding:.5rem 1rem}
.attention h2{margin:.75rem 0 .5rem}
.attention ul{padding-left:1.25rem}
.attention li{margin:.5rem 0;overflow-wrap:anywhere}
.todo{color:var(--text)}
.supply{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.table-wrap{overflow-x:auto;max-width:100%;border:1px solid var(--border);border-radius:8px;background:var(--card)}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;padding:.5rem .75rem;color:var(--muted)}
th,td{padding:.4rem .75rem;border-top:1px solid var(--border);text-align:left;vertical-align:top}
th[scope=col]{white-space:nowrap}
td.num{text-align:right;white-space:nowrap}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em;word-break:break-all}
.cell{color:var(--fg);font-weight:600;white-space:nowrap}
.ver{font-variant-numeric:tabular-nums;margin-right:.35rem}
.lag{display:inline-block;margin-top:.15rem;padding:0 .4rem;border-radius:4px;background:var(--failed-bg);color:var(--failed-fg);font-weight:700;white-space:nowrap}
td.behind{box-shadow:inset 4px 0 0 var(--failed-accent)}
.dispatch{background:var(--page);border:1px solid var(--border);border-radius:6px;padding:.5rem .75rem;overflow-x:auto}
.dispatch code{word-break:normal}
footer{color:var(--muted);font-size:.85rem}
`.trim();
}
