// Data from the server, read from the json_script elements templates render: the one way our
// scripts receive it (never inline script or globals). An ES module.

export function readJson(id, fallback = null) {
  const element = document.getElementById(id);
  return element ? JSON.parse(element.textContent) : fallback;
}
