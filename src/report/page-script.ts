/**
 * The report's one inline script (allowed by its CSP; nothing is fetched): the filter by measure and
 * stratifier, a CSV download of any table (numbers from their `<data value>`, not their formatted text),
 * a cue on tables wider than their box, and every table opened before printing. Without the script the
 * report reads in full; the filter and downloads are the only things lost.
 */
export const PAGE_SCRIPT = `(function(){
var d=document;
function all(s,r){return Array.prototype.slice.call((r||d).querySelectorAll(s))}
function filter(){var m=d.getElementById('f-measure'),s=d.getElementById('f-stratifier');if(!m||!s)return;
all('[data-measure]').forEach(function(e){e.hidden=!!m.value&&e.getAttribute('data-measure')!==m.value});
all('[data-stratifier]').forEach(function(e){e.hidden=!!s.value&&e.getAttribute('data-stratifier')!==s.value});}
function cell(c){var x=all('data',c);if(x.length===1&&c.textContent.trim()===x[0].textContent.trim())return x[0].value;
if(x.length===2)return x[0].value+' to '+x[1].value;return c.textContent.replace(/\\s+/g,' ').trim()}
function q(v){return /[",\\n]/.test(v)?'"'+v.replace(/"/g,'""')+'"':v}
function csv(t){return all('tr',t).map(function(r){return all('th,td',r).map(function(c){return q(cell(c))}).join(',')}).join('\\r\\n')}
d.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('button[data-csv]');if(!b)return;
var t=b.parentNode.querySelector('table');if(!t)return;var a=d.createElement('a');
a.href='data:text/csv;charset=utf-8,'+encodeURIComponent('\\ufeff'+csv(t));
a.download=((t.caption&&t.caption.textContent)||'table').replace(/[^\\w\\u00c0-\\u024f]+/g,'-').replace(/^-|-$/g,'').slice(0,80)+'.csv';
d.body.appendChild(a);a.click();a.remove()});
d.addEventListener('change',function(e){if(e.target.matches&&e.target.matches('.filter select'))filter()});
function cue(){all('.scroll').forEach(function(s){s.classList.toggle('overflows',s.scrollWidth>s.clientWidth+1)})}
d.addEventListener('toggle',cue,true);addEventListener('resize',cue);addEventListener('DOMContentLoaded',function(){d.documentElement.classList.add('js');cue()});
addEventListener('beforeprint',function(){all('details').forEach(function(x){x.open=true});all('[hidden]').forEach(function(x){if(x.closest('main'))x.hidden=false})});
})()`;
