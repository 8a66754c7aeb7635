// "Copy the code" buttons on the confirmation page: one listener on the document, so buttons that
// arrive later (a confirmation delivered by offline.js) work too.

export function enhanceCopyButtons(root = document) {
  root.querySelectorAll("[data-copy]").forEach((button) => { button.hidden = false; });
}

function announce(button, text) {
  const status = button.parentElement.querySelector("[data-copy-status]");
  if (status) status.textContent = text;
}

document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  if (!source) return;
  try {
    await navigator.clipboard.writeText(source.textContent.trim());
    announce(button, "Copied. Keep it somewhere safe.");
  } catch (error) {
    // No clipboard access: select the code so it can be copied by hand.
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    announce(button, "The code is selected: copy it, or write it down.");
  }
});

enhanceCopyButtons();
