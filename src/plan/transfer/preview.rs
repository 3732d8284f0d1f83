//! What an import will do, measure by measure: which saved measure each row is (by key, or by
//! title with the user's consent), and whether it is new, changed (field: before → after) or
//! unchanged. The preview page shows it; confirm carries out exactly this.

use askama::Template;
use askama_web::WebTemplate;
use serde::{Deserialize, Serialize};

use super::{
    changes::{Change, changes, kind_key, reconcile, staged_of},
    lookup::Lookup,
    rows::{Checked, RowError, Staged},
};
use crate::{
    domain::format_date,
    error::AppResult,
    i18n::{Lang, Msg, k},
    measures::read::inputs,
    plan::model::Span,
    web::Ctx,
};

/// What confirming does with one measure of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fate {
    New,
    Changed,
    Unchanged,
    /// Same title as a measure of the plan, no key: updated only if the user ticks the box.
    SameTitle,
}

pub struct PreviewRow {
    pub row: usize,
    pub title: String,
    pub strategies: Vec<String>,
    pub hours: String,
    pub cost: String,
    pub responsible: String,
    /// The catalog key of the responsible's kind (person, unit, free text); "" if none.
    pub responsible_kind: &'static str,
    /// «fra «Jan Magne»» when the name in the file was matched to a person's full name.
    pub responsible_typed: Option<String>,
    /// The catalog key of the status, and its date.
    pub status: &'static str,
    pub status_date: Option<String>,
    pub periods: String,
    pub priority: bool,
    pub fate: Fate,
    /// The measure it updates or resembles.
    pub target: Option<i64>,
    pub changes: Vec<Change>,
    pub note: Option<Msg>,
}

impl PreviewRow {
    /// The catalog key of what happens to the row.
    pub fn fate_label(&self) -> &'static str {
        match self.fate {
            Fate::New => k("transfer-fate-new"),
            Fate::Changed => k("transfer-fate-changed"),
            Fate::Unchanged => k("transfer-fate-unchanged"),
            Fate::SameTitle => k("transfer-fate-same-title"),
        }
    }

    pub fn fate_color(&self) -> &'static str {
        match self.fate {
            Fate::New => "success",
            Fate::Changed => "warning",
            Fate::Unchanged => "neutral",
            Fate::SameTitle => "info",
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "plan/import_preview.html")]
pub struct PreviewPage {
    pub ctx: Ctx,
    pub plan_id: i64,
    pub plan_name: String,
    pub file_name: String,
    pub rows: Vec<PreviewRow>,
    pub errors: Vec<RowError>,
    pub token: Option<String>,
}

impl PreviewPage {
    fn count(&self, fate: Fate) -> usize {
        self.rows.iter().filter(|r| r.fate == fate).count()
    }

    /// «2 nye, 1 endret og 60 uendret»
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let (new, changed, unchanged, same) = (
            self.count(Fate::New),
            self.count(Fate::Changed),
            self.count(Fate::Unchanged),
            self.count(Fate::SameTitle),
        );
        let lang = self.ctx.lang;
        if new > 0 {
            parts.push(lang.t1("transfer-summary-new", "count", new));
        }
        if changed > 0 {
            parts.push(lang.t1("transfer-summary-changed", "count", changed));
        }
        if unchanged > 0 {
            parts.push(lang.t1("transfer-summary-unchanged", "count", unchanged));
        }
        if same > 0 {
            parts.push(lang.t1("transfer-summary-same-title", "count", same));
        }
        match parts.len() {
            0 => String::new(),
            1 => parts.remove(0),
            n => lang.t2(
                "transfer-summary-and",
                "list",
                parts[..n - 1].join(", "),
                "last",
                parts[n - 1].as_str(),
            ),
        }
    }

    pub fn same_title(&self) -> usize {
        self.count(Fate::SameTitle)
    }

    /// Whether confirming can do anything at all.
    pub fn has_work(&self) -> bool {
        self.rows.iter().any(|r| r.fate != Fate::Unchanged)
    }

    /// «Ingenting er lagret ennå. Filen har 3 tiltak: 3 nye. Se over tiltakene under …»
    pub fn nothing_saved_yet(&self) -> String {
        self.ctx.t2(
            "transfer-preview-nothing-saved",
            "count",
            self.rows.len(),
            "summary",
            self.summary(),
        )
    }
}

/// One measure as stored with the preview, for confirm to carry out.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct Planned {
    pub measure: Staged,
    pub target: Option<Target>,
}

/// The measure a row updates, at the version the preview compared it with.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub(super) struct Target {
    pub id: i64,
    pub version: i32,
    /// Found by title, not by key: updated only with the user's confirmation.
    pub by_title: bool,
    pub unchanged: bool,
}

/// Which saved measure each checked measure is: by its key in this plan, else (without a key)
/// by a title that exactly one measure of the plan has and no other row claims.
/// The saved measure a checked measure is (id, version, found by title), and a note for the
/// preview.
type Found = (Option<(i64, i32, bool)>, Option<Msg>);

fn targets(checked: &Checked, lookup: &Lookup) -> Vec<Found> {
    let keyed: std::collections::HashSet<i64> =
        checked.measures.iter().filter_map(|s| s.key).collect();
    let mut claimed = keyed.clone();
    checked
        .measures
        .iter()
        .map(|s| match s.key {
            Some(id) => match lookup.measures.iter().find(|(m, _, _)| *m == id) {
                Some((_, _, version)) => (Some((id, *version, false)), None),
                None => (
                    None,
                    lookup.elsewhere.get(&id).map(|plan| {
                        Msg::with(
                            "transfer-note-other-plan",
                            [("id", id.into()), ("plan", plan.into())],
                        )
                    }),
                ),
            },
            None => {
                let same: Vec<&(i64, String, i32)> = lookup
                    .measures
                    .iter()
                    .filter(|(_, t, _)| {
                        t.split_whitespace().collect::<Vec<_>>().join(" ") == s.title
                    })
                    .collect();
                match same.as_slice() {
                    [(id, _, version)] if claimed.insert(*id) => {
                        (Some((*id, *version, true)), None)
                    }
                    [] => (None, None),
                    _ => (None, Some(Msg::new("transfer-note-title-ambiguous"))),
                }
            }
        })
        .collect()
}

/// The measures to write and the preview of each: new, changed (field: before → after) or
/// unchanged, compared with the measure as it is saved now.
pub(super) async fn plan_import(
    db: &sqlx::PgPool,
    m: i64,
    checked: &Checked,
    lookup: &Lookup,
    lang: Lang,
) -> AppResult<(Vec<Planned>, Vec<PreviewRow>)> {
    let found = targets(checked, lookup);
    let ids: Vec<i64> = found
        .iter()
        .filter_map(|(t, _)| t.map(|(id, _, _)| id))
        .collect();
    let mut conn = db.acquire().await?;
    let saved = inputs(&mut conn, m, &ids).await?;
    drop(conn);
    let mut planned = Vec::new();
    let mut rows = Vec::new();
    for ((staged, row), (target, note)) in checked.measures.iter().zip(&checked.rows).zip(found) {
        let mut staged = staged.clone();
        let target = target.and_then(|(id, version, by_title)| {
            let saved = staged_of(saved.get(&id)?);
            reconcile(&mut staged, &saved, lookup);
            let diff = changes(&saved, &staged, lookup, lang);
            Some((id, version, by_title, diff))
        });
        let (fate, target_id, diff) = match &target {
            None => (Fate::New, None, Vec::new()),
            Some((id, _, true, diff)) => (Fate::SameTitle, Some(*id), diff.clone()),
            Some((id, _, false, diff)) if diff.is_empty() => {
                (Fate::Unchanged, Some(*id), Vec::new())
            }
            Some((id, _, false, diff)) => (Fate::Changed, Some(*id), diff.clone()),
        };
        rows.push(preview_row(
            &staged, *row, lookup, fate, target_id, diff, note,
        ));
        planned.push(Planned {
            target: target.map(|(id, version, by_title, diff)| Target {
                id,
                version,
                by_title,
                unchanged: diff.is_empty(),
            }),
            measure: staged,
        });
    }
    // What the import does comes first; the unchanged rows follow, in the file's order.
    rows.sort_by_key(|r| match r.fate {
        Fate::Changed => 0,
        Fate::SameTitle => 1,
        Fate::New => 2,
        Fate::Unchanged => 3,
    });
    Ok((planned, rows))
}

/// «2014: Jan–Des; 2015: Kv 1 (Utredning), Kv 2–Kv 3»: runs of periods with the same label.
fn periods_text(span: Span, cells: &[(i32, i32, Option<String>)]) -> String {
    let mut years: Vec<(i32, Vec<String>)> = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let (year, first, label) = &cells[i];
        let mut j = i;
        while j + 1 < cells.len()
            && cells[j + 1].0 == *year
            && cells[j + 1].1 == cells[j].1 + 1
            && cells[j + 1].2 == *label
        {
            j += 1;
        }
        let name = |p: i32| span.period_name(*year, p);
        let mut run = if j > i {
            format!("{}–{}", name(*first), name(cells[j].1))
        } else {
            name(*first)
        };
        if let Some(l) = label {
            run.push_str(&format!(" ({l})"));
        }
        match years.last_mut() {
            Some((y, runs)) if y == year => runs.push(run),
            _ => years.push((*year, vec![run])),
        }
        i = j + 1;
    }
    years
        .into_iter()
        .map(|(y, runs)| format!("{y}: {}", runs.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

fn preview_row(
    s: &Staged,
    row: usize,
    lookup: &Lookup,
    fate: Fate,
    target: Option<i64>,
    changes: Vec<Change>,
    note: Option<Msg>,
) -> PreviewRow {
    let (responsible, responsible_kind) = lookup.responsible_label(&s.responsible);
    let typed = s.responsible_typed.trim();
    PreviewRow {
        row,
        title: s.title.clone(),
        strategies: s
            .strategy_ids
            .iter()
            .map(|id| lookup.strategy_text(*id).to_string())
            .collect(),
        hours: s.hours.map(|h| h.plain()).unwrap_or_default(),
        cost: s
            .costs
            .iter()
            .map(|c| c.input().describe())
            .collect::<Vec<_>>()
            .join(" + "),
        responsible_typed: (!typed.is_empty()
            && responsible_kind != "fritekst"
            && typed.to_lowercase() != responsible.to_lowercase())
        .then(|| typed.to_string()),
        responsible,
        responsible_kind: if responsible_kind.is_empty() {
            ""
        } else {
            kind_key(responsible_kind)
        },
        status: s.status.label_key(),
        status_date: s.status_date.map(format_date),
        periods: periods_text(lookup.span(), &s.cells),
        priority: s.priority,
        fate,
        target,
        changes,
        note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_names_runs_of_periods_with_the_same_label() {
        assert_eq!(
            periods_text(
                Span::new(2014, 2016),
                &[
                    (2014, 1, None),
                    (2014, 2, None),
                    (2014, 5, Some("Utredning".into())),
                    (2015, 1, None)
                ]
            ),
            "2014: Jan–Feb, Mai (Utredning); 2015: Kv 1"
        );
    }
}
