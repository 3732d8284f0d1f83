//! What an imported row changes in a measure the plan already has, in words: the preview's
//! «Endret (felt: før → etter)» and «Uendret».

use super::{cost_text::StagedCost, lookup::Lookup, rows::Staged};
use crate::{
    domain::format_date,
    i18n::{Lang, k},
    measures::{
        model::{CellInput, MeasureInput},
        read::{describe_cells, describe_costs},
    },
};

/// One field the import changes: the field's name as a catalog key, before and after in the
/// reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

/// The saved measure in the import's terms, so both sides compare alike.
pub(super) fn staged_of(saved: &MeasureInput) -> Staged {
    let mut strategy_ids = saved.strategy_ids.clone();
    strategy_ids.sort_unstable();
    let mut cells: Vec<(i32, i32, Option<String>)> = saved
        .cells
        .iter()
        .map(|c| (c.year, c.period, c.label.clone()))
        .collect();
    cells.sort_by_key(|(y, p, _)| (*y, *p));
    Staged {
        key: None,
        title: saved.title.clone(),
        description: saved.description.clone(),
        strategy_ids,
        responsible: saved.responsible.columns(),
        responsible_typed: String::new(),
        hours: saved.hours,
        costs: saved.costs.iter().map(StagedCost::of).collect(),
        cells,
        priority: saved.priority,
        status: saved.status,
        status_date: saved.status_date,
        status_comment: saved.status_comment.clone(),
    }
}

fn same_text(a: &Option<String>, b: &Option<String>) -> bool {
    let norm = |t: &Option<String>| {
        t.as_deref()
            .map(|t| t.replace("\r\n", "\n").trim().to_string())
            .filter(|t| !t.is_empty())
    };
    norm(a) == norm(b)
}

/// Takes the saved value where the file says the same in other words: the responsible's name as
/// the export writes it (a role typed as free text stays free text even if it now matches a
/// person), a text that differs only in line breaks, strategies in another order.
pub(super) fn reconcile(row: &mut Staged, saved: &Staged, lookup: &Lookup) {
    row.strategy_ids.sort_unstable();
    row.strategy_ids.dedup();
    let (saved_label, _) = lookup.responsible_label(&saved.responsible);
    if row.responsible != saved.responsible && row.responsible_typed.trim() == saved_label.trim() {
        row.responsible = saved.responsible.clone();
    }
    if same_text(&row.description, &saved.description) {
        row.description = saved.description.clone();
    }
    if same_text(&row.status_comment, &saved.status_comment) {
        row.status_comment = saved.status_comment.clone();
    }
    // The export marks a planned cell without a label «x»; a label «x» typed in the form is the
    // same mark.
    if row.cells.len() == saved.cells.len()
        && row.cells.iter().zip(&saved.cells).all(|(a, b)| {
            (a.0, a.1) == (b.0, b.1)
                && a.2.as_deref().unwrap_or("x").trim() == b.2.as_deref().unwrap_or("x").trim()
        })
    {
        row.cells = saved.cells.clone();
    }
}

fn or_empty(s: String, lang: Lang) -> String {
    if s.trim().is_empty() {
        lang.t("transfer-change-empty")
    } else {
        s
    }
}

/// A long text cut for the preview: the change is visible, the page stays readable.
fn short(s: &str) -> String {
    const MAX: usize = 160;
    if s.chars().count() > MAX {
        format!("{}…", s.chars().take(MAX).collect::<String>())
    } else {
        s.to_string()
    }
}

/// Every field the row changes, with before and after as the measure page shows them.
pub(super) fn changes(saved: &Staged, row: &Staged, lookup: &Lookup, lang: Lang) -> Vec<Change> {
    let span = lookup.span();
    let strategies = |s: &Staged| {
        if s.strategy_ids.is_empty() {
            lang.t("transfer-preview-goal-only")
        } else {
            s.strategy_ids
                .iter()
                .map(|id| lookup.strategy_text(*id).to_string())
                .collect::<Vec<_>>()
                .join("; ")
        }
    };
    let costs =
        |s: &Staged| describe_costs(&s.costs.iter().map(StagedCost::input).collect::<Vec<_>>());
    let cells = |s: &Staged| {
        describe_cells(
            span,
            &s.cells
                .iter()
                .map(|(year, period, label)| CellInput {
                    year: *year,
                    period: *period,
                    label: label.clone(),
                })
                .collect::<Vec<_>>(),
        )
    };
    let yes_no = |b: bool| {
        lang.t(if b {
            "transfer-change-yes"
        } else {
            "transfer-change-no"
        })
    };
    let fields: [(&'static str, String, String); 11] = [
        (
            k("transfer-change-title"),
            saved.title.clone(),
            row.title.clone(),
        ),
        (
            k("transfer-col-description"),
            saved.description.clone().unwrap_or_default(),
            row.description.clone().unwrap_or_default(),
        ),
        (
            k("transfer-col-strategy"),
            strategies(saved),
            strategies(row),
        ),
        (
            k("transfer-col-responsible"),
            lookup.responsible_label(&saved.responsible).0,
            lookup.responsible_label(&row.responsible).0,
        ),
        (
            k("transfer-col-hours"),
            saved.hours.map(|h| h.plain()).unwrap_or_default(),
            row.hours.map(|h| h.plain()).unwrap_or_default(),
        ),
        (k("transfer-col-cost"), costs(saved), costs(row)),
        (k("transfer-change-cells"), cells(saved), cells(row)),
        (
            k("transfer-col-priority"),
            yes_no(saved.priority),
            yes_no(row.priority),
        ),
        (
            k("transfer-col-status"),
            lang.t(saved.status.label_key()),
            lang.t(row.status.label_key()),
        ),
        (
            k("transfer-col-status-date"),
            saved.status_date.map(format_date).unwrap_or_default(),
            row.status_date.map(format_date).unwrap_or_default(),
        ),
        (
            k("transfer-col-status-comment"),
            saved.status_comment.clone().unwrap_or_default(),
            row.status_comment.clone().unwrap_or_default(),
        ),
    ];
    let mut out: Vec<Change> = fields
        .into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(field, before, after)| Change {
            field,
            before: or_empty(short(&before), lang),
            after: or_empty(short(&after), lang),
        })
        .collect();
    // The same texts can still hide a different link (a person and a unit of the same name).
    if out.is_empty() && saved.responsible != row.responsible {
        let (label, kind) = lookup.responsible_label(&row.responsible);
        out.push(Change {
            field: k("transfer-col-responsible"),
            before: lookup.responsible_label(&saved.responsible).0,
            after: format!("{label} ({})", lang.t(kind_key(kind))),
        });
    }
    out
}

/// The catalog key of a responsible's kind as `Lookup::responsible_label` names it.
pub(super) fn kind_key(kind: &str) -> &'static str {
    match kind {
        "person" => k("transfer-kind-person"),
        "enhet" => k("transfer-kind-unit"),
        _ => k("transfer-kind-text"),
    }
}
