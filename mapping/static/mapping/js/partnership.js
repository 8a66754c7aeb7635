// The partnership pages: every table marked data-sortable-table sorts by keyboard or mouse, and
// each sort is announced through the page's live region.
import { enhanceSortableTables } from "./sortable-table.js";

const status = document.querySelector("[data-sort-status]");
enhanceSortableTables(document, {
  announce(text) {
    if (status) status.textContent = text;
  },
});
