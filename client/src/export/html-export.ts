import cytoscapeSource from 'cytoscape-standalone?raw';
import type { ElementDefinition, StylesheetJson } from 'cytoscape';

/** What the self-contained page shows. */
export interface HtmlExportInput {
  readonly title: string;
  readonly elements: readonly ElementDefinition[];
  readonly style: StylesheetJson;
  readonly background: string;
  readonly text: string;
  /** e.g. "Exported from Dossier on 2025-01-01 · 42 nodes". */
  readonly subtitle: string;
}

/**
 * One HTML file that needs nothing else: the Cytoscape bundle and the elements are inlined, so
 * a reader can pan, zoom, drag and click a node to read its properties and quotes — offline.
 * Loaded lazily: the bundle text is only fetched when someone exports.
 */
export function buildInteractiveHtml(input: HtmlExportInput): string {
  const payload = JSON.stringify({ elements: input.elements, style: input.style }).replace(
    /</g,
    '\\u003c',
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>
html,body{margin:0;height:100%;font:13px/1.45 system-ui,sans-serif;background:${input.background};color:${input.text}}
#cy{position:absolute;inset:0 340px 0 0}
header{position:absolute;left:12px;top:10px;z-index:2;pointer-events:none}
header h1{font-size:15px;margin:0}header p{margin:2px 0 0;opacity:.7}
aside{position:absolute;right:0;top:0;bottom:0;width:340px;overflow:auto;padding:14px;box-sizing:border-box;border-left:1px solid rgba(127,127,127,.3)}
blockquote{margin:8px 0;padding:6px 10px;border-left:3px solid #2563eb;font-family:Georgia,serif;background:rgba(127,127,127,.08)}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;font-size:12px}dt{opacity:.7}dd{margin:0;overflow-wrap:anywhere}
</style></head><body>
<header><h1>${escapeHtml(input.title)}</h1><p>${escapeHtml(input.subtitle)}</p></header>
<div id="cy"></div><aside id="info"><p>Click a node or relationship to read its properties and sources.</p></aside>
<script>${cytoscapeSource.replace(/<\/script/gi, '<\\/script')}</script>
<script>
(function(){
var data=${payload};
var cy=cytoscape({container:document.getElementById('cy'),elements:data.elements,style:data.style,layout:{name:'preset'}});
cy.fit(undefined,40);
window.dossierView=cy;
var info=document.getElementById('info');
function esc(s){return String(s).replace(/[&<>"]/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c];});}
cy.on('tap','node,edge',function(e){
  var d=e.target.data(),p=d.props||{},h='<h2>'+esc(d.caption||d.type)+'</h2><p>'+esc((d.labels||[]).join(', '))+'</p>';
  var s=p.sources||[],q=p.quotes||[];
  for(var i=0;i<s.length;i++){h+='<blockquote>'+esc(q[i]||'')+'<br><small>'+esc(s[i])+'</small></blockquote>';}
  h+='<dl>';for(var k in p){if(k!=='sources'&&k!=='quotes'&&k!=='text'){h+='<dt>'+esc(k)+'</dt><dd>'+esc(typeof p[k]==='object'?JSON.stringify(p[k]):p[k])+'</dd>';}}
  info.innerHTML=h+'</dl>';
});
})();
</script></body></html>
`;
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );
}
