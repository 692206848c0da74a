/**
 * The report's stylesheet (inlined: the file must work offline). System fonts only; print rules for PDF.
 * Chart panels are columns at least 22.5rem (360 px, CHART_WIDTH) wide, so a chart is never shrunk below
 * the size it is drawn at, except on a screen narrower than that.
 */
export const CSS = `
:root{--ink:#1F2328;--muted:#59636E;--line:#D8DEE4;--soft:#F6F8FA;--accent:#1D4E89;--accent-soft:#EAF1FB;--worse:#B3470A;--warn:#8A5A00;--warn-soft:#FFF6E0;--ok-soft:#E8F5EE}
*{box-sizing:border-box}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
html{font-size:16px;-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-variant-numeric:tabular-nums}
a{color:var(--accent)}
a:focus-visible,summary:focus-visible{outline:3px solid #F0B400;outline-offset:2px}
.wrap{max-width:76rem;margin:0 auto;padding:0 1.5rem}
.masthead{background:var(--accent);color:#fff;padding:2.25rem 0 1.75rem}
.masthead h1{margin:0 0 .35rem;font-size:2.1rem;line-height:1.15;letter-spacing:-.01em}
.masthead .meta{margin:0;color:#DCE7F5;font-size:.95rem}
.masthead .meta span+span::before{content:"·";margin:0 .5rem;color:#9FB8D8}
.edition{display:inline-block;margin:0 0 .9rem;padding:.2rem .6rem;border-radius:999px;font-size:.8rem;font-weight:600;letter-spacing:.02em}
.edition.internal{background:var(--warn-soft);color:#5C3D00}
.edition.public{background:var(--ok-soft);color:#0F5132}
nav.toc{border-bottom:1px solid var(--line);background:var(--soft)}
nav.toc ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0;padding:.7rem 0;list-style:none;font-size:.92rem}
nav.toc a{text-decoration:none;font-weight:500}
nav.toc a:hover{text-decoration:underline}
main{padding:1.5rem 0 3rem}
h2{font-size:1.55rem;line-height:1.25;margin:2.5rem 0 .5rem;letter-spacing:-.005em}
h3{font-size:1.15rem;margin:2rem 0 .35rem}
h4{font-size:1rem;margin:1.5rem 0 .25rem}
.lead{color:var(--muted);margin:.25rem 0 1rem;max-width:48rem}
ol.findings{list-style:none;counter-reset:f;margin:0;padding:0;display:grid;gap:.85rem}
ol.findings[start="6"]{counter-reset:f 5}
.finding{counter-increment:f;position:relative;padding:1rem 1.25rem 1rem 4.1rem;border:1px solid var(--line);border-left:4px solid var(--worse);border-radius:.5rem;background:#fff;break-inside:avoid}
.finding::before{content:counter(f);position:absolute;left:1.1rem;top:.85rem;font-size:1.9rem;font-weight:700;color:var(--worse);line-height:1}
.finding p{margin:0}
.finding .tag{font-size:.78rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:600;margin-bottom:.2rem}
.finding .sentence{font-size:1.08rem;max-width:46rem}
.finding-body{display:flex;gap:1.5rem;align-items:center;justify-content:space-between}
.glyph{flex:none}
.finding .sentence .n:not([data-field$=".periods"]),.finding .sentence data:not([data-f$=".periods"]){font-weight:700}
.finding .parents-line{font-size:.9rem;color:var(--muted);margin-top:.3rem;display:flex;flex-wrap:wrap;gap:.25rem .6rem}
.finding .stats{font-size:.85rem;color:var(--muted);margin-top:.35rem}
details.more{margin-top:1rem}
details.more>summary{font-weight:600;color:var(--accent);cursor:pointer}
details.more ol{margin-top:.85rem}
.empty{padding:1rem;background:var(--soft);border-radius:.5rem}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0 .5rem;color:var(--muted);font-size:.85rem}
th,td{padding:.35rem .55rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{font-size:.78rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);border-bottom:2px solid var(--ink);font-weight:600}
tbody th{font-weight:500}
td .n,td data,td{white-space:nowrap}
td:last-child{white-space:normal}
.unit{text-transform:none;letter-spacing:0;font-weight:400}
.scroll{overflow-x:auto;max-width:100%;background:linear-gradient(90deg,#fff 30%,rgba(255,255,255,0)) left/2.5rem 100% no-repeat local,linear-gradient(270deg,#fff 30%,rgba(255,255,255,0)) right/2.5rem 100% no-repeat local,radial-gradient(farthest-side at 0 50%,rgba(0,0,0,.18),transparent) left/.9rem 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.18),transparent) right/.9rem 100% no-repeat scroll}
.scroll.overflows{border-right:2px dashed var(--line)}
.scroll.overflows::after{content:"\\2194";position:sticky;left:0;display:block;font-size:.75rem;color:var(--muted)}
.scroll table{margin:0}
button.csv{font:inherit;font-size:.82rem;color:var(--accent);background:#fff;border:1px solid var(--line);border-radius:.35rem;padding:.2rem .55rem;margin:.35rem 0 .5rem;cursor:pointer}
.js-only,.filter{display:none}
.js .filter{display:flex}
.filter{flex-wrap:wrap;gap:.5rem 1rem;padding:0 0 .7rem;font-size:.9rem}
.filter select{font:inherit;max-width:16rem}
.synthetic{background:#FFF6E0;color:#3D2A00;border-radius:.4rem;padding:.5rem .8rem;margin:0 0 .9rem;max-width:48rem}
.masthead .meta strong{color:#fff}
.withheld{padding:.75rem 1rem;background:var(--warn-soft);border-left:4px solid var(--warn);border-radius:.4rem;max-width:50rem}
.description{margin:.1rem 0 .35rem;color:var(--muted);max-width:50rem}
.keys{display:grid;gap:.3rem;margin:.6rem 0 0}
.panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,22.5rem),1fr));gap:.5rem 1.5rem;align-items:start}
.gap-line{margin:.1rem 0 .4rem;max-width:60rem}
.panels>figure,.over-time{min-width:0}
.over-time h4{margin:.25rem 0 .15rem}
.tables{display:flex;flex-wrap:wrap;gap:0 1.5rem;align-items:flex-start}
.tables>details{flex:0 1 auto;min-width:0;max-width:100%}
.tables>details[open]{flex-basis:100%}
td .ci{display:block;font-size:.8rem}
a[href^="#g-"]{color:inherit;text-decoration:underline dotted;text-underline-offset:2px}
dl.glossary{display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:.6rem 1.5rem}
dl.glossary dt{font-weight:600}
dl.glossary dd{margin:0;color:var(--muted)}
.dir{display:block;font-size:.78rem;color:var(--muted)}
.runner{display:none}
code{overflow-wrap:anywhere;word-break:break-all}
.prov{font-size:.8rem}
table.glance td:nth-child(2){font-weight:700}
.measure{border-top:1px solid var(--line);margin-top:2.25rem;padding-top:.25rem}
.measure-head .eyebrow{margin:1.5rem 0 0;font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:600}
.measure-head h2{margin:.15rem 0 .25rem;font-size:1.8rem}
.measure-head .overall{margin:0;font-size:1.05rem}
.measure-head .overall .n:first-child,.measure-head .overall data:first-child{font-weight:700}
.stratum{margin-top:1.25rem}
.stratum h3{margin:.7rem 0 .05rem}
.stratum.quiet .tables,.stratum.quiet{display:block}
.quiet-list{display:flex;flex-wrap:wrap;gap:0 1.25rem;align-items:flex-start}
.quiet-list>div{min-width:0;max-width:100%}
.quiet-list>div:has(details[open]){flex-basis:100%}
.ref{margin:.05rem 0 .25rem;color:var(--muted);font-size:.9rem}
.ref strong{color:var(--ink)}
figure{margin:.25rem 0 0}
figure svg{max-width:100%;height:auto;display:block}
figure{min-width:0}
figure svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:14px}
figcaption{margin-top:.25rem}
ul.key{display:flex;flex-wrap:wrap;gap:.1rem 1rem;list-style:none;margin:0;padding:0;font-size:.8rem;line-height:1.35;color:var(--muted)}
ul.key li{display:inline-flex;align-items:center;gap:.35rem}
.key-shape{flex:none}
details.data{margin:.15rem 0 .3rem}
details.data>summary{display:inline-block;cursor:pointer;font-size:.88rem;font-weight:600;color:var(--accent);padding:.2rem .1rem}
.assess,[class^="a-"]{display:inline-flex;align-items:center;gap:.35rem;white-space:nowrap}
.ix-lead{margin:.1rem 0 .2rem;font-size:.9rem;color:var(--muted)}
.stratum h4{margin:1rem 0 .1rem}
.assess::before,[class^="a-"]::before{content:"";flex:none;width:.7rem;height:.7rem;background:#5F6368;border-radius:50%}
.a-w::before{background:#D55E00;border-radius:0;clip-path:polygon(50% 0,100% 100%,0 100%)}
.a-b::before{background:#0072B2;border-radius:0}
.a-r::before{background:#111;border-radius:0;clip-path:polygon(50% 0,100% 50%,50% 100%,0 50%)}
.a-x::before{background:#9AA0A6;border-radius:0;clip-path:polygon(20% 0,50% 30%,80% 0,100% 20%,70% 50%,100% 80%,80% 100%,50% 70%,20% 100%,0 80%,30% 50%,0 20%)}
em.suppressed,em.nodata{font-style:italic;color:var(--muted)}
em.suppressed{border-bottom:1px dotted var(--muted)}
em.unstable{font-style:normal;font-size:.75rem;background:var(--warn-soft);color:#5C3D00;padding:0 .3rem;border-radius:.25rem}
.note{font-size:.85rem;color:var(--muted);max-width:50rem;margin:.25rem 0 .75rem;padding-left:.75rem;border-left:3px solid var(--line)}
.gap p{margin:.1rem 0 .25rem;max-width:50rem}
.summary-table td:nth-child(2){white-space:nowrap}
.summary-table td:last-child{color:var(--muted)}
.ci{color:var(--muted)}
abbr{font-size:.75rem;color:var(--muted);margin-left:.25rem;text-decoration:none}
.parents{display:flex;flex-wrap:wrap;gap:.2rem .9rem}
.parent{color:var(--muted)}
.parent .n{color:var(--ink)}
table.quality td:nth-child(2){white-space:normal;min-width:14rem}
.bar{display:inline-block;width:6rem;height:.55rem;background:var(--soft);border:1px solid var(--line);border-radius:.3rem;margin-right:.5rem;vertical-align:middle;overflow:hidden}
.bar>span{display:block;height:100%;background:var(--accent)}
.bar.low>span{background:repeating-linear-gradient(45deg,#8A5A00 0 3px,#C99A3C 3px 6px)}
.flag{display:block;font-size:.78rem;color:var(--warn);margin-top:.15rem}
.methods{border-top:1px solid var(--line);margin-top:3rem}
.methods p{max-width:50rem}
@media (min-width:60rem){.methods{column-count:2;column-gap:2.5rem}.methods>h2,.methods>.lead,.methods>dl.facts,.methods>details,.methods>ul{column-span:all}.methods h3{break-after:avoid}.methods p{break-inside:avoid}}
dl.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.5rem 1.5rem;margin:.5rem 0}
dl.facts dt{font-size:.78rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
dl.facts dd{margin:0}
code{font:.85em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:.05rem .3rem;border-radius:.25rem}
footer{border-top:1px solid var(--line);color:var(--muted);font-size:.85rem;padding:1rem 0 2rem}
@media (max-width:40rem){.wrap{padding:0 .75rem}.glyph{display:none}.masthead h1{font-size:1.6rem}.finding{padding-left:3.2rem}.finding::before{left:.8rem;font-size:1.5rem}th,td{padding:.4rem .45rem}nav.toc ul{gap:.2rem .9rem}}
@page{size:auto;margin:14mm 12mm 16mm}
@media print{
  html{font-size:11pt}
  body{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  nav.toc,button.csv,.filter{display:none!important}
  [hidden]{display:block!important}
  .runner{display:block;position:fixed;bottom:0;left:0;right:0;font-size:7pt;color:#59636E;border-top:1px solid #D8DEE4;padding-top:1mm;background:#fff}
  footer{padding-bottom:8mm}
  .masthead{padding:1rem 0}
  .measure{break-before:page;border-top:0}
  .panels{grid-template-columns:1fr 1fr}
  .scroll{background:none}
  body.edition-summary #measures,body.edition-summary #quality{break-inside:auto}
  body.edition-summary{font-size:10pt}
  body.edition-summary .glyph{display:none}
  body.edition-summary h2{margin:1rem 0 .3rem;font-size:1.2rem}
  body.edition-summary .finding{padding:.5rem .75rem .5rem 3rem}
  body.edition-summary .finding::before{left:.7rem;top:.5rem;font-size:1.4rem}
  body.edition-summary dl.glossary{grid-template-columns:1fr 1fr;gap:.3rem 1rem}
  .methods{break-before:page;column-count:1}
  figure,.finding,tr,dl.facts>div{break-inside:avoid}
  h2,h3,h4{break-after:avoid}
  details>summary{display:none}
  details::details-content{content-visibility:visible;display:contents}
  a{color:inherit;text-decoration:none}
  .scroll{overflow:visible}
  table{font-size:8pt}
  th,td{padding:.2rem .3rem;white-space:normal}
  thead th{font-size:7pt}
  details>summary{display:none!important}
}
`;
