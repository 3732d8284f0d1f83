// Progressive enhancement only: every page works without this file.

// A status form that sets «Utført» offers today's date for the user to change (the date stays
// optional: a finished measure may have none). The date input names the status select it
// follows with data-follows, and carries today's date in data-today.
document.addEventListener("change", (event) => {
  const select = event.target;
  if (!(select instanceof HTMLSelectElement) || select.name !== "status") return;
  const form = select.form;
  const date = form && form.querySelector("input[data-today]");
  if (date && select.value === "done" && date.value === "") {
    date.value = date.dataset.today;
  }
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
