// Live progress of a run: listens to the page's server-sent events and updates the bar and the
// line; when the run stops, reloads the page to show its results. Text only (textContent).
(function () {
  "use strict";
  const live = document.getElementById("live");
  if (!live || !live.dataset.events) return;
  const bar = document.getElementById("run-progress");
  const line = document.getElementById("run-progress-line");
  const stateText = document.getElementById("run-state");
  const source = new EventSource(live.dataset.events);
  source.onmessage = function (message) {
    const p = JSON.parse(message.data);
    if (typeof p.total === "number") {
      const done = (p.done || 0) + (p.skipped || 0);
      bar.max = Math.max(p.total, 1);
      bar.value = done;
      line.textContent = live.dataset.lineTemplate
        .replace("{done}", done).replace("{total}", p.total).replace("{errors}", p.errors || 0)
        .replace("{cached}", p.cached || 0).replace("{skipped}", p.skipped || 0);
    }
    const label = live.dataset["state" + p.state.charAt(0).toUpperCase() + p.state.slice(1)];
    if (label) {
      stateText.textContent = label;
      stateText.className = "state-" + p.state;
    }
  };
  source.addEventListener("done", function () {
    source.close();
    window.location.reload();
  });
})();
