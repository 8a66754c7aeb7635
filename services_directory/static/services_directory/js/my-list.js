// The "My list" page: renders the services saved in this browser, printable. Everything shown
// comes from localStorage and is written as text, never as HTML.

import * as savedList from "./saved-list.js";

const list = document.querySelector("[data-my-list]");
const empty = document.querySelector("[data-my-list-empty]");
const actions = document.querySelector("[data-my-list-actions]");
const status = document.querySelector("[data-my-list-status]");

function fact(dl, label, value, href) {
  if (!value) return;
  const row = document.createElement("div");
  const dt = document.createElement("dt");
  dt.textContent = label;
  const dd = document.createElement("dd");
  if (href) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = value;
    dd.appendChild(a);
  } else {
    dd.textContent = value;
  }
  row.append(dt, dd);
  dl.appendChild(row);
}

function safeUrl(value) {
  // Only web addresses and our own paths become links.
  return /^(https?:\/\/|\/)/.test(value || "") ? value : "";
}

function render() {
  const entries = savedList.load();
  list.replaceChildren();
  for (const entry of entries) {
    const item = document.createElement("li");
    item.className = "result";
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = safeUrl(entry.url) || "#";
    link.textContent = entry.name;
    heading.appendChild(link);
    item.appendChild(heading);
    if (entry.organization) {
      const org = document.createElement("p");
      org.className = "result__org";
      org.textContent = `Run by ${entry.organization}`;
      item.appendChild(org);
    }
    const summary = document.createElement("p");
    summary.textContent = entry.summary || "";
    item.appendChild(summary);
    const dl = document.createElement("dl");
    dl.className = "facts";
    fact(dl, "Phone", entry.phone, entry.phone ? `tel:${entry.phone.replace(/\s/g, "")}` : "");
    fact(dl, "Email", entry.email, entry.email ? `mailto:${entry.email}` : "");
    fact(dl, "Website", safeUrl(entry.website), safeUrl(entry.website));
    fact(dl, "Where", entry.where);
    fact(dl, "When", entry.when);
    fact(dl, "Ages", entry.ages);
    fact(dl, "Page", safeUrl(entry.url) ? new URL(entry.url, window.location.origin).href : "");
    item.appendChild(dl);
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button button--secondary no-print";
    remove.textContent = `Remove ${entry.name}`;
    remove.addEventListener("click", () => {
      savedList.remove(entry.slug);
      status.textContent = `${entry.name} removed.`;
      render();
    });
    item.appendChild(remove);
    list.appendChild(item);
  }
  empty.hidden = entries.length > 0;
  actions.hidden = entries.length === 0;
  savedList.showCount();
}

document.querySelector("[data-print]").addEventListener("click", () => window.print());
document.querySelector("[data-clear]").addEventListener("click", () => {
  savedList.clear();
  status.textContent = "Your list is cleared.";
  render();
});
render();
