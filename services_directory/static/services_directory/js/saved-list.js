// "My list": services a person saved, kept in this browser's localStorage only. Nothing about the
// list is ever sent to the server.

const KEY = "spb:my-list";

export function load() {
  try {
    const entries = JSON.parse(window.localStorage.getItem(KEY) || "[]");
    return Array.isArray(entries) ? entries.filter((e) => e && typeof e.slug === "string") : [];
  } catch {
    return [];
  }
}

function store(entries) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(entries));
    return true;
  } catch {
    return false; // Storage full or blocked (private mode): the page says so.
  }
}

export function has(slug) {
  return load().some((e) => e.slug === slug);
}

export function add(entry) {
  const entries = load().filter((e) => e.slug !== entry.slug);
  entries.push({ ...entry, savedAt: new Date().toISOString() });
  return store(entries);
}

export function remove(slug) {
  return store(load().filter((e) => e.slug !== slug));
}

export function clear() {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    /* nothing stored */
  }
}

export function showCount() {
  const count = load().length;
  document.querySelectorAll("[data-my-list-count]").forEach((el) => {
    el.textContent = count ? ` (${count})` : "";
  });
}
