//! What an imported row changes in a measure the plan already has, in words: the preview's
//! «Endret (felt: før → etter)» and «Uendret».

use super::{cost_text::StagedCost, lookup::Lookup, rows::Staged};
use crate::{
    domain::format_date,
    measures::{
        model::{CellInput, MeasureInput},
        read::{describe_cells, describe_costs},
    },
};

/// One field the import changes.
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

fn or_empty(s: String) -> String {
    if s.trim().is_empty() {
        "(tom)".into()
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
pub(super) fn changes(saved: &Staged, row: &Staged, lookup: &Lookup) -> Vec<Change> {
    let span = lookup.span();
    let strategies = |s: &Staged| {
        if s.strategy_ids.is_empty() {
            "Knyttet til hovedmålet".to_string()
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
    let yes_no = |b: bool| if b { "ja" } else { "nei" }.to_string();
    let fields: [(&'static str, String, String); 11] = [
        ("Tittel", saved.title.clone(), row.title.clone()),
        (
            "Beskrivelse",
            saved.description.clone().unwrap_or_default(),
            row.description.clone().unwrap_or_default(),
        ),
        ("Strategi", strategies(saved), strategies(row)),
        (
            "Ansvar",
            lookup.responsible_label(&saved.responsible).0,
            lookup.responsible_label(&row.responsible).0,
        ),
        (
            "Timer",
            saved.hours.map(|h| h.plain()).unwrap_or_default(),
            row.hours.map(|h| h.plain()).unwrap_or_default(),
        ),
        ("Kostnad", costs(saved), costs(row)),
        ("Framdrift", cells(saved), cells(row)),
        ("Prioritert", yes_no(saved.priority), yes_no(row.priority)),
        (
            "Status",
            saved.status.label().to_string(),
            row.status.label().to_string(),
        ),
        (
            "Statusdato",
            saved.status_date.map(format_date).unwrap_or_default(),
            row.status_date.map(format_date).unwrap_or_default(),
        ),
        (
            "Statuskommentar",
            saved.status_comment.clone().unwrap_or_default(),
            row.status_comment.clone().unwrap_or_default(),
        ),
    ];
    let mut out: Vec<Change> = fields
        .into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(field, before, after)| Change {
            field,
            before: or_empty(short(&before)),
            after: or_empty(short(&after)),
        })
        .collect();
    // The same texts can still hide a different link (a person and a unit of the same name).
    if out.is_empty() && saved.responsible != row.responsible {
        let (label, kind) = lookup.responsible_label(&row.responsible);
        out.push(Change {
            field: "Ansvar",
            before: lookup.responsible_label(&saved.responsible).0,
            after: format!("{label} ({kind})"),
        });
    }
    out
}
