//! What changed since the previous round: measures whose status changed, completed, new,
//! removed, and delayed (planned periods already passed without «Utført»). Pure rules over two
//! reports' lines, so the report page, the XLSX and the tests say the same.

use chrono::NaiveDate;

use super::read::Line;
use crate::measures::model::Status;

/// A measure's status change between two rounds.
pub struct StatusChange {
    pub measure_id: i64,
    pub title: String,
    pub from: Status,
    pub to: Status,
}

/// A measure whose planned periods have passed without it being done.
pub struct Delayed {
    pub measure_id: i64,
    pub title: String,
    /// The passed periods, as «Mar 2014», «Kv 2 2015».
    pub periods: Vec<String>,
    pub status: Status,
}

#[derive(Default)]
pub struct Changes {
    /// False for a plan's first submitted report: nothing to compare with.
    pub has_previous: bool,
    pub changed: Vec<StatusChange>,
    pub completed: Vec<StatusChange>,
    pub new: Vec<(i64, String)>,
    pub removed: Vec<(i64, String)>,
    pub delayed: Vec<Delayed>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty()
            && self.completed.is_empty()
            && self.new.is_empty()
            && self.removed.is_empty()
            && self.delayed.is_empty()
    }
}

/// The last day of a plan's period: a month in the plan's first year, a quarter after.
pub fn period_end(start_year: i32, year: i32, period: i32) -> Option<NaiveDate> {
    let last_month = if year == start_year {
        period
    } else {
        period * 3
    };
    let (y, m) = if last_month >= 12 {
        (year + 1, 1)
    } else {
        (year, last_month as u32 + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).and_then(|d| d.pred_opt())
}

/// `current` compared with `previous` (None for the first report), as of `as_of` (the round's
/// due date): a period is passed when it ended before that day.
pub fn compare(
    previous: Option<&[Line]>,
    current: &[Line],
    start_year: i32,
    period_name: impl Fn(i32, i32) -> String,
    as_of: NaiveDate,
) -> Changes {
    let mut out = Changes {
        has_previous: previous.is_some(),
        ..Default::default()
    };
    if let Some(prev) = previous {
        let by_id: std::collections::HashMap<i64, &Line> =
            prev.iter().map(|p| (p.measure_id, p)).collect();
        let current_ids: std::collections::HashSet<i64> =
            current.iter().map(|c| c.measure_id).collect();
        for line in current {
            match by_id.get(&line.measure_id).copied() {
                None => out.new.push((line.measure_id, line.title.clone())),
                Some(p) if p.status != line.status => {
                    let change = StatusChange {
                        measure_id: line.measure_id,
                        title: line.title.clone(),
                        from: p.status,
                        to: line.status,
                    };
                    if line.status == Status::Done {
                        out.completed.push(change);
                    } else {
                        out.changed.push(change);
                    }
                }
                Some(_) => {}
            }
        }
        out.removed = prev
            .iter()
            .filter(|p| !current_ids.contains(&p.measure_id))
            .map(|p| (p.measure_id, p.title.clone()))
            .collect();
    }
    for line in current {
        if matches!(line.status, Status::Done | Status::Cancelled) {
            continue;
        }
        let mut cells: Vec<(i32, i32)> = line
            .cells
            .iter()
            .filter(|c| period_end(start_year, c.year, c.period).is_some_and(|end| end < as_of))
            .map(|c| (c.year, c.period))
            .collect();
        cells.sort();
        if !cells.is_empty() {
            out.delayed.push(Delayed {
                measure_id: line.measure_id,
                title: line.title.clone(),
                periods: runs(&cells)
                    .into_iter()
                    .map(|(y, from, to)| match from == to {
                        true => format!("{} {y}", period_name(y, from)),
                        false => format!("{}–{} {y}", period_name(y, from), period_name(y, to)),
                    })
                    .collect(),
                status: line.status,
            });
        }
    }
    out
}

/// Sorted (year, period) cells as runs of consecutive periods in a year: «Jan–Sep 2014».
fn runs(cells: &[(i32, i32)]) -> Vec<(i32, i32, i32)> {
    let mut out: Vec<(i32, i32, i32)> = Vec::new();
    for &(y, p) in cells {
        match out.last_mut() {
            Some((ly, _, to)) if *ly == y && *to + 1 == p => *to = p,
            _ => out.push((y, p, p)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::read::Cell;

    fn line(id: i64, status: Status, cells: &[(i32, i32)]) -> Line {
        Line {
            measure_id: id,
            measure_version: 1,
            title: format!("T{id}"),
            goal_area: String::new(),
            strategy: String::new(),
            responsible: String::new(),
            hours: None,
            cost_text: String::new(),
            known_cost: Default::default(),
            cost_unknown: false,
            priority: false,
            cells: cells
                .iter()
                .map(|&(year, period)| Cell {
                    year,
                    period,
                    label: None,
                })
                .collect(),
            status,
            status_date: None,
            comment: None,
            new_group: false,
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods_end_on_the_last_day_of_their_month_in_year_one_and_of_their_quarter_after() {
        assert_eq!(period_end(2014, 2014, 2), Some(d(2014, 2, 28)));
        assert_eq!(period_end(2014, 2014, 12), Some(d(2014, 12, 31)));
        assert_eq!(period_end(2014, 2015, 1), Some(d(2015, 3, 31)));
        assert_eq!(period_end(2014, 2015, 4), Some(d(2015, 12, 31)));
    }

    #[test]
    fn a_comparison_finds_changed_completed_new_removed_and_delayed_measures() {
        let prev = vec![
            line(1, Status::NotStarted, &[]),
            line(2, Status::InProgress, &[]),
            line(3, Status::InProgress, &[]),
            line(4, Status::NotStarted, &[]),
        ];
        let cur = vec![
            line(1, Status::InProgress, &[(2014, 3)]),
            line(2, Status::Done, &[(2014, 3)]),
            line(3, Status::InProgress, &[(2014, 9)]),
            line(5, Status::NotStarted, &[]),
        ];
        let c = compare(
            Some(&prev),
            &cur,
            2014,
            |_, p| format!("M{p}"),
            d(2014, 6, 15),
        );
        assert!(c.has_previous);
        assert_eq!(c.changed.len(), 1);
        assert_eq!(
            (c.changed[0].from, c.changed[0].to),
            (Status::NotStarted, Status::InProgress)
        );
        assert_eq!(c.completed[0].measure_id, 2);
        assert_eq!(c.new, vec![(5, "T5".to_string())]);
        assert_eq!(c.removed, vec![(4, "T4".to_string())]);
        // Measure 1 was planned for March and is not done by 15 June; measure 3's September is
        // still ahead; measure 2 is done.
        assert_eq!(c.delayed.len(), 1);
        assert_eq!(c.delayed[0].measure_id, 1);
        assert_eq!(c.delayed[0].periods, vec!["M3 2014".to_string()]);
    }

    #[test]
    fn consecutive_periods_read_as_one_run() {
        let cur = vec![line(
            1,
            Status::NotStarted,
            &[(2014, 1), (2014, 2), (2014, 3), (2014, 5), (2015, 1)],
        )];
        let c = compare(None, &cur, 2014, |_, p| format!("M{p}"), d(2016, 1, 15));
        assert_eq!(
            c.delayed[0].periods,
            vec!["M1–M3 2014", "M5 2014", "M1 2015"]
        );
    }

    #[test]
    fn the_first_report_has_nothing_to_compare_with_but_still_lists_delays() {
        let cur = vec![line(1, Status::NotStarted, &[(2014, 1)])];
        let c = compare(None, &cur, 2014, |y, p| format!("{y}/{p}"), d(2014, 6, 15));
        assert!(!c.has_previous);
        assert!(c.new.is_empty() && c.changed.is_empty());
        assert_eq!(c.delayed.len(), 1);
    }
}
