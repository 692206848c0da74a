/** Same-origin static assets: the report's CSS, the workspace's CSS and its small progressive-enhancement script. */
import { CSS } from '../report/styles.js';

export const APP_CSS = `
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
body{margin:0;font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a}
.app-head{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.75rem 1rem;border-bottom:1px solid #ccc}
.app-head ul{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;margin:0;padding:0;align-items:center}
.app-head form{margin:0}.brand{margin:0;font-weight:700}
main{padding:1rem;max-width:72rem;margin:0 auto}
label{display:block;margin:.5rem 0 .25rem}input,select,button{font:inherit;padding:.35rem .5rem;max-width:100%}
table{border-collapse:collapse;max-width:100%}th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left}
.table-wrap{overflow-x:auto}.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:end}
a{color:#0b57a4}button{cursor:pointer}
svg{max-width:100%;height:auto}
code{overflow-wrap:anywhere;word-break:break-all}
`;

/** Filters submit themselves on change (they also work without JavaScript, with the Show button). */
export const APP_JS = `document.addEventListener('change',function(e){var f=e.target&&e.target.form;if(f&&f.classList.contains('filters'))f.submit()});`;

export const REPORT_CSS = CSS;
