// The pin form with JavaScript: short steps, and three equal ways to say where (a named place
// with search, a map with a centre crosshair moved by touch, mouse or keyboard, and the device's
// location, asked for once and only after a tap). Everything posts the same form as without
// JavaScript, through offline.js so a bad connection never loses it.

import { readJson } from "../../website/js/data.js";
import { createMap } from "../../website/js/map-base.js";
import { submit } from "./offline.js";
import { Steps } from "./steps.js";

const PLACES_API = "/api/v1/places";


function setupWhere(form) {
  const source = form.querySelector("[data-location-source]");
  const lat = form.querySelector("[data-lat]");
  const lng = form.querySelector("[data-lng]");
  const select = form.querySelector("[data-place-select]");
  const status = form.querySelector("[data-location-status]");
  const bounds = readJson("bristol-bounds");
  let map = null;
  let marker = null;

  function inBristol(y, x) {
    return !bounds || (y >= bounds.south && y <= bounds.north && x >= bounds.west && x <= bounds.east);
  }

  function choosePoint(y, x, how, message) {
    source.value = how;
    lat.value = y.toFixed(6);
    lng.value = x.toFixed(6);
    select.value = "";
    status.textContent = message;
    if (map) {
      if (marker) marker.setLatLng([y, x]);
      else marker = window.L.circleMarker([y, x], { radius: 9, weight: 3, color: "#0b0c0c", fillColor: "#ffdd00", fillOpacity: 1 }).addTo(map);
    }
  }

  select.addEventListener("change", () => {
    if (!select.value) return;
    source.value = "place";
    lat.value = "";
    lng.value = "";
    if (marker) { marker.remove(); marker = null; }
    status.textContent = `Chosen: ${select.selectedOptions[0].textContent}.`;
  });

  function ensureMap() {
    if (map) { map.invalidateSize(); return; }
    const element = form.querySelector("[data-pin-map]");
    map = createMap(element, { zoom: 15 });
    // Leaflet makes the map focusable: arrow keys move it, + and - zoom.
    element.setAttribute("tabindex", "0");
  }

  form.querySelector("[data-put-pin]").addEventListener("click", () => {
    const centre = map.getCenter();
    if (!inBristol(centre.lat, centre.lng)) {
      status.textContent = "The cross is outside Bristol. Move the map to Bristol first.";
      return;
    }
    choosePoint(centre.lat, centre.lng, "map", "Chosen: the spot under the cross on the map.");
  });

  const locate = form.querySelector("[data-use-location]");
  const busy = form.querySelector("[data-location-busy]");
  locate.addEventListener("click", () => {
    if (!("geolocation" in navigator)) {
      status.textContent = "This browser cannot share where you are. Choose a place or use the map.";
      return;
    }
    busy.hidden = false;
    locate.disabled = true;
    status.textContent = "Finding where you are...";
    const done = () => { busy.hidden = true; locate.disabled = false; };
    // One reading, only now that the button was pressed; never watched, never asked for earlier.
    navigator.geolocation.getCurrentPosition(
      (position) => {
        done();
        const { latitude, longitude } = position.coords;
        if (!inBristol(latitude, longitude)) {
          status.textContent = "You seem to be outside Bristol. Choose a place by name or move the map instead.";
          return;
        }
        if (map) map.setView([latitude, longitude], 16);
        choosePoint(latitude, longitude, "geolocation", "Chosen: where you are now.");
      },
      () => {
        done();
        status.textContent = "We could not find where you are. Choose a place by name or move the map instead.";
      },
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 },
    );
  });

  setupPlaceSearch(form, select);

  return {
    ensureMap,
    message() {
      const chosenPlace = source.value === "place" && select.value;
      const chosenPoint = source.value !== "place" && lat.value && lng.value;
      return chosenPlace || chosenPoint ? "" : "Choose a place, put a pin on the map, or use your location.";
    },
    describe() {
      if (source.value === "place" && select.value) return select.selectedOptions[0].textContent;
      if (source.value === "geolocation") return "Where you were when you sent it";
      return "A spot on the map";
    },
  };
}

function setupPlaceSearch(form, select) {
  const box = form.querySelector("[data-place-search]");
  const query = form.querySelector("[data-place-query]");
  const results = form.querySelector("[data-place-results]");
  const count = form.querySelector("[data-place-count]");
  let timer = null;
  let latest = 0;

  async function search() {
    const text = query.value.trim();
    const asked = ++latest;
    results.replaceChildren();
    if (text.length < 2) { count.textContent = ""; return; }
    let places = [];
    try {
      const response = await fetch(`${PLACES_API}?q=${encodeURIComponent(text)}`);
      places = response.ok ? await response.json() : [];
    } catch (error) {
      // Offline: the list below still has every place.
      places = [...select.querySelectorAll("option")]
        .filter((option) => option.value && option.textContent.toLowerCase().includes(text.toLowerCase()))
        .map((option) => ({ slug: option.value, name: option.textContent, area: "" }));
    }
    if (asked !== latest) return;
    for (const place of places.slice(0, 8)) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = place.area ? `${place.name} (${place.area})` : place.name;
      button.addEventListener("click", () => {
        select.value = place.slug;
        select.dispatchEvent(new Event("change"));
        results.replaceChildren();
        count.textContent = "";
        select.focus();
      });
      item.append(button);
      results.append(item);
    }
    count.textContent = places.length ? `${Math.min(places.length, 8)} places found.` : "No places found.";
  }

  box.hidden = false;
  query.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 250);
  });
  query.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); search(); }
  });
}

function checkedLabels(container) {
  return [...container.querySelectorAll("input:checked")]
    .map((input) => form.querySelector(`label[for="${input.id}"]`).textContent.trim());
}

const form = document.querySelector("[data-pin-form]");

function feeling() {
  const checked = form.querySelector("input[name=feeling]:checked");
  return checked ? checked.value : "";
}

function showReasonsFor(step) {
  step.querySelectorAll("[data-reasons-for]").forEach((group) => {
    group.hidden = feeling() !== "" && group.dataset.reasonsFor !== feeling();
  });
}

function fillSummary(where) {
  const summary = form.querySelector("[data-summary]");
  const visibleReasons = [...form.querySelectorAll("[data-reasons-for]")].filter((group) => !group.hidden);
  const when = form.querySelector("input[name=when]:checked");
  const comment = form.querySelector("[data-comment]").value.trim();
  const photo = form.querySelector("input[name=photo]");
  const rows = [
    ["Feeling", feeling() === "safe" ? "Safe" : "Unsafe"],
    ["Where", where.describe()],
    ["Why", visibleReasons.flatMap(checkedLabels).join(", ") || "Not given"],
    ["When", when && when.value ? checkedLabels(when.parentElement)[0] : "Not given"],
    ["Comment", comment ? (comment.length > 80 ? `${comment.slice(0, 80)}...` : comment) : "None"],
    ["Photo", photo.files && photo.files.length ? "1 photo" : "None"],
  ];
  summary.replaceChildren(...rows.flatMap(([term, value]) => {
    const dt = document.createElement("dt");
    const dd = document.createElement("dd");
    dt.textContent = term;
    dd.textContent = value;
    return [dt, dd];
  }));
  summary.hidden = false;
}

function clearInputs(step) {
  step.querySelectorAll("input[type=checkbox], input[type=radio]").forEach((input) => { input.checked = false; });
  step.querySelectorAll("textarea, input[type=file]").forEach((input) => { input.value = ""; });
  step.querySelectorAll("[data-comment]").forEach((input) => input.dispatchEvent(new Event("input")));
}

function setupCommentCount() {
  const comment = form.querySelector("[data-comment]");
  const counter = form.querySelector("[data-comment-count]");
  const max = Number(comment.getAttribute("maxlength"));
  const update = () => {
    const left = max - comment.value.length;
    counter.textContent = `You have ${left} character${left === 1 ? "" : "s"} left.`;
  };
  comment.addEventListener("input", update);
  update();
}

if (form) {
  form.querySelectorAll(".js-only").forEach((element) => { element.hidden = false; });
  const where = setupWhere(form);
  const steps = new Steps(form, {
    validate: {
      feeling: () => (feeling() ? "" : "Choose whether the place feels safe or unsafe."),
      where: () => where.message(),
    },
    onShow: { where: () => where.ensureMap(), why: showReasonsFor, send: () => fillSummary(where) },
    onSkip: { why: clearInputs, when: clearInputs, comment: clearInputs, photo: clearInputs },
  });
  setupCommentCount();
  const send = form.querySelector("[data-send]");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const invalid = steps.firstInvalid();
    if (invalid !== -1) { steps.show(invalid); return; }
    send.disabled = true;
    send.textContent = "Sending...";
    const result = await submit(form);
    send.disabled = false;
    send.textContent = "Send";
    if (result === "kept") send.textContent = "Send again";
  });
}
