// Keyboard review. Queue page: j/k move between attempts, Enter opens one. Item page: 1–6 choose
// an outcome, Enter saves (Ctrl+Enter inside the reason), j/k go to the next/previous attempt,
// r reveals a blurred answer. No model text is ever inserted into the page from here.
(function () {
  "use strict";
  function typing(target) {
    return target && (target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && target.type === "text"));
  }
  const links = Array.prototype.slice.call(document.querySelectorAll("a.queue-link"));
  const form = document.getElementById("decision");
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.metaKey) return;
    if (form && event.key === "Enter" && (event.ctrlKey || !typing(event.target))) {
      if (event.target && event.target.tagName === "A") return;
      event.preventDefault();
      form.requestSubmit();
      return;
    }
    if (typing(event.target) || event.ctrlKey) return;
    if (links.length && (event.key === "j" || event.key === "k")) {
      const at = links.indexOf(document.activeElement);
      const next = event.key === "j" ? Math.min(at + 1, links.length - 1) : Math.max(at - 1, 0);
      links[at === -1 ? 0 : next].focus();
      event.preventDefault();
      return;
    }
    if (!links.length && (event.key === "j" || event.key === "k")) {
      const link = document.getElementById(event.key === "j" ? "next-item" : "previous-item");
      if (link) window.location.assign(link.href);
      return;
    }
    if (form && /^[1-6]$/.test(event.key)) {
      const choice = form.querySelector('input[name="outcome"][data-key="' + event.key + '"]');
      if (choice) {
        choice.checked = true;
        choice.focus();
        event.preventDefault();
      }
      return;
    }
    if (event.key === "r") {
      const reveal = document.getElementById("reveal");
      if (reveal) reveal.checked = !reveal.checked;
    }
  });
})();
