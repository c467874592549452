import { createRequire as __dfCreateRequire } from 'node:module'; const require = __dfCreateRequire(import.meta.url);
import{DEFAULT_HISTORY_KEEP,SPOKE_STATUSES,driftCounts,isDriftReport,mergeHistory,serializeHistory,supplyChainItems,versionHistory}from"./chunk-253CNBMQ.js";const{mkdir,writeFile}=require("node:fs/promises");const{dirname,join}=require("node:path");var STATUS_PRESENTATION={published:{label:"published",emoji:"\u2705",symbol:"\u2714"},skipped:{label:"skipped",emoji:"\u23ED\uFE0F",symbol:"\u21B7"},"dry-run":{label:"dry run",emoji:"\u{1F9EA}",symbol:"\u25C7"},"needs-human":{label:"needs a person",emoji:"\u26A0\uFE0F",symbol:"\u26A0"},failed:{label:"failed",emoji:"\u274C",symbol:"\u2716"}},OK_STATUSES=["published","skipped","dry-run"];function isOk(status){return OK_STATUSES.includes(status)}function healthCounts(doc){let entries=Object.entries(doc.platforms),failed=entries.filter(([,p])=>p.status==="failed"),counts={total:entries.length,ok:entries.filter(([,p])=>doc.release?.status==="failed"?p.status!=="skipped"&&isOk(p.status):isOk(p.status)).length,needsHuman:entries.filter(([,p])=>p.status==="needs-human").map(([k])=>k),requiredFailed:failed.filter(([,p])=>p.required).map(([k])=>k),optionalFailed:failed.filter(([,p])=>!p.required).map(([k])=>k)};return doc.release?.status==="failed"&&counts.requiredFailed.unshift("github"),doc.release?.status==="needs-human"&&counts.needsHuman.unshift("github"),counts}function releaseHealth(doc){let c=healthCounts(doc);return doc.plan||c.requiredFailed.length>0?"required-failure":c.optionalFailed.length>0?"optional-failure":c.needsHuman.length>0?"needs-human":"ok"}var BADGE_COLOR={ok:"brightgreen","needs-human":"yellow","optional-failure":"orange","required-failure":"red"};function renderBadge(doc){if(isDriftReport(doc)){let d=driftCounts(doc);return d.drifted.length>0?{schemaVersion:1,label:"release",message:`${doc.version} \xB7 ${d.drifted.length} behind`,color:"red"}:d.unknown.length>0?{schemaVersion:1,label:"release",message:`${doc.version} \xB7 ${d.unknown.length} unknown`,color:"yellow"}:{schemaVersion:1,label:"release",message:`${doc.version} \xB7 in sync`,color:"brightgreen"}}let c=healthCounts(doc),version=`${doc.version}${doc["dry-run"]?" (dry run)":""}`;return{schemaVersion:1,label:"release",message:doc.plan?`${version} \xB7 plan failed`:doc.release?.status==="failed"?`${version} \xB7 release failed`:`${version} \xB7 ${c.ok}/${c.total} ok`,color:BADGE_COLOR[releaseHealth(doc)]}}var THEMES={light:{page:"#f6f8fa",card:"#ffffff",text:"#1f2328",muted:"#57606a",border:"#d0d7de",link:"#0550ae",focus:"#0550ae",status:{published:{fg:"#116329",bg:"#dafbe1",accent:"#1a7f37"},failed:{fg:"#a40e26",bg:"#ffebe9",accent:"#cf222e"},"needs-human":{fg:"#7d4e00",bg:"#fff8c5",accent:"#bf8700"},skipped:{fg:"#57606a",bg:"#eaeef2",accent:"#8c959f"},"dry-run":{fg:"#0550ae",bg:"#ddf4ff",accent:"#218bff"}}},dark:{page:"#0d1117",card:"#161b22",text:"#e6edf3",muted:"#9ea7b3",border:"#3d444d",link:"#79c0ff",focus:"#79c0ff",status:{published:{fg:"#56d364",bg:"#0f2d1a",accent:"#2ea043"},failed:{fg:"#ff8e86",bg:"#3c1618",accent:"#f85149"},"needs-human":{fg:"#e3b341",bg:"#341f00",accent:"#d29922"},skipped:{fg:"#b1bac4",bg:"#262c36",accent:"#6e7681"},"dry-run":{fg:"#79c0ff",bg:"#0c2d6b",accent:"#388bfd"}}}};function themeVariables(t){return[`--page:${t.page}`,`--card:${t.card}`,`--text:${t.text}`,`--muted:${t.muted}`,`--border:${t.border}`,`--link:${t.link}`,`--focus:${t.focus}`,...SPOKE_STATUSES.flatMap(s=>[`--${s}-fg:${t.status[s].fg}`,`--${s}-bg:${t.status[s].bg}`,`--${s}-accent:${t.status[s].accent}`])].join(";")}function dashboardCss(){let perStatus=SPOKE_STATUSES.map(s=>`.s-${s}{--fg:var(--${s}-fg);--bg:var(--${s}-bg);--accent:var(--${s}-accent)}`).join(`
`);return`
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
`.trim()}function escapeHtml(text){return text.replace(/[&<>"']/g,c=>({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"})[c])}function formatDuration(ms){if(!ms||!Number.isFinite(ms)||ms<=0)return;if(ms<1e3)return`${Math.round(ms)} ms`;if(ms<6e4)return`${(ms/1e3).toFixed(1)} s`;let seconds=Math.round(ms/1e3);return`${Math.floor(seconds/60)} min ${seconds%60} s`}function formatBytes(bytes){if(bytes<1024)return`${bytes} B`;let units=["KiB","MiB","GiB","TiB"],value=bytes/1024,unit=0;for(;value>=1024&&unit<units.length-1;)value/=1024,unit++;return`${value.toFixed(1)} ${units[unit]}`}function formatCount(n){return n.toLocaleString("en-US")}function safeHttpUrl(url){if(url)try{let parsed=new URL(url);return parsed.protocol==="https:"||parsed.protocol==="http:"?parsed.href:void 0}catch{return}}var ACTIONS={chocolatey:"Wait for Chocolatey moderation (or answer the moderator on the package page); nothing needs re-running once it is approved.",winget:"Review the pull request on microsoft/winget-pkgs and answer the moderators; the first version of a package is always reviewed by hand.",flathub:"Follow the Flathub submission pull request through review; the first submission of an app is reviewed by hand.",homebrew:"Merge the formula pull request on the tap.",snap:"Renew SNAPCRAFT_STORE_CREDENTIALS (snapcraft export-login) or answer the Snap Store review, then re-run this platform.",vscode:"Check the extension on the Marketplace / Open VSX publisher page (a new publisher or namespace needs verifying), then re-run this platform.",aur:"Check the AUR package page (ownership or a disowned package needs a person), then re-run this platform."};function needsHumanAction(key){let platform=key.startsWith("custom:")?"custom":key;return ACTIONS[platform]??"Do what the detail says, then re-run the workflow for this platform (workflow_dispatch with platforms set to it)."}function rerunHint(keys,version){return`Then re-run only these: workflow_dispatch with version \`${version}\` and platforms \`${keys.join(",")}\`.`}function installCommands(assets){let commands=[],urlOf=name=>{let url=safeHttpUrl(assets.find(a=>a.name===name)?.url);return url&&/^[A-Za-z0-9:/@+,.=%~_-]+$/.test(url)?url:void 0},sh=urlOf("install.sh");sh&&commands.push({shell:"sh",command:`curl -fsSL ${sh} | sh`});let ps1=urlOf("install.ps1");return ps1&&commands.push({shell:"powershell",command:`irm ${ps1} | iex`}),commands}function detailPageName(doc){let version=doc.version.replace(/[^A-Za-z0-9._-]/g,"-"),at=doc["generated-at"].replace(/[^0-9]/g,"").slice(0,14);return`releases/${version}-${at}${isDriftReport(doc)?"-check":""}.html`}var plural=(n,word)=>`${n} ${word}${n===1?"":"s"}`;function lagText(p){return`${p.atLeast?"at least ":""}${plural(p.behind,"release")} behind`}function servedText(served){return served===null?"none":served??"unknown"}function lag(behind,atLeast){return`<span class="lag"><span aria-hidden="true">\u2B07</span> ${escapeHtml(lagText({behind,atLeast}))}</span>`}function cell(c){if(!c.status)return'<td><span class="meta">not configured</span></td>';let s=STATUS_PRESENTATION[c.status],state=c.state?`${c.state}`:s.label,served=c.served===void 0||c.served===null?`<span class="ver meta">${servedText(c.served)}</span>`:`<span class="ver">${escapeHtml(c.served)}</span>`;return`<td${c.behind>0?' class="behind"':""}>${served} <span class="cell s-${c.status}"><span aria-hidden="true">${s.symbol}</span> ${escapeHtml(state)}</span>${c.behind>0?` ${lag(c.behind,c.served===null)}`:""}</td>`}function servesNow(p,newest){let version=p.serves===void 0||p.serves===null?`<span class="ver meta">${servedText(p.serves)}</span>`:`<strong class="ver">${escapeHtml(p.serves)}</strong>`;return p.behind>0?`<td class="behind">${version} ${lag(p.behind,p.atLeast)}</td>`:p.ahead?`<td>${version} <span class="cell s-needs-human"><span aria-hidden="true">\u2B06</span> ahead of ${escapeHtml(newest??"")}</span></td>`:typeof p.serves=="string"&&p.serves===newest?`<td>${version} <span class="cell s-published"><span aria-hidden="true">\u2714</span> newest</span></td>`:`<td>${version}</td>`}function columnHead(doc,link2){let label=`${escapeHtml(doc.version)}${doc["dry-run"]?" (dry run)":""}${isDriftReport(doc)?" (check)":""}`;return`<th scope="col">${link2?`<a href="${escapeHtml(detailPageName(doc))}">${label}</a>`:label}<br><time class="meta" datetime="${escapeHtml(doc["generated-at"])}">${escapeHtml(doc["generated-at"].slice(0,10))}</time></th>`}function behindSectionHtml(history){let behind=history.platforms.filter(p=>p.behind>0);if(behind.length===0||history.newest===void 0)return"";let items=behind.map(p=>{let waiting=p.cells[0]?.status==="needs-human"?" (its newest run is waiting for a person: see its card)":"";return`<li><strong>${escapeHtml(p.name)}</strong>${p.required?' <span class="req">required</span>':""} serves ${escapeHtml(servedText(p.serves))}: ${escapeHtml(lagText(p))}${escapeHtml(waiting)}</li>`}).join(`
`),dispatch=history.dispatch?`<p>To bring them up to date, run the release workflow (workflow_dispatch) with these inputs:</p>
<pre class="dispatch"><code>version: ${escapeHtml(history.dispatch.version)}
platforms: ${escapeHtml(history.dispatch.platforms.join(","))}</code></pre>`:"",hub=behind.some(p=>p.key==="github")?`<p class="todo">GitHub Releases: the release marked latest is older than ${escapeHtml(history.newest)}; mark ${escapeHtml(history.newest)} as the latest release on GitHub.</p>`:"";return`<section aria-labelledby="behind-h" class="attention s-failed" id="behind">
<h2 id="behind-h"><span aria-hidden="true">\u2B07</span> Behind the newest release, ${escapeHtml(history.newest)}</h2>
<ul>
${items}
</ul>
${dispatch}
${hub}
</section>`}function versionsTableHtml(history,linkDetails){return history.docs.length<2?"":`<section aria-labelledby="history-h" id="history">
<h2 id="history-h">History</h2>
${history.newest!==void 0&&history.platforms.every(p=>p.behind===0)?`<p><span class="cell s-published"><span aria-hidden="true">\u2714</span> every platform serves ${escapeHtml(history.newest??"")}</span></p>`:""}
<div class="table-wrap" role="region" aria-labelledby="history-cap" tabindex="0"><table>
<caption id="history-cap">What each platform serves across the last ${history.docs.length} releases and checks, newest first${history.newest?`; the newest release is ${escapeHtml(history.newest)}`:""}</caption>
<thead><tr><th scope="col">Platform</th><th scope="col">Serves now</th>${history.docs.map(d=>columnHead(d,linkDetails)).join("")}</tr></thead>
<tbody>
${history.platforms.map(p=>`<tr><th scope="row">${escapeHtml(p.name)}</th>${servesNow(p,history.newest)}${p.cells.map(cell).join("")}</tr>`).join(`
`)}
</tbody></table></div>
</section>`}function newestFirst(docs){return[...docs].sort((a,b)=>b["generated-at"].localeCompare(a["generated-at"]))}function pill(status){let p=STATUS_PRESENTATION[status];return`<span class="pill s-${status}"><span aria-hidden="true">${p.symbol}</span> ${escapeHtml(p.label)}</span>`}function link(url,label){let safe=safeHttpUrl(url);return safe?`<a href="${escapeHtml(safe)}">${escapeHtml(label)}</a>`:""}var VERDICT={ok:{cls:"published",symbol:"\u2714",text:"Release complete"},"needs-human":{cls:"needs-human",symbol:"\u26A0",text:"Released; a person must finish some platforms"},"optional-failure":{cls:"failed",symbol:"\u2716",text:"Released; some optional platforms failed"},"required-failure":{cls:"failed",symbol:"\u2716",text:"A required platform failed"}};function verdict(doc){return doc.plan?{cls:"failed",symbol:"\u2716",text:"The plan failed: nothing was released"}:doc.release?.status==="failed"?{cls:"failed",symbol:"\u2716",text:"The release failed: no platform was published"}:VERDICT[releaseHealth(doc)]}function driftHeader(doc){let{drifted,unknown}=driftCounts(doc),name=k=>doc.platforms[k]?.name??k,v=drifted.length>0?{cls:"failed",symbol:"\u2B07",text:`${drifted.length} of ${Object.keys(doc.platforms).length} do not serve ${doc.version}: ${drifted.map(name).join(", ")}`}:unknown.length>0?{cls:"needs-human",symbol:"\u26A0",text:`No known drift; could not read ${unknown.map(name).join(", ")}`}:{cls:"published",symbol:"\u2714",text:`Every platform serves ${doc.version}`},extra=drifted.length>0&&unknown.length>0?` \xB7 could not read ${unknown.map(name).join(", ")}`:"";return`<header>
<h1>${escapeHtml(doc.project)} ${escapeHtml(doc.version)}</h1>
<p class="verdict s-${v.cls}"><span aria-hidden="true">${v.symbol}</span> ${escapeHtml(v.text)}${escapeHtml(extra)}</p>
<p class="meta">Checked by the monitor <time datetime="${escapeHtml(doc["generated-at"])}">${escapeHtml(doc["generated-at"].replace("T"," ").replace(/\.\d+Z$|Z$/," UTC"))}</time></p>
</header>`}function header(doc){if(isDriftReport(doc))return driftHeader(doc);let c=healthCounts(doc),v=verdict(doc),extra=[c.requiredFailed.length?`required failed: ${c.requiredFailed.join(", ")}`:"",c.optionalFailed.length?`optional failed: ${c.optionalFailed.join(", ")}`:"",c.needsHuman.length?`needs a person: ${c.needsHuman.join(", ")}`:""].filter(Boolean);return`<header>
<h1>${escapeHtml(doc.project)} ${doc.version==="unknown"?"(version unknown)":escapeHtml(doc.version)}</h1>
<p class="verdict s-${v.cls}"><span aria-hidden="true">${v.symbol}</span> ${escapeHtml(v.text)}${doc.plan?"":` \xB7 ${c.ok}/${c.total} platforms ok`}${extra.length?` \xB7 ${escapeHtml(extra.join(" \xB7 "))}`:""}</p>
<p class="meta">${doc["dry-run"]?"<strong>Dry run</strong>: nothing was written anywhere. \xB7 ":""}Generated <time datetime="${escapeHtml(doc["generated-at"])}">${escapeHtml(doc["generated-at"].replace("T"," ").replace(/\.\d+Z$|Z$/," UTC"))}</time></p>
</header>`}function planFailed(doc){return doc.plan?`<section aria-labelledby="plan-h" class="attention s-failed">
<h2 id="plan-h"><span aria-hidden="true">\u2716</span> The plan failed</h2>
<p>${escapeHtml(doc.plan.detail)}.</p>
<p class="todo">Fix the config or the dispatch inputs (the plan job's annotations point at the line), then run the release again.</p>
</section>`:""}function attention(doc){let waiting=Object.entries(doc.platforms).filter(([,p])=>p.status==="needs-human");return waiting.length===0?"":`<section aria-labelledby="attention-h" class="attention s-needs-human">
<h2 id="attention-h"><span aria-hidden="true">\u26A0</span> Needs a person</h2>
<ul>
${waiting.map(([key,p])=>`<li><strong>${escapeHtml(p.name??key)}</strong>${p.required?' <span class="req">required</span>':""}: ${escapeHtml(p.detail)}${p.url?` ${link(p.url,"open")}`:""}
<br><span class="todo">What to do: ${escapeHtml(needsHumanAction(key))}</span></li>`).join(`
`)}
</ul>
<p>Then re-run only these platforms: workflow_dispatch with version <code>${escapeHtml(doc.version)}</code> and platforms <code>${escapeHtml(waiting.map(([k])=>k).join(","))}</code>.</p>
</section>`}function card(key,p){let facts=[["Version",escapeHtml(p.version)]],duration=formatDuration(p["duration-ms"]);duration&&facts.push(["Duration",escapeHtml(duration)]),p.downloads!==void 0&&facts.push(["Downloads",escapeHtml(formatCount(p.downloads))]);let where=link(p.url,`Open on ${p.name??key}`);return`<li><article class="card s-${p.status}" aria-labelledby="c-${escapeHtml(key.replace(/[^a-z0-9-]/gi,"-"))}">
<div class="card-head"><h3 id="c-${escapeHtml(key.replace(/[^a-z0-9-]/gi,"-"))}">${escapeHtml(p.name??key)}${p.required?' <span class="req">required</span>':""}</h3>${pill(p.status)}</div>
<dl class="facts">${facts.map(([k,v])=>`<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>
<p class="detail">${escapeHtml(p.detail)}</p>
${where?`<p class="detail">${where}</p>`:""}
</article></li>`}function platforms(doc){let entries=Object.entries(doc.platforms);return entries.length===0?"":`<section aria-labelledby="platforms-h" id="platforms">
<h2 id="platforms-h">Platforms</h2>
<ul class="grid">
${entries.map(([k,p])=>card(k,p)).join(`
`)}
</ul>
</section>`}function release(doc){let r=doc.release;if(!r)return"";let supply=supplyChainItems(r).map(({label,present})=>`<li class="pill s-${present?"published":"skipped"}"><span aria-hidden="true">${present?"\u2714":"\u2013"}</span> ${escapeHtml(label)}: ${present?"yes":"no"}</li>`).join(""),assets=r.assets.length===0?'<p class="meta">The assets and supply-chain files were not reported to this run; see the release page.</p>':`<div class="table-wrap" role="region" aria-labelledby="assets-cap" tabindex="0"><table>
<caption id="assets-cap">${r.assets.length} assets of ${escapeHtml(r.tag)}</caption>
<thead><tr><th scope="col">Asset</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr></thead>
<tbody>
${r.assets.map(a=>`<tr><th scope="row">${link(a.url,a.name)||escapeHtml(a.name)}</th><td class="num">${escapeHtml(formatBytes(a.size))}</td><td><code>${escapeHtml(a.sha256)}</code></td></tr>`).join(`
`)}
</tbody></table></div>`;return`<section aria-labelledby="release-h">
<h2 id="release-h">Release ${escapeHtml(r.tag)}</h2>
<p>${pill(r.status)} ${link(r.url,`${r.tag} on GitHub`)}</p>
<p class="detail">${escapeHtml(r.detail)}</p>
${installCommands(r.assets).map(c=>`<p class="meta">Install (${c.shell==="sh"?"Linux, macOS":"Windows"}): <code>${escapeHtml(c.command)}</code></p>`).join(`
`)}
${r.assets.length>0?`<ul class="supply" aria-label="Supply-chain files">${supply}</ul>`:""}
${assets}
</section>`}function renderDashboardHtml(docs,options={}){let sorted=newestFirst(docs),doc=sorted[0];if(!doc)throw new Error("renderDashboardHtml needs at least one status document");let versions=versionHistory(sorted);return`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(doc.project)} ${escapeHtml(doc.version)}: release status</title>
<style>
${dashboardCss()}
</style>
</head>
<body>
<a class="skip" href="#platforms">Skip to the platforms</a>
${options.home?`<nav aria-label="Site"><p><a href="${escapeHtml(options.home)}">All releases and checks</a></p></nav>`:""}
${header(doc)}
<main>
${behindSectionHtml(versions)}
${versionsTableHtml(versions,options.linkDetails??!1)}
${planFailed(doc)}
${attention(doc)}
${platforms(doc)}
${release(doc)}
</main>
<footer><p>Generated by DeployForge from status.json. The badge is in badge.json (a shields.io endpoint).</p></footer>
</body>
</html>
`}async function renderDashboard(input,outDir,options={}){let docs=mergeHistory([],input,options.keep??DEFAULT_HISTORY_KEEP),newest=newestFirst(docs)[0];if(!newest)throw new Error("renderDashboard needs at least one status document");await mkdir(outDir,{recursive:!0});let files={index:join(outDir,"index.html"),status:join(outDir,"status.json"),badge:join(outDir,"badge.json"),history:join(outDir,"history.json"),details:[]},multi=docs.length>1;if(multi)for(let doc of docs){let file=join(outDir,detailPageName(doc));await mkdir(dirname(file),{recursive:!0}),await writeFile(file,renderDashboardHtml([doc],{home:"../index.html"})),files.details.push(file)}return await writeFile(files.index,renderDashboardHtml(docs,{linkDetails:multi})),await writeFile(files.status,`${JSON.stringify(newest,null,2)}
`),await writeFile(files.history,serializeHistory(docs)),await writeFile(files.badge,`${JSON.stringify(renderBadge(newest))}
`),files}export{STATUS_PRESENTATION,healthCounts,releaseHealth,renderBadge,formatDuration,formatBytes,formatCount,safeHttpUrl,needsHumanAction,rerunHint,installCommands,renderDashboard};
