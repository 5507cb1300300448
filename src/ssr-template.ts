/**
 * Set on the root element of a document the browser may restore a scroll position in: one reloaded,
 * or reached by back or forward as a whole document. Chromium restores such a position by a scroll
 * anchor (a chain of :nth-child, which is why the "Copy link" hosts are served: COPY_LINK_HOST_ATTRIBUTE)
 * and, when it finds none, as an offset; so on these a served text is laid out in full rather than
 * as it is reached (src/css/custom.css): an offset then lands on the words it did for a reader who
 * scrolled there.
 * The head's script sets it before the style sheet, so the first layout already knows. A return
 * inside the app draws the kept text with the heights it had (src/components/ServedText).
 */
export const FULL_TEXT_LAYOUT_ATTRIBUTE = 'data-full-text-layout';

const markFullTextLayoutScript = `(function(){var n=performance.getEntriesByType&&performance.getEntriesByType("navigation")[0];if(n&&(n.type==="reload"||n.type==="back_forward"))document.documentElement.setAttribute("${FULL_TEXT_LAYOUT_ATTRIBUTE}","")})()`;

/**
 * The HTML shell of every built page (Docusaurus's `ssrTemplate`, an Eta template), written so the
 * text paints before any JavaScript is fetched.
 *
 * The stock shell puts the framework's scripts in the head with `defer`: the browser fetches them
 * at once, alongside the style sheet, and on a slow phone connection they share its bandwidth
 * and delay the first paint. Here the head names no script. A small inline script at the end of
 * the body waits until the browser reports the first contentful paint (the page drawn from its
 * HTML and CSS) and then adds the scripts, in order, to hydrate the page. A browser that does not
 * report paints gets them just after its first frame. In one that does, only the paint report
 * starts them, so a busy machine cannot fetch them early; a last resort five seconds after the load
 * event covers a paint never reported. Everything a reader needs to read is in that paint; only
 * the controls (search, copy buttons, widgets) wait for the code.
 *
 * The scripts are the entry's and then the page's own route chunks
 * (src/plugins/route-scripts-in-html.ts), added one per task: adding a script element costs a few
 * milliseconds on a phone (the first one far more), and a dozen in one task made a long one.
 * Scripts that are not async run in the order they were added, whenever each was. On a slow phone
 * main.js can ask for a route chunk before its turn here; webpack then adds the script itself (and
 * removes it once it has run), so a script already in the page or already fetched is not added
 * again. A script that fails to load is taken out again: webpack, finding a script element for a
 * chunk it needs, waits for that element's load or error, which for a failed one has already
 * happened; with the element gone, it makes its own attempt and reports the result.
 */
export const ssrTemplate = `<!DOCTYPE html>
<html <%~ it.htmlAttributes %>>
<head>
<meta charset="UTF-8">
<meta name="generator" content="Docusaurus v<%= it.version %>">
<% it.metaAttributes.forEach((meta) => { %><%~ meta %>
<% }); %><%~ it.headTags %>
<script>${markFullTextLayoutScript}</script>
<% it.stylesheets.forEach((href) => { %><link rel="stylesheet" href="<%= it.baseUrl %><%= href %>" />
<% }); %></head>
<body <%~ it.bodyAttributes %>>
<%~ it.preBodyTags %>
<div id="__docusaurus"><%~ it.appHtml %></div>
<%~ it.postBodyTags %>
<script>(function(){var started=false;function load(){if(started)return;started=true;var list=<%~ JSON.stringify(it.scripts.map((src) => it.baseUrl + src)) %>;(function add(i){if(i>=list.length)return;if(!document.querySelector('script[src="'+list[i]+'"]')&&!performance.getEntriesByName(location.origin+list[i]).length){var s=document.createElement("script");s.src=list[i];s.async=false;s.onerror=function(){s.remove()};document.body.appendChild(s)}setTimeout(function(){add(i+1)},0)})(0)}var P=window.PerformanceObserver;if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0){new P(function(list){if(list.getEntriesByName("first-contentful-paint").length)load()}).observe({type:"paint",buffered:true});addEventListener("load",function(){setTimeout(load,5000)})}else{requestAnimationFrame(function(){setTimeout(load,0)})}})()</script>
</body>
</html>
`;
