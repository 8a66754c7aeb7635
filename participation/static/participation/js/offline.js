// Sending forms on a bad connection. A submission that cannot be delivered (no connection, a
// server error, "please wait") is kept on this device, in IndexedDB, for at most 24 hours, with
// its Idempotency-Key: every retry carries the same key, so the server creates it once however
// many times it arrives. A banner says it is waiting and offers to delete it; after success it is
// deleted from the device and the confirmation (with the receipt code) is shown.

import { enhanceCopyButtons } from "./copy-code.js";

const DB_NAME = "spb-offline";
const STORE = "submissions";
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const RETRY_EVERY_MS = 30 * 1000;
const sending = new Set();
const listeners = new Set();

function request(idbRequest) {
  return new Promise((resolve, reject) => {
    idbRequest.onsuccess = () => resolve(idbRequest.result);
    idbRequest.onerror = () => reject(idbRequest.error);
  });
}

let opened = null;

function database() {
  if (!opened) {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: "key" });
    opened = request(open);
  }
  return opened;
}

async function store(mode) {
  return (await database()).transaction(STORE, mode).objectStore(STORE);
}

export async function waiting() {
  const all = await request((await store("readonly")).getAll());
  const fresh = [];
  for (const entry of all) {
    if (Date.now() - entry.savedAt > MAX_AGE_MS) await forget(entry.key);
    else fresh.push(entry);
  }
  return fresh;
}

async function keep(entry) {
  await request((await store("readwrite")).put(entry));
}

export async function forget(key) {
  await request((await store("readwrite")).delete(key));
}

function formData(fields) {
  const data = new FormData();
  for (const [name, value] of fields) {
    if (value instanceof Blob) data.append(name, value, value.name || "");
    else data.append(name, value);
  }
  return data;
}

function showPage(html) {
  const page = new DOMParser().parseFromString(html, "text/html");
  const incoming = page.querySelector("main");
  const main = document.querySelector("main");
  if (!incoming || !main) return;
  main.innerHTML = incoming.innerHTML;
  document.title = page.title;
  enhanceCopyButtons(main);
  const heading = main.querySelector("h1");
  if (heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }
  window.scrollTo(0, 0);
}

function messageFrom(html) {
  const page = new DOMParser().parseFromString(html, "text/html");
  const alert = page.querySelector("main [role=alert] p, main .lede");
  return alert ? alert.textContent.trim() : "";
}

// Sends one submission. Answers "sent", "kept" (it waits on the device) or "refused".
async function deliver(entry, form) {
  if (sending.has(entry.key)) return "kept";
  sending.add(entry.key);
  try {
    let response;
    try {
      response = await fetch(entry.action, {
        method: "POST",
        body: formData(entry.fields),
        headers: { "Idempotency-Key": entry.key, "X-Requested-With": "fetch" },
        credentials: "same-origin",
      });
    } catch (error) {
      await keep({ ...entry, note: "" });
      return "kept";
    }
    const html = await response.text();
    if (response.ok) {
      await forget(entry.key);
      showPage(html);
      return "sent";
    }
    if (response.status === 400 || response.status === 422 || response.status === 403) {
      // It will never be accepted as it is: show the page with the problems on it.
      await forget(entry.key);
      if (form) form.submit();
      else showPage(html);
      return "refused";
    }
    // 409 (still being handled), 429 (please wait) or a server error: try again later.
    await keep({ ...entry, note: response.status === 429 ? messageFrom(html) : "" });
    return "kept";
  } finally {
    sending.delete(entry.key);
    await refreshBanner();
  }
}

export async function submit(form) {
  const entry = {
    key: form.querySelector("[name=idempotency_key]").value,
    kind: form.dataset.offlineForm || "contribution",
    action: form.action,
    fields: [...new FormData(form).entries()],
    savedAt: Date.now(),
  };
  const result = await deliver(entry, form);
  listeners.forEach((listener) => listener(result));
  return result;
}

export function onResult(listener) {
  listeners.add(listener);
}

export async function retryAll() {
  if (navigator.onLine) {
    for (const entry of await waiting()) await deliver(entry, null);
  }
  await refreshBanner(); // anything past 24 hours has just been forgotten
}

function banner() {
  let element = document.querySelector("[data-offline-banner]");
  if (element) return element;
  element = document.createElement("section");
  element.className = "offline-banner";
  element.setAttribute("data-offline-banner", "");
  element.setAttribute("aria-label", "Waiting to send");
  element.hidden = true;
  element.innerHTML =
    '<div class="container">' +
    '<p role="status" data-offline-text></p><p data-offline-note></p>' +
    '<div class="button-row">' +
    '<button type="button" class="button button--secondary" data-offline-retry>Try again now</button>' +
    '<button type="button" class="button button--secondary" data-offline-delete>Delete it from this device</button>' +
    "</div></div>";
  document.querySelector("main").before(element);
  element.querySelector("[data-offline-retry]").addEventListener("click", retryAll);
  element.querySelector("[data-offline-delete]").addEventListener("click", async () => {
    for (const entry of await waiting()) await forget(entry.key);
    await refreshBanner();
    element.hidden = false;
    element.querySelector("[data-offline-text]").textContent =
      "Deleted from this device. Nothing was sent.";
    element.querySelector(".button-row").hidden = true;
  });
  return element;
}

async function refreshBanner() {
  const entries = await waiting();
  const element = banner();
  const text = element.querySelector("[data-offline-text]");
  const note = element.querySelector("[data-offline-note]");
  if (!entries.length) {
    if (text.textContent.startsWith("Waiting")) element.hidden = true;
    return;
  }
  element.hidden = false;
  element.querySelector(".button-row").hidden = false;
  const what = entries.length === 1 ? "1 thing you sent is" : `${entries.length} things you sent are`;
  text.textContent =
    `Waiting to send: ${what} kept on this device and will be sent when the connection is back. ` +
    "It is deleted from this device after 24 hours.";
  note.textContent = entries.map((entry) => entry.note).filter(Boolean)[0] || "";
}

if ("indexedDB" in window) {
  window.addEventListener("online", retryAll);
  window.setInterval(retryAll, RETRY_EVERY_MS);
  refreshBanner().then(retryAll);
}
