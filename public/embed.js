// Upstand's embed loader, for partners' pages: turns
//   <div data-upstand-petition="slug" data-source="partner"></div>
//   <div data-upstand-pledge="slug"></div>
//   <div data-upstand-counter="slug" data-kind="petition"></div>
// (optionally data-lang="es") into frames of this site's embeds, and sizes each frame to the
// height its embed reports. Only messages from this site's origin, sent by one of these frames,
// are read. The frames work without this script too (a plain <iframe src=".../embed/...">).
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var site = new URL(script.src).origin;
  var here = new URLSearchParams(window.location.search);
  var KEPT = ["source", "ref", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"];
  var frames = [];

  function frameFor(element, path) {
    var query = new URLSearchParams();
    query.set("host", window.location.origin);
    var page = new URL(window.location.origin + window.location.pathname);
    KEPT.forEach(function (name) {
      var value =
        (name === "source" || name === "ref" ? element.getAttribute("data-" + name) : null) || here.get(name);
      if (value) {
        query.set(name, value);
        page.searchParams.set(name, value);
      }
    });
    query.set("page", page.href);
    var lang = element.getAttribute("data-lang");
    var frame = document.createElement("iframe");
    frame.src = site + (lang && /^[a-z]{2}$/.test(lang) ? "/" + lang : "") + path + "?" + query;
    frame.title = element.getAttribute("data-title") || "Upstand";
    frame.style.cssText =
      "width:100%;border:0;display:block;height:" + (path.indexOf("/counter/") >= 0 ? 160 : 600) + "px";
    element.replaceChildren(frame);
    frames.push(frame);
  }

  document
    .querySelectorAll("[data-upstand-petition],[data-upstand-pledge],[data-upstand-counter]")
    .forEach(function (element) {
      var petition = element.getAttribute("data-upstand-petition");
      var pledge = element.getAttribute("data-upstand-pledge");
      var counter = element.getAttribute("data-upstand-counter");
      var kind = element.getAttribute("data-kind") === "pledge" ? "pledge" : "petition";
      if (petition) frameFor(element, "/embed/petition/" + encodeURIComponent(petition));
      else if (pledge) frameFor(element, "/embed/pledge/" + encodeURIComponent(pledge));
      else if (counter) frameFor(element, "/embed/counter/" + kind + "/" + encodeURIComponent(counter));
    });

  window.addEventListener("message", function (event) {
    if (event.origin !== site) return;
    var data = event.data;
    if (!data || data.type !== "upstand:embed-height" || typeof data.height !== "number") return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(0, Math.min(data.height, 20000)) + "px";
      }
    }
  });
})();
