// The queue and review pages: keyboard shortcuts, redacting a selection, revealing hidden text
// and photos. Everything here only submits or focuses the page's own forms, or follows the
// page's own links, which all work without it.

const scope = document.querySelector("[data-shortcuts-scope]");

function typing(target) {
  return target.closest("input, textarea, select, [contenteditable]") !== null;
}

function submit(selector) {
  const form = document.querySelector(selector);
  if (form) form.requestSubmit();
}

function focus(selector) {
  const field = document.querySelector(selector);
  if (field) { field.scrollIntoView({ block: "center" }); field.focus(); }
}

function revealAll() {
  document.querySelectorAll("details[data-reveal]").forEach((details) => { details.open = true; });
  // Blurred text and photos are shown by the server, which counts what each moderator reads.
  submit("[data-reveal-form]");
}

const shortcuts = {
  c: () => submit("[data-claim-form]"),
  a: () => submit("[data-approve-form]"),
  r: () => focus('[data-reject-form] select[name="reason"]'),
  e: () => focus('[data-escalate-form] textarea[name="note"]'),
  d: () => focus("#decide"),
  s: revealAll,
  n: () => { if (scope.dataset.nextUrl) window.location.href = scope.dataset.nextUrl; },
  q: () => { if (scope.dataset.queueUrl) window.location.href = scope.dataset.queueUrl; },
};

document.addEventListener("keydown", (event) => {
  if (!scope || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  const action = shortcuts[event.key];
  if (action) { event.preventDefault(); action(); }
});

// Redacting a selection: offsets are counted in the original text, whose pieces carry their
// start offset in data-start.
const original = document.querySelector("[data-original]");
const selectionForm = document.querySelector("[data-selection-form]");

function offsetOf(node, offset) {
  const piece = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node)?.closest("[data-start]");
  if (!piece || !original.contains(piece)) return null;
  const range = document.createRange();
  range.selectNodeContents(piece);
  range.setEnd(node, offset);
  // Count only the contribution's own characters, not the words added for screen readers.
  const fragment = range.cloneContents();
  fragment.querySelectorAll(".w-sr-only").forEach((hidden) => hidden.remove());
  return Number(piece.dataset.start) + fragment.textContent.length;
}

function updateSelection() {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { selectionForm.hidden = true; return; }
  const range = selection.getRangeAt(0);
  if (!original.contains(range.commonAncestorContainer)) { selectionForm.hidden = true; return; }
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) { selectionForm.hidden = true; return; }
  selectionForm.querySelector("[data-selection-start]").value = String(start);
  selectionForm.querySelector("[data-selection-end]").value = String(end);
  selectionForm.querySelector("[data-selection-preview]").textContent = `“${range.toString()}”`;
  selectionForm.hidden = false;
}

if (original && selectionForm) {
  document.addEventListener("selectionchange", updateSelection);
}
