// hotdesk console: progressive touches only; every form works without this script.
document.addEventListener("DOMContentLoaded", () => {
  // tenant switcher and filters submit on change
  document.querySelectorAll("[data-autosubmit]").forEach(el =>
    el.addEventListener("change", () => el.form.submit()));
  // "select all" checkbox of a bulk-action table
  document.querySelectorAll("input[data-select-all]").forEach(all =>
    all.addEventListener("change", () => document.querySelectorAll(
      "input[type=checkbox][name='" + all.dataset.selectAll + "']").forEach(cb => { cb.checked = all.checked; })));
  // the live view keeps itself current in place (a reload would lose scroll and focus)
  const live = document.querySelector("[data-live]");
  if (live) pollLive(live);
  // destructive buttons ask first; delegated, so rows the live view adds later ask too
  document.addEventListener("click", ev => {
    const el = ev.target.closest && ev.target.closest("[data-confirm]");
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

// Asks the live view's JSON every few seconds while the tab is visible. The page renders everything itself, so
// without this script it is only less fresh. Polling, not server-sent events: those hit a Javalin 7 threading
// problem. The ETag makes a poll that finds nothing new a bodiless 304.
function pollLive(section) {
  const status = section.querySelector(".live-status");
  const every = 1000 * (Number(section.dataset.poll) || 5);
  let etag = section.dataset.etag, timer = null, asking = false;
  const say = (text, trouble) => { status.textContent = text; status.classList.toggle("error-text", trouble); };
  const schedule = delay => {
    if (timer === null && !asking && document.visibilityState === "visible") timer = setTimeout(poll, delay);
  };
  async function poll() {
    timer = null;
    if (document.visibilityState !== "visible") return;
    asking = true;
    let again = true;
    try {
      const headers = { "Accept": "application/json" };
      if (etag) headers["If-None-Match"] = etag;
      const res = await fetch(section.dataset.live, { headers, cache: "no-store", credentials: "same-origin" });
      if (res.status === 401 || res.status === 403) {
        // asking again will not help; the page says what to do
        say("signed out: reload the page to sign in again", true);
        again = false;
      } else if (res.status === 200) {
        showLive(section, await res.json());
        etag = res.headers.get("ETag");
        say("updated " + new Date().toLocaleTimeString("en-GB", { hour12: false }), false);
      } else if (res.status === 304) {
        say("updated " + new Date().toLocaleTimeString("en-GB", { hour12: false }), false);
      } else {
        throw new Error("status " + res.status);
      }
    } catch (e) {
      say("connection lost, retrying", true);
    } finally {
      asking = false;
    }
    if (again) schedule(every);
  }
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") {
      schedule(0);
    } else if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  });
  schedule(every);
}

// Re-renders the live view from its JSON. Names and places are user input: textContent only, never innerHTML.
function showLive(section, data) {
  Object.entries(data.stats).forEach(([key, value]) => {
    const n = document.querySelector("[data-stat='" + key + "']");
    if (n) n.textContent = value;
  });
  document.querySelectorAll("[data-flag=attention]").forEach(el =>
    el.classList.toggle("attention", data.stats.unregistered > 0));
  document.querySelectorAll("[data-flag=alarm]").forEach(el =>
    el.classList.toggle("alarm", data.stats.emergencyToday > 0));

  const body = section.querySelector("table.live tbody");
  const focused = document.activeElement && document.activeElement.closest("tr[data-session]");
  const base = section.dataset.live.split("?")[0].replace(/\.json$/, "");
  const template = section.querySelector("#live-row");
  const rows = data.rows.map(r => {
    const tr = template.content.firstElementChild.cloneNode(true);
    tr.dataset.session = r.sessionId;
    const field = (name, text) => { tr.querySelector("[data-field=" + name + "]").textContent = text; };
    tr.querySelector(".avatar").textContent = r.person ? Array.from(r.person)[0] : "?";
    field("person", r.person);
    field("extension", "Ext. " + r.extension);
    field("desk", r.desk);
    field("place", r.place);
    field("since", r.since);
    field("duration", r.duration);
    field("method", r.method);
    const ends = tr.querySelector(".ends");
    if (r.onCall) ends.appendChild(tag("span", "badge ok", "On a call")); else ends.textContent = r.ends;
    tr.querySelector("form").action = base + "/" + r.sessionId + "/logout";
    tr.querySelector("button").dataset.confirm = "Log " + r.person + " out of " + r.desk + "?";
    return tr;
  });
  body.replaceChildren(...(rows.length ? rows : [emptyRow(6, "Nobody is logged in at a desk right now.")]));
  if (focused) {
    const button = body.querySelector("tr[data-session='" + focused.dataset.session + "'] button");
    if (button) button.focus();
  }

  const alerts = document.querySelector("table.alerts tbody");
  if (alerts) {
    const lines = data.alerts.map(a => {
      const tr = document.createElement("tr");
      tr.appendChild(tag("td", null, a.time));
      tr.appendChild(tag("td")).appendChild(tag("strong", "dialled", a.dialled));
      const desk = tr.appendChild(tag("td", null, a.desk));
      desk.appendChild(tag("span", "sub", a.place ? a.place : "no location"));
      tr.appendChild(tag("td", null, a.person));
      const state = tr.appendChild(tag("td"));
      state.appendChild(tag("span", "badge " + a.state, a.stateText));
      if (a.lastError) state.appendChild(tag("span", "sub error-text", a.lastError));
      return tr;
    });
    alerts.replaceChildren(...(lines.length ? lines : [emptyRow(5, "No emergency calls.")]));
  }
}

function tag(name, cls, text) {
  const el = document.createElement(name);
  if (cls) el.className = cls;
  if (text !== undefined) el.textContent = text;
  return el;
}

function emptyRow(columns, text) {
  const tr = document.createElement("tr");
  const td = tr.appendChild(tag("td", "empty", text));
  td.colSpan = columns;
  return tr;
}
