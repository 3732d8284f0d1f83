//! The header row: which column is which, by name, and the period columns by year and month or
//! quarter.

use crate::i18n::Msg;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Col {
    /// «Tiltaks-ID»: the measure's id, as the export writes it.
    Key,
    Goal,
    Strategy,
    Title,
    Description,
    Hours,
    Cost,
    /// A financing column of its own, as municipalities keep it beside the cost.
    Financing,
    Responsible,
    Status,
    StatusDate,
    StatusComment,
    Priority,
    /// The first and last period of the measure, as a date, a month or a year.
    Start,
    End,
    /// A running number of the municipality's own («Nr»): read past, not stored.
    Ignored,
    Period(i32, i32),
}

pub(super) fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Every header name the import knows, as lower-case text, and the column it means: the export's
/// names in bokmål and nynorsk (`transfer.ftl`; a test checks both are here) and those
/// municipalities write in their own sheets. The first name of each column is the one the
/// suggestions offer.
const NAMES: &[(&str, Col)] = &[
    ("tiltaks-id", Col::Key),
    ("tiltaksid", Col::Key),
    ("mål", Col::Goal),
    ("målområde", Col::Goal),
    ("strategi", Col::Strategy),
    ("strategier", Col::Strategy),
    ("strategiar", Col::Strategy),
    ("tiltak", Col::Title),
    ("handlingsplan", Col::Title),
    ("tittel", Col::Title),
    ("tiltaksnavn", Col::Title),
    ("tiltaksnamn", Col::Title),
    ("aktivitet", Col::Title),
    ("beskrivelse", Col::Description),
    ("tiltaksbeskrivelse", Col::Description),
    ("innhold", Col::Description),
    ("skildring", Col::Description),
    ("beskriving", Col::Description),
    ("tiltaksskildring", Col::Description),
    ("innhald", Col::Description),
    ("timer", Col::Hours),
    ("egeninnsats", Col::Hours),
    ("egeninnsats (timer)", Col::Hours),
    ("egeninnsats timer", Col::Hours),
    ("antall timer", Col::Hours),
    ("timeverk", Col::Hours),
    ("timar", Col::Hours),
    ("eigeninnsats", Col::Hours),
    ("eigeninnsats (timar)", Col::Hours),
    ("eigeninnsats timar", Col::Hours),
    ("tal på timar", Col::Hours),
    ("talet på timar", Col::Hours),
    ("kostnad", Col::Cost),
    ("kostnader", Col::Cost),
    ("kostnad (kr)", Col::Cost),
    ("beløp", Col::Cost),
    ("kostnadsoverslag", Col::Cost),
    ("finansiering", Col::Financing),
    ("finansieringskilde", Col::Financing),
    ("finansieringskjelde", Col::Financing),
    ("ansvar", Col::Responsible),
    ("ansvarlig", Col::Responsible),
    ("ansvarlige", Col::Responsible),
    ("ansvarlig person", Col::Responsible),
    ("ansvarleg", Col::Responsible),
    ("ansvarlege", Col::Responsible),
    ("ansvarleg person", Col::Responsible),
    ("status", Col::Status),
    ("statusdato", Col::StatusDate),
    ("dato for status", Col::StatusDate),
    ("statuskommentar", Col::StatusComment),
    ("kommentar", Col::StatusComment),
    ("kommentarer", Col::StatusComment),
    ("merknad", Col::StatusComment),
    ("merknader", Col::StatusComment),
    ("kommentarar", Col::StatusComment),
    ("prioritert", Col::Priority),
    ("prioritet", Col::Priority),
    ("start", Col::Start),
    ("oppstart", Col::Start),
    ("startdato", Col::Start),
    ("fra", Col::Start),
    ("frå", Col::Start),
    ("slutt", Col::End),
    ("sluttdato", Col::End),
    ("ferdig", Col::End),
    ("frist", Col::End),
    ("til", Col::End),
    ("nr", Col::Ignored),
    ("nr.", Col::Ignored),
    ("løpenr", Col::Ignored),
];

/// The column a header names, from its normalised text.
pub(super) fn fixed_column(name: &str) -> Option<Col> {
    NAMES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// A known header name as a user writes it: «Finansiering», «Tiltaks-ID».
fn written(name: &str) -> String {
    if name == "tiltaks-id" {
        return "Tiltaks-ID".into();
    }
    let mut chars = name.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The known column whose name is nearest a header the import does not know, if any is near:
/// a typo («Finanisering») or a small variation, not any word at all.
pub(super) fn nearest_column(header: &str) -> Option<String> {
    let h = normalize(header);
    if h.chars().count() < 3 {
        return None;
    }
    NAMES
        .iter()
        .filter(|(_, c)| *c != Col::Ignored)
        .map(|(n, _)| (strsim::normalized_damerau_levenshtein(&h, n), *n))
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| written(n))
}

enum PeriodWord {
    Month(i32),
    Quarter(i32),
}

fn period_word(s: &str) -> Option<PeriodWord> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des",
    ];
    const NAMES: [&str; 12] = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    let t = normalize(s).replace('.', "");
    if let Some(i) = MONTHS
        .iter()
        .position(|m| *m == t)
        .or_else(|| NAMES.iter().position(|m| *m == t))
    {
        return Some(PeriodWord::Month(i as i32 + 1));
    }
    let n = t
        .strip_prefix("kvartal")
        .or_else(|| t.strip_prefix("kv"))
        .or_else(|| t.strip_prefix('q'))?
        .trim();
    match n.parse::<i32>() {
        Ok(q) if (1..=4).contains(&q) => Some(PeriodWord::Quarter(q)),
        _ => None,
    }
}

/// «mars 2015», «Mar 2015», «2015 mars»: (month, year), in any year.
pub(super) fn month_of_year(s: &str) -> Option<(u32, i32)> {
    let tokens: Vec<&str> = s.split_whitespace().collect();
    let (word, year) = match tokens.as_slice() {
        [w, y] if as_year(y).is_some() => (*w, as_year(y)?),
        [y, w] if as_year(y).is_some() => (*w, as_year(y)?),
        _ => return None,
    };
    match period_word(word)? {
        PeriodWord::Month(m) => Some((m as u32, year)),
        PeriodWord::Quarter(_) => None,
    }
}

pub(super) fn as_year(s: &str) -> Option<i32> {
    let s = s.trim();
    (s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// «2014 Jan», «Jan 2014», or «Jan» with the year in the row above (the Excel layout).
pub(super) fn period_column(
    header: &str,
    year_above: Option<i32>,
    start: i32,
    end: i32,
) -> Result<Col, Msg> {
    let tokens: Vec<&str> = header.split_whitespace().collect();
    let (year, rest) = match (
        tokens.first().and_then(|t| as_year(t)),
        tokens.last().and_then(|t| as_year(t)),
    ) {
        (Some(y), _) => (Some(y), tokens[1..].join(" ")),
        (None, Some(y)) => (Some(y), tokens[..tokens.len() - 1].join(" ")),
        _ => (None, header.trim().to_string()),
    };
    let word = period_word(&rest);
    let example = if end > start {
        Msg::with("transfer-period-example", [("start", start.into())])
    } else {
        Msg::with(
            "transfer-period-example-one-year",
            [("start", start.into())],
        )
    };
    let (year, word) = match (
        year.or(if word.is_some() { year_above } else { None }),
        word,
    ) {
        (Some(y), Some(w)) => (y, w),
        (None, None) => {
            let header = header.trim();
            return Err(match nearest_column(header) {
                Some(near) => Msg::with(
                    "transfer-unknown-column-near",
                    [("column", header.into()), ("near", near.into())],
                ),
                None => Msg::with("transfer-unknown-column", [("column", header.into())]),
            });
        }
        (Some(_), None) => {
            return Err(Msg::with(
                "transfer-unknown-period",
                [("column", header.into()), ("example", example.into())],
            ));
        }
        (None, Some(_)) => {
            return Err(Msg::with(
                "transfer-period-column-no-year",
                [
                    ("column", header.into()),
                    ("start", start.into()),
                    ("typed", header.trim().into()),
                ],
            ));
        }
    };
    if year < start || year > end {
        return Err(Msg::with(
            "transfer-period-column-outside",
            [
                ("column", header.into()),
                ("start", start.into()),
                ("end", end.into()),
            ],
        ));
    }
    match word {
        PeriodWord::Month(m) if year == start => Ok(Col::Period(year, m)),
        PeriodWord::Month(_) => Err(Msg::with(
            "transfer-period-column-quarters",
            [
                ("column", header.into()),
                ("year", year.into()),
                ("start", start.into()),
            ],
        )),
        PeriodWord::Quarter(q) if year > start => Ok(Col::Period(year, q)),
        PeriodWord::Quarter(_) => Err(Msg::with(
            "transfer-period-column-months",
            [("column", header.into()), ("start", start.into())],
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_columns_follow_the_plan_months_first_year_then_quarters() {
        assert!(matches!(
            period_column("2014 Jan", None, 2014, 2016),
            Ok(Col::Period(2014, 1))
        ));
        assert!(matches!(
            period_column("Des 2014", None, 2014, 2016),
            Ok(Col::Period(2014, 12))
        ));
        assert!(matches!(
            period_column("2015 Kv 3", None, 2014, 2016),
            Ok(Col::Period(2015, 3))
        ));
        assert!(matches!(
            period_column("Kv 2", Some(2016), 2014, 2016),
            Ok(Col::Period(2016, 2))
        ));
        assert!(
            period_column("2014 Smarch", None, 2014, 2016)
                .unwrap_err()
                .contains("Ukjent periode")
        );
        assert!(
            period_column("2015 Jan", None, 2014, 2016)
                .unwrap_err()
                .contains("per kvartal")
        );
        assert!(
            period_column("2017 Kv 1", None, 2014, 2016)
                .unwrap_err()
                .contains("utenfor planperioden")
        );
        assert!(
            period_column("Kommentarfelt RLT", None, 2014, 2016)
                .unwrap_err()
                .contains("Ukjent kolonne")
        );
    }

    #[test]
    fn municipal_header_names_are_known_and_a_typo_gets_the_nearest_name() {
        for (name, col) in [
            ("finansiering", Col::Financing),
            ("kommentar", Col::StatusComment),
            ("start", Col::Start),
            ("slutt", Col::End),
            ("ansvarlig", Col::Responsible),
            ("beskrivelse", Col::Description),
            ("kostnader", Col::Cost),
            ("egeninnsats", Col::Hours),
            ("tiltaks-id", Col::Key),
        ] {
            assert_eq!(fixed_column(name), Some(col), "{name}");
        }
        assert_eq!(
            nearest_column("Finanisering").as_deref(),
            Some("Finansiering")
        );
        assert_eq!(nearest_column("Ansvarli").as_deref(), Some("Ansvarlig"));
        assert_eq!(
            nearest_column("Beskrivelsen").as_deref(),
            Some("Beskrivelse")
        );
        assert_eq!(nearest_column("Kontonummer"), None);
        assert_eq!(
            period_column("Finanisering", None, 2014, 2016)
                .unwrap_err()
                .nb(),
            "Ukjent kolonne «Finanisering». Mente du «Finansiering»? Gi kolonnen det navnet, eller slett den."
        );
    }
}
