// hotdesk console: progressive touches only; every form works without this script.
document.addEventListener("DOMContentLoaded", () => {
  // tenant switcher and filters submit on change
  document.querySelectorAll("[data-autosubmit]").forEach(el =>
    el.addEventListener("change", () => el.form.submit()));
  // "select all" checkbox of a bulk-action table
  document.querySelectorAll("input[data-select-all]").forEach(all =>
    all.addEventListener("change", () => document.querySelectorAll(
      "input[type=checkbox][name='" + all.dataset.selectAll + "']").forEach(cb => { cb.checked = all.checked; })));
  // a page that shows live state (the live view) reloads itself, unless the admin is busy in a form
  const live = document.querySelector("[data-refresh]");
  if (live) {
    let typing = false;
    document.addEventListener("input", () => { typing = true; });
    setInterval(() => { if (!typing && document.visibilityState === "visible") location.reload(); },
      1000 * Number(live.dataset.refresh));
  }
  // destructive buttons ask first
  document.querySelectorAll("[data-confirm]").forEach(el =>
    el.addEventListener("click", ev => { if (!confirm(el.dataset.confirm)) ev.preventDefault(); }));
  // live countdown of a login code: data-seconds-left as the server counted them when it rendered the page
  // (the phone's own clock may be off), data-lifetime = the code's whole lifetime in seconds
  document.querySelectorAll("[data-seconds-left]").forEach(box => {
    const expires = Date.now() + 1000 * Number(box.dataset.secondsLeft);
    const lifetime = Number(box.dataset.lifetime) || 120;
    const text = box.querySelector(".left"), bar = box.querySelector(".bar span");
    const tick = () => {
      const left = Math.max(0, Math.round((expires - Date.now()) / 1000));
      text.textContent = left > 0 ? left + " s left" : "This code has expired. Generate a new one.";
      if (bar) bar.style.width = (100 * left / lifetime) + "%";
      box.classList.toggle("expired", left === 0);
      // a dead code is taken off the screen, not just shown red: nobody should copy it to a phone
      if (left === 0) document.querySelectorAll("[data-otp]").forEach(el => { el.hidden = true; });
      if (left > 0) setTimeout(tick, 1000);
    };
    tick();
  });
});
