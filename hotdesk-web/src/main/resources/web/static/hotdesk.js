// hotdesk console: progressive touches only; every form works without this script.
document.addEventListener("DOMContentLoaded", () => {
  // tenant switcher and filters submit on change
  document.querySelectorAll("[data-autosubmit]").forEach(el =>
    el.addEventListener("change", () => el.form.submit()));
  // "select all" checkbox of a bulk-action table
  document.querySelectorAll("input[data-select-all]").forEach(all =>
    all.addEventListener("change", () => document.querySelectorAll(
      "input[type=checkbox][name='" + all.dataset.selectAll + "']").forEach(cb => { cb.checked = all.checked; })));
  // the live view redraws its board when a session begins or ends (server-sent events) and every
  // data-refresh seconds; a browser without EventSource reloads the page instead, unless the admin is typing
  const live = document.querySelector("[data-refresh]");
  if (live) {
    const every = 1000 * Number(live.dataset.refresh);
    if (live.dataset.board && window.EventSource && window.fetch) {
      let pending = null;
      const redraw = () => {
        pending = null;
        fetch(live.dataset.board, { credentials: "same-origin", cache: "no-store" })
          .then(r => (r.ok && !r.redirected ? r.text() : Promise.reject(r.status)))
          .then(html => { live.innerHTML = html; })
          .catch(() => {});   // signed out or offline: the next whole page says so
      };
      const soon = () => { if (!pending) pending = setTimeout(redraw, 200); };
      const events = new EventSource(live.dataset.events);
      events.addEventListener("sessions", soon);
      events.addEventListener("open", () => { live.dataset.watching = "true"; });
      setInterval(() => { if (document.visibilityState === "visible") soon(); }, every);
    } else {
      let typing = false;
      document.addEventListener("input", () => { typing = true; });
      setInterval(() => { if (!typing && document.visibilityState === "visible") location.reload(); }, every);
    }
  }
  // destructive buttons ask first (delegated: the live board redraws its buttons)
  document.addEventListener("click", ev => {
    const el = ev.target.closest("[data-confirm]");
    if (el && !confirm(el.dataset.confirm)) ev.preventDefault();
  });
  // live countdown of a login code: data-seconds-left as the server counted them when it rendered the page
  // (the phone's own clock may be off), data-lifetime = the code's whole lifetime in seconds
  document.querySelectorAll("[data-seconds-left]").forEach(box => {
    const expires = Date.now() + 1000 * Number(box.dataset.secondsLeft);
    const lifetime = Number(box.dataset.lifetime) || 120;
    const text = box.querySelector(".left"), bar = box.querySelector(".bar span");
    const tick = () => {
      const left = Math.max(0, Math.round((expires - Date.now()) / 1000));
      text.textContent = left > 0 ? left + " s left" : "Expired: generate a new code";
      if (bar) bar.style.width = (100 * left / lifetime) + "%";
      box.classList.toggle("expired", left === 0);
      if (left > 0) setTimeout(tick, 1000);
    };
    tick();
  });
});
