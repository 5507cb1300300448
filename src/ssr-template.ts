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
 */
export const ssrTemplate = `<!DOCTYPE html>
<html <%~ it.htmlAttributes %>>
<head>
<meta charset="UTF-8">
<meta name="generator" content="Docusaurus v<%= it.version %>">
<% it.metaAttributes.forEach((meta) => { %><%~ meta %>
<% }); %><%~ it.headTags %>
<% it.stylesheets.forEach((href) => { %><link rel="stylesheet" href="<%= it.baseUrl %><%= href %>" />
<% }); %></head>
<body <%~ it.bodyAttributes %>>
<%~ it.preBodyTags %>
<div id="__docusaurus"><%~ it.appHtml %></div>
<%~ it.postBodyTags %>
<script>(function(){var started=false;function load(){if(started)return;started=true;<%~ JSON.stringify(it.scripts.map((src) => it.baseUrl + src)) %>.forEach(function(src){var s=document.createElement("script");s.src=src;s.async=false;document.body.appendChild(s)})}var P=window.PerformanceObserver;if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0){new P(function(list){if(list.getEntriesByName("first-contentful-paint").length)load()}).observe({type:"paint",buffered:true});addEventListener("load",function(){setTimeout(load,5000)})}else{requestAnimationFrame(function(){setTimeout(load,0)})}})()</script>
</body>
</html>
`;
