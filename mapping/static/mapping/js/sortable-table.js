// Sortable tables, for keyboard and screen reader users as much as for anyone: each sortable
// column heading becomes a button, the sorted column carries aria-sort, and every sort is
// announced. Cells give their own sort value (data-sort-value), so numbers sort as numbers.

function sortValue(row, index, numeric) {
  const cell = row.cells[index];
  const raw = cell ? (cell.dataset.sortValue ?? cell.textContent.trim()) : "";
  return numeric ? Number.parseFloat(raw) || 0 : raw.toLocaleLowerCase();
}

export function makeSortable(table, { announce = () => {} } = {}) {
  const headers = [...table.querySelectorAll("thead th[data-sort-key]")];
  const body = table.tBodies[0];
  if (!body) return;
  const original = [...body.rows];

  function sortBy(th, direction) {
    const index = th.cellIndex;
    const numeric = th.dataset.sortType === "number";
    const sign = direction === "ascending" ? 1 : -1;
    const rows = [...body.rows].sort((a, b) => {
      const x = sortValue(a, index, numeric);
      const y = sortValue(b, index, numeric);
      if (x < y) return -sign;
      if (x > y) return sign;
      return original.indexOf(a) - original.indexOf(b);
    });
    rows.forEach((row) => body.appendChild(row));
    headers.forEach((other) => {
      if (other === th) other.setAttribute("aria-sort", direction);
      else other.removeAttribute("aria-sort");
    });
    const order = numeric
      ? direction === "ascending" ? "lowest first" : "highest first"
      : direction === "ascending" ? "A to Z" : "Z to A";
    announce(`Table sorted by ${th.textContent.trim()}, ${order}.`);
  }

  headers.forEach((th) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    button.textContent = th.textContent.trim();
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", () => {
      const current = th.getAttribute("aria-sort");
      const numeric = th.dataset.sortType === "number";
      let direction;
      if (current === "ascending") direction = "descending";
      else if (current === "descending") direction = "ascending";
      else direction = numeric ? "descending" : "ascending";
      sortBy(th, direction);
    });
  });
}

export function enhanceSortableTables(root = document, options = {}) {
  root.querySelectorAll("table[data-sortable-table]").forEach((table) => makeSortable(table, options));
}
