// Progressive enhancement only: every page works without this file.

// A status form that sets «Utført» offers today's date for the user to change (the date stays
// optional: a finished measure may have none). The date input carries today's date in
// data-today.
//
// Its field (data-shown-with="done") is always there without JavaScript, with a visible label.
// With JavaScript it shows when «Utført» is chosen, or when it holds a date: a date is kept with
// any status, so a field with a value is never hidden.
function syncDateField(form) {
  const select = form.querySelector("select[name=status]");
  const field = form.querySelector("[data-shown-with]");
  if (!select || !field) return;
  const date = field.querySelector("input[type=date]");
  field.hidden = select.value !== field.dataset.shownWith && !(date && date.value);
}

function syncDateFields(root) {
  const scope = root && root.querySelectorAll ? root : document;
  scope.querySelectorAll("[data-shown-with]").forEach((field) => {
    const form = field.closest("form");
    if (form) syncDateField(form);
  });
}

document.addEventListener("change", (event) => {
  const select = event.target;
  if (!(select instanceof HTMLSelectElement) || select.name !== "status") return;
  const form = select.form;
  if (!form) return;
  const date = form.querySelector("input[data-today]");
  if (date && select.value === "done" && date.value === "") {
    date.value = date.dataset.today;
  }
  syncDateField(form);
});

document.addEventListener("DOMContentLoaded", () => syncDateFields(document));
// htmx fires htmx:load on every piece of content it swaps in (a re-rendered row).
document.addEventListener("htmx:load", (event) => syncDateFields(event.target));

// After an inline save htmx replaces the row; focus would fall back to the page. Return it to
// the same row's «Lagre» button, with a visible focus ring, so a keyboard user goes on from
// where they were. The row's id is the same before and after the swap.
let savedRowId = null;
document.addEventListener("htmx:beforeRequest", (event) => {
  const form = event.target instanceof Element ? event.target.closest("form.row-status") : null;
  const row = form && form.closest("tr[id]");
  savedRowId = row ? row.id : null;
});
document.addEventListener("htmx:afterSettle", () => {
  if (!savedRowId) return;
  const row = document.getElementById(savedRowId);
  savedRowId = null;
  const button = row && row.querySelector("form.row-status button[type=submit]");
  if (!button) return;
  // Not every browser honours focusVisible for a focus set by script; the class draws the ring.
  button.classList.add("focus-returned");
  button.addEventListener("blur", () => button.classList.remove("focus-returned"), { once: true });
  button.focus({ focusVisible: true });
});

// The roll form's «Velg alle» / «Velg ingen» per strategy tick or untick that group's measures
// in place; without this script the buttons re-render the form with the group changed.
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element && event.target.closest("[data-roll-select]");
  if (!button) return;
  const group = button.closest("[data-roll-group]");
  if (!group) return;
  event.preventDefault();
  const tick = button.dataset.rollSelect === "all";
  group.querySelectorAll('input[type="checkbox"][name="carry"]').forEach((box) => {
    box.checked = tick;
  });
});

// A report's «Skriv ut» button: hidden without this script (the browser's own print works).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
