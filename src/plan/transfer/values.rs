//! One cell's value as a municipality writes it: status words, dates with two-digit years,
//! «Start»/«Slutt» as periods of the plan, «Prioritert».

use chrono::{Datelike, NaiveDate};

use super::columns::{Col, as_year, month_of_year, normalize, period_column};
use crate::{domain::parse_date, i18n::Msg, measures::model::Status, plan::model::Span};

/// A status as the app names it, or as municipalities write it in their own sheets.
pub(super) fn status_word(text: &str) -> Option<Status> {
    if let Some(s) = Status::parse_any(text) {
        return Some(s);
    }
    Some(match normalize(text).trim_end_matches(['.', '!']) {
        "ferdig" | "fullført" | "ferdigstilt" | "gjennomført" | "levert" | "ok" => Status::Done,
        "starta" | "påbyrja" | "under arbeid" | "i arbeid" => Status::InProgress,
        "startet" | "i gang" | "igang" | "påbegynt" | "pågående" => Status::InProgress,
        "ikke påbegynt" | "ikke begynt" | "ikke startet opp" | "ikke i gang" | "planlagt"
        | "ikkje starta" | "ikkje påbyrja" | "ikkje byrja" | "ikkje i gang" => Status::NotStarted,
        "utsett" | "på vent" | "venter" | "satt på vent" => Status::Postponed,
        "avlyst" | "stoppet" | "kansellert" | "droppet" | "skrinlagt" | "avbrote" | "stoppa" => {
            Status::Cancelled
        }
        _ => return None,
    })
}

pub(super) fn parse_status(text: &str, span: Span) -> Result<(Status, Option<NaiveDate>), Msg> {
    let t = text.trim();
    if t.is_empty() {
        return Ok((Status::NotStarted, None));
    }
    if let Some(s) = status_word(t) {
        return Ok((s, None));
    }
    // «Utført 05.12.2013», as the Excel export writes a finished measure, or «Ferdig 30.04.14».
    if let Some((label, date)) = t.rsplit_once(' ')
        && let Some(s) = status_word(label)
        && date.contains(['.', '-', '/'])
    {
        return Ok((s, Some(import_date(date, span)?)));
    }
    Err(Msg::with("transfer-status-unknown", [("typed", t.into())]))
}

/// A date as a sheet writes it: «30.04.2014», «2014-04-30», or with a two-digit year,
/// «30.04.14», read as 2000–2069 for 00–69 and 1970–1999 for 70–99. A date more than ten years
/// from the plan's years is a typing error, not a date in this plan, and is refused.
pub(super) fn import_date(text: &str, span: Span) -> Result<NaiveDate, Msg> {
    let t = text.trim();
    let parts: Vec<&str> = t.split(['.', '/', '-']).collect();
    let two_digit = parts.len() == 3
        && parts[2].len() == 2
        && parts[0].len() <= 2
        && parts[1].len() <= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let date = if two_digit {
        let (d, m, y): (u32, u32, i32) = (
            parts[0].parse().unwrap_or(0),
            parts[1].parse().unwrap_or(0),
            parts[2].parse().unwrap_or(0),
        );
        let year = if y < 70 { 2000 + y } else { 1900 + y };
        NaiveDate::from_ymd_opt(year, m, d)
            .ok_or_else(|| Msg::with("transfer-date-invalid", [("typed", t.into())]))?
    } else {
        parse_date(t).map_err(|e| {
            Msg::with(
                "transfer-date-error",
                [("typed", t.into()), ("error", e.into())],
            )
        })?
    };
    let (first, last) = (span.start_year - 10, span.end_year + 10);
    if !(first..=last).contains(&date.year()) {
        return Err(Msg::with(
            "transfer-date-far",
            [
                ("typed", t.into()),
                ("year", date.year().into()),
                ("start", span.start_year.into()),
                ("end", span.end_year.into()),
            ],
        ));
    }
    Ok(date)
}

/// «Start» or «Slutt» as a period of the plan: a date or a month falls in its month (first
/// year) or quarter (later years); a year alone starts in its first period or ends in its last.
/// A start before the plan counts from the plan's first period and an end after it to the
/// plan's last; a period wholly outside the plan is refused.
pub(super) fn period_of(text: &str, end: bool, span: Span) -> Result<(i32, i32), Msg> {
    let t = text.trim();
    let month_in = |year: i32, month: u32| -> (i32, i32) {
        if year == span.start_year {
            (year, month as i32)
        } else {
            (year, (month as i32 - 1) / 3 + 1)
        }
    };
    let (year, period) = if let Some(y) = as_year(t) {
        let last = if y == span.start_year { 12 } else { 4 };
        (y, if end { last } else { 1 })
    } else if let Ok(Col::Period(y, p)) = period_column(t, None, span.start_year, span.end_year) {
        (y, p)
    } else if let Some((m, y)) = month_of_year(t) {
        month_in(y, m)
    } else {
        // «03.2014», «3/2014», «2014-03»: a month of a year.
        let parts: Vec<&str> = t.split(['.', '/', '-']).collect();
        let month_year = match parts.as_slice() {
            [m, y] if y.len() == 4 => m.parse::<u32>().ok().zip(y.parse::<i32>().ok()),
            [y, m] if y.len() == 4 => m.parse::<u32>().ok().zip(y.parse::<i32>().ok()),
            _ => None,
        }
        .filter(|(m, _)| (1..=12).contains(m));
        match month_year {
            Some((m, y)) => month_in(y, m),
            None => {
                let d = import_date(t, span).map_err(|_| {
                    Msg::with(
                        "transfer-period-invalid",
                        [("typed", t.into()), ("start", span.start_year.into())],
                    )
                })?;
                month_in(d.year(), d.month())
            }
        }
    };
    if end && year < span.start_year || !end && year > span.end_year {
        return Err(Msg::with(
            "transfer-period-outside",
            [
                ("typed", t.into()),
                ("start", span.start_year.into()),
                ("end", span.end_year.into()),
            ],
        ));
    }
    if year < span.start_year {
        return Ok((span.start_year, 1));
    }
    if year > span.end_year {
        let last = if span.end_year == span.start_year {
            12
        } else {
            4
        };
        return Ok((span.end_year, last));
    }
    Ok((year, period))
}

pub(super) fn parse_priority(text: &str) -> Result<bool, Msg> {
    match normalize(text).as_str() {
        "" | "nei" | "0" | "false" | "usann" | "lav" | "låg" | "normal" | "middels" => Ok(false),
        "ja" | "x" | "1" | "true" | "sann" | "prioritert" | "høy" | "høg" => Ok(true),
        _ => Err(Msg::with(
            "transfer-priority-invalid",
            [("typed", text.trim().into())],
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: Span = Span {
        start_year: 2014,
        end_year: 2016,
    };

    fn date(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn two_digit_years_are_this_century_below_70_and_far_off_dates_are_refused() {
        assert_eq!(import_date("30.04.14", PLAN).unwrap(), date("30.04.2014"));
        assert_eq!(import_date("1.2.15", PLAN).unwrap(), date("01.02.2015"));
        assert_eq!(import_date("2014-04-30", PLAN).unwrap(), date("30.04.2014"));
        assert!(
            import_date("31.02.14", PLAN)
                .unwrap_err()
                .contains("er ikke en dato")
        );
        let e = import_date("30.04.94", PLAN).unwrap_err();
        assert!(
            e.contains("år 1994") && e.contains("langt utenfor planperioden 2014–2016"),
            "{e}"
        );
        assert!(import_date("30.04.0014", PLAN).is_err());
        assert!(
            import_date("30.04.2040", PLAN)
                .unwrap_err()
                .contains("2040")
        );
    }

    #[test]
    fn municipal_status_words_are_understood() {
        for (word, status) in [
            ("Ferdig", Status::Done),
            ("Fullført", Status::Done),
            ("Startet", Status::InProgress),
            ("I gang", Status::InProgress),
            ("Ikke påbegynt", Status::NotStarted),
            ("På vent", Status::Postponed),
            ("Avlyst", Status::Cancelled),
            ("pågår", Status::InProgress),
        ] {
            assert_eq!(parse_status(word, PLAN).unwrap().0, status, "{word}");
        }
        assert_eq!(
            parse_status("Ferdig 30.04.14", PLAN).unwrap(),
            (Status::Done, Some(date("30.04.2014")))
        );
        assert!(
            parse_status("Ferdigish", PLAN)
                .unwrap_err()
                .contains("Ukjent status «Ferdigish»")
        );
    }

    #[test]
    fn start_and_end_are_periods_of_the_plan() {
        assert_eq!(period_of("2015", false, PLAN).unwrap(), (2015, 1));
        assert_eq!(period_of("2015", true, PLAN).unwrap(), (2015, 4));
        assert_eq!(period_of("2014", true, PLAN).unwrap(), (2014, 12));
        assert_eq!(period_of("15.03.2014", false, PLAN).unwrap(), (2014, 3));
        assert_eq!(period_of("15.08.15", true, PLAN).unwrap(), (2015, 3));
        assert_eq!(period_of("06.2016", true, PLAN).unwrap(), (2016, 2));
        assert_eq!(period_of("2015 Kv 2", false, PLAN).unwrap(), (2015, 2));
        assert_eq!(period_of("mars 2015", false, PLAN).unwrap(), (2015, 1));
        assert_eq!(period_of("Okt 2014", true, PLAN).unwrap(), (2014, 10));
        assert_eq!(
            period_of("2012", false, PLAN).unwrap(),
            (2014, 1),
            "from the plan's start"
        );
        assert_eq!(
            period_of("2018", true, PLAN).unwrap(),
            (2016, 4),
            "to the plan's end"
        );
        assert!(
            period_of("2018", false, PLAN)
                .unwrap_err()
                .contains("utenfor planperioden")
        );
        assert!(
            period_of("snart", false, PLAN)
                .unwrap_err()
                .contains("ikke et år")
        );
    }
}
