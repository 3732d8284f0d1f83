//! The header row: which column is which, by name, and the period columns by year and month or
//! quarter.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Col {
    Goal,
    Strategy,
    Title,
    Description,
    Hours,
    Cost,
    Responsible,
    Status,
    StatusDate,
    StatusComment,
    Priority,
    Period(i32, i32),
}

pub(super) fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub(super) fn fixed_column(name: &str) -> Option<Col> {
    Some(match name {
        "mål" | "målområde" => Col::Goal,
        "strategi" => Col::Strategy,
        "tiltak" | "handlingsplan" => Col::Title,
        "beskrivelse" => Col::Description,
        "timer" | "egeninnsats" | "egeninnsats (timer)" => Col::Hours,
        "kostnad" => Col::Cost,
        "ansvar" | "ansvarlig" => Col::Responsible,
        "status" => Col::Status,
        "statusdato" => Col::StatusDate,
        "statuskommentar" => Col::StatusComment,
        "prioritert" => Col::Priority,
        _ => return None,
    })
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
) -> Result<Col, String> {
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
    let example = format!(
        "Bruk månedene Jan–Des for {start}{}, for eksempel «{start} Jan»",
        if end > start {
            " og Kv 1–Kv 4 for senere år".to_string()
        } else {
            String::new()
        }
    );
    let (year, word) = match (
        year.or(if word.is_some() { year_above } else { None }),
        word,
    ) {
        (Some(y), Some(w)) => (y, w),
        (None, None) => {
            return Err(format!(
                "Ukjent kolonne «{header}». Bruk kolonnenavnene som er listet på importsiden."
            ));
        }
        (Some(_), None) => return Err(format!("Ukjent periode i kolonnen «{header}». {example}.")),
        (None, Some(_)) => {
            return Err(format!(
                "Kolonnen «{header}» mangler år. Skriv for eksempel «{start} {}».",
                header.trim()
            ));
        }
    };
    if year < start || year > end {
        return Err(format!(
            "Kolonnen «{header}» ligger utenfor planperioden {start}–{end}."
        ));
    }
    match word {
        PeriodWord::Month(m) if year == start => Ok(Col::Period(year, m)),
        PeriodWord::Month(_) => Err(format!(
            "Kolonnen «{header}»: {year} planlegges per kvartal (Kv 1–Kv 4); bare {start} planlegges per måned."
        )),
        PeriodWord::Quarter(q) if year > start => Ok(Col::Period(year, q)),
        PeriodWord::Quarter(_) => Err(format!(
            "Kolonnen «{header}»: {start} planlegges per måned (Jan–Des), ikke per kvartal."
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
            period_column("Kommentar", None, 2014, 2016)
                .unwrap_err()
                .contains("Ukjent kolonne")
        );
    }
}
