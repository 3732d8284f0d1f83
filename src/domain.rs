//! Domain values, parsed once from user input so handlers never re-check strings.

use std::{fmt, str::FromStr};

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use crate::i18n::Msg;

/// Times are stored in UTC and shown in Norwegian local time.
pub fn format_datetime(t: DateTime<Utc>) -> String {
    t.with_timezone(&chrono_tz::Europe::Oslo)
        .format("%d.%m.%Y kl. %H:%M")
        .to_string()
}

/// Today's date in Norway.
pub fn today() -> NaiveDate {
    Utc::now()
        .with_timezone(&chrono_tz::Europe::Oslo)
        .date_naive()
}

pub fn format_date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// Parses «21.11.2026» or «2026-11-21» (the date input's format). A year outside 1900–2100 is
/// a typing error (or «0014» from a two-digit year), never a date in an ICT plan.
pub fn parse_date(s: &str) -> Result<NaiveDate, Msg> {
    let s = s.trim();
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .map_err(|_| Msg::new("date-format"))?;
    if !(1900..=2100).contains(&chrono::Datelike::year(&d)) {
        // As text: a year prints without grouping either way, but stays out of plural rules.
        return Err(Msg::with(
            "date-year-wrong",
            [("year", chrono::Datelike::year(&d).to_string().into())],
        ));
    }
    Ok(d)
}

/// A four-digit year, for plan and strategy periods (2000–2100).
pub fn parse_year(s: &str) -> Option<i32> {
    let s = s.trim();
    (s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| (2000..=2100).contains(y))
}

/// Groups the integer digits in threes with a space: 1234567 → «1 234 567».
fn group_thousands(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// A measured value (a benefit's baseline, target or follow-up: hours, kroner, a count, a
/// percentage), written the Norwegian way; at most two decimals, as the columns hold.
pub fn parse_measure(input: &str) -> Result<Decimal, Msg> {
    let cleaned = input.trim().trim_end_matches('%').trim_end();
    match parse_norwegian_decimal(cleaned) {
        Some(d) if d.scale() <= 2 && d.abs() < Decimal::from(1_000_000_000_000_i64) => Ok(d),
        _ => Err(Msg::with(
            "number-not-value",
            [("input", input.trim().into())],
        )),
    }
}

/// Norwegian number text → Decimal: «34 984», «12,5», «12.500» and «1.250.000» (dots between
/// groups of three digits are thousands separators, as Norwegian writes them), «12.500,50», and
/// «1.5» or «1250.75» (a lone dot not followed by exactly three digits is a decimal mark, as a
/// spreadsheet writes a number).
fn parse_norwegian_decimal(input: &str) -> Option<Decimal> {
    let s: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if s.is_empty() || s.matches(',').count() > 1 {
        return None;
    }
    let (int, frac) = match s.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let (sign, digits) = match int.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", int),
    };
    let groups: Vec<&str> = digits.split('.').collect();
    let thousands = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && !groups[0].starts_with('0')
        && groups[1..].iter().all(|g| g.len() == 3);
    let number = if thousands {
        format!("{sign}{}", groups.concat())
    } else if groups.len() <= 2 && frac.is_none() {
        // No comma: a lone dot is the decimal mark («1.5»).
        format!("{sign}{digits}")
    } else if groups.len() == 1 {
        format!("{sign}{digits}")
    } else {
        return None;
    };
    let number = match frac {
        Some(f) => format!("{number}.{f}"),
        None => number,
    };
    if !number
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        || number.matches('-').count() > 1
    {
        return None;
    }
    Decimal::from_str(&number).ok()
}

pub fn format_decimal(d: Decimal) -> String {
    let d = d.normalize();
    let text = d.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let sign = if d.is_sign_negative() && !d.is_zero() {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{}", group_thousands(int))
    } else {
        format!("{sign}{},{frac}", group_thousands(int))
    }
}

/// An amount in Norwegian kroner, never negative.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Nok(pub Decimal);

impl Nok {
    /// «34 984», «kr 12 500,-», «12.500 kr», «NOK 1.250.000», «1250,50».
    pub fn parse(input: &str) -> Result<Nok, Msg> {
        let mut cleaned = input.trim();
        for prefix in ["kr.", "kr", "nok"] {
            if cleaned.len() >= prefix.len()
                && cleaned.is_char_boundary(prefix.len())
                && cleaned[..prefix.len()].eq_ignore_ascii_case(prefix)
            {
                cleaned = cleaned[prefix.len()..].trim_start();
                break;
            }
        }
        for suffix in [",-", ".-", ",–", "kroner", "kr.", "kr", "nok", ",-"] {
            let at = cleaned.len().saturating_sub(suffix.len());
            if cleaned.is_char_boundary(at) && cleaned[at..].eq_ignore_ascii_case(suffix) {
                cleaned = cleaned[..at].trim_end();
            }
        }
        let d = parse_norwegian_decimal(cleaned)
            .ok_or_else(|| Msg::with("nok-not-amount", [("input", input.trim().into())]))?;
        if d.is_sign_negative() && !d.is_zero() {
            return Err(Msg::new("nok-negative"));
        }
        if d.scale() > 2 {
            return Err(Msg::new("nok-decimals"));
        }
        // The column holds numeric(14, 2); no ICT measure costs a trillion kroner.
        if d >= Decimal::from(1_000_000_000_000_i64) {
            return Err(Msg::new("nok-too-large"));
        }
        Ok(Nok(d))
    }

    /// «34 984» without the currency, for form fields.
    pub fn plain(&self) -> String {
        format_decimal(self.0.round_dp(2))
    }
}

impl fmt::Display for Nok {
    /// «kr 34 984», «kr 1 250,50»
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0.round_dp(2);
        if d.fract().is_zero() {
            write!(f, "kr {}", format_decimal(d.trunc()))
        } else {
            let s = format!("{:.2}", d);
            let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
            write!(f, "kr {},{frac}", group_thousands(int))
        }
    }
}

/// Own-effort hours: decimals occur (50,5 and 7,5), never negative.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Hours(pub Decimal);

impl Hours {
    pub fn parse(input: &str) -> Result<Hours, Msg> {
        let cleaned = input.trim();
        let cleaned = cleaned
            .strip_suffix("timer")
            .or_else(|| cleaned.strip_suffix("timar"))
            .or_else(|| cleaned.strip_suffix('t'))
            .unwrap_or(cleaned)
            .trim();
        let d = parse_norwegian_decimal(cleaned)
            .ok_or_else(|| Msg::with("hours-not-hours", [("input", input.trim().into())]))?;
        if d.is_sign_negative() && !d.is_zero() {
            return Err(Msg::new("hours-negative"));
        }
        if d.scale() > 2 {
            return Err(Msg::new("hours-decimals"));
        }
        if d > Decimal::from(100_000) {
            return Err(Msg::new("hours-too-many"));
        }
        Ok(Hours(d))
    }

    pub fn plain(&self) -> String {
        format_decimal(self.0)
    }
}

impl fmt::Display for Hours {
    /// «50,5 t»
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} t", format_decimal(self.0))
    }
}

/// A Norwegian organisation number (9 digits, mod-11 check digit).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgNumber(String);

impl OrgNumber {
    pub fn parse(input: &str) -> Result<OrgNumber, Msg> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() != 9 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(Msg::new("org-number-digits"));
        }
        let d: Vec<u32> = digits
            .chars()
            .map(|c| c.to_digit(10).unwrap_or(0))
            .collect();
        let weights = [3, 2, 7, 6, 5, 4, 3, 2];
        let sum: u32 = d.iter().zip(weights).map(|(a, w)| a * w).sum();
        let check = match 11 - sum % 11 {
            11 => 0,
            10 => return Err(Msg::new("org-number-check")),
            c => c,
        };
        if check != d[8] {
            return Err(Msg::new("org-number-check"));
        }
        Ok(OrgNumber(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrgNumber {
    /// «961 381 185»
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", &self.0[..3], &self.0[3..6], &self.0[6..])
    }
}

/// A line's capacity in megabits per second: positive, at most two decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mbps(pub Decimal);

impl Mbps {
    /// «100», «2,5», «100 Mbps», «54 Mbit/s».
    pub fn parse(input: &str) -> Result<Mbps, Msg> {
        let mut cleaned = input.trim();
        for suffix in ["mbit/s", "mbps", "mb/s", "mbit", "mb"] {
            let at = cleaned.len().saturating_sub(suffix.len());
            if cleaned.is_char_boundary(at) && cleaned[at..].eq_ignore_ascii_case(suffix) {
                cleaned = cleaned[..at].trim_end();
                break;
            }
        }
        let d = parse_norwegian_decimal(cleaned)
            .ok_or_else(|| Msg::with("mbps-not-number", [("input", input.trim().into())]))?;
        if d <= Decimal::ZERO {
            return Err(Msg::new("mbps-not-positive"));
        }
        if d.scale() > 2 || d >= Decimal::from(100_000_000_i64) {
            return Err(Msg::with(
                "mbps-not-number",
                [("input", input.trim().into())],
            ));
        }
        Ok(Mbps(d))
    }

    /// «2,5», «100»: for cells and form fields.
    pub fn plain(&self) -> String {
        format_decimal(self.0)
    }
}

/// A decimal as Norwegian text with one decimal (Mbps per user): «0,9», «100,0».
pub fn format_one_decimal(d: Decimal) -> String {
    let d = d.round_dp(1);
    let s = format_decimal(d.trunc());
    let tenth = ((d.fract().abs()) * Decimal::from(10)).trunc();
    format!("{s},{tenth}")
}

/// Sannsynlighet (S) or konsekvens (K) on the risk scale 1–5. Whole numbers only: «2,5» and
/// «tre» are refused so that RF = S × K stays one of the 25 matrix cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct RiskScale(u8);

impl RiskScale {
    pub fn parse(input: &str) -> Result<RiskScale, Msg> {
        let t = input.trim();
        if t.is_empty() {
            return Err(Msg::new("risk-scale-empty"));
        }
        if t.contains([',', '.']) {
            return Err(Msg::with("risk-scale-whole", [("input", t.into())]));
        }
        let n: i64 = t
            .parse()
            .map_err(|_| Msg::with("risk-scale-not-number", [("input", t.into())]))?;
        if !(1..=5).contains(&n) {
            return Err(Msg::with("risk-scale-range", [("input", t.into())]));
        }
        Ok(RiskScale(n as u8))
    }

    pub fn from_db(v: i16) -> Option<RiskScale> {
        (1..=5).contains(&v).then_some(RiskScale(v as u8))
    }

    pub fn get(self) -> i16 {
        i16::from(self.0)
    }
}

impl fmt::Display for RiskScale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The level of a risk factor RF = S × K, by the municipality's thresholds: low up to and
/// including `low_max`, medium up to and including `medium_max`, high above.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RiskLevel {
    Low,
    Medium,
    High,
}

impl RiskLevel {
    pub fn of(score: i16, low_max: i16, medium_max: i16) -> RiskLevel {
        if score <= low_max {
            RiskLevel::Low
        } else if score <= medium_max {
            RiskLevel::Medium
        } else {
            RiskLevel::High
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kroner_are_shown_with_a_space_between_thousands() {
        assert_eq!(Nok::parse("34984").unwrap().to_string(), "kr 34 984");
        assert_eq!(Nok::parse("kr 34 984").unwrap().to_string(), "kr 34 984");
        assert_eq!(Nok::parse("500000").unwrap().to_string(), "kr 500 000");
        assert_eq!(Nok::parse("1250,5").unwrap().to_string(), "kr 1 250,50");
        assert_eq!(Nok::parse("700").unwrap().to_string(), "kr 700");
        assert_eq!(Nok::parse("93 300").unwrap().plain(), "93 300");
    }

    #[test]
    fn norwegian_thousands_separators_and_currency_words_are_read_as_one_amount() {
        for text in [
            "12.500",
            "12 500",
            "kr 12 500,-",
            "12.500 kr",
            "kr 12.500",
            "NOK 12500",
            "12\u{a0}500 kroner",
            "12 500,00",
            "kr. 12 500",
        ] {
            assert_eq!(Nok::parse(text).unwrap().plain(), "12 500", "{text}");
        }
        assert_eq!(Nok::parse("1.250.000").unwrap().plain(), "1 250 000");
        assert_eq!(Nok::parse("12.500,50").unwrap().plain(), "12 500,5");
        // A lone dot not followed by three digits stays a decimal mark, as a spreadsheet writes it.
        assert_eq!(Nok::parse("1.5").unwrap().plain(), "1,5");
        assert_eq!(Nok::parse("1250.75").unwrap().plain(), "1 250,75");
        assert!(Nok::parse("12.50.0").is_err());
        assert!(Nok::parse("1.2,3,4").is_err());
        assert_eq!(Hours::parse("7.5").unwrap().plain(), "7,5");
        assert_eq!(Hours::parse("1.500").unwrap().plain(), "1 500");
    }

    #[test]
    fn negative_or_garbled_amounts_are_refused_in_norwegian() {
        assert_eq!(
            Nok::parse("-5").unwrap_err().nb(),
            "Beløpet kan ikke være negativt."
        );
        assert!(Nok::parse("tolv").unwrap_err().contains("er ikke et beløp"));
        assert!(Nok::parse("1,2,3").is_err());
    }

    #[test]
    fn hours_keep_their_decimal_comma() {
        assert_eq!(Hours::parse("50,5").unwrap().to_string(), "50,5 t");
        assert_eq!(Hours::parse("7.5").unwrap().plain(), "7,5");
        assert_eq!(Hours::parse("40 timer").unwrap().plain(), "40");
        assert_eq!(Hours::parse("1200").unwrap().plain(), "1 200");
        assert!(
            Hours::parse("12,5,0")
                .unwrap_err()
                .contains("er ikke et antall timer")
        );
        assert!(Hours::parse("-3").is_err());
    }

    #[test]
    fn org_numbers_must_pass_the_mod_11_check() {
        let ringebu = OrgNumber::parse("961 381 185").unwrap();
        assert_eq!(ringebu.as_str(), "961381185");
        assert_eq!(ringebu.to_string(), "961 381 185");
        assert!(
            OrgNumber::parse("961381186")
                .unwrap_err()
                .contains("kontrollsifferet")
        );
        assert!(OrgNumber::parse("12345").unwrap_err().contains("ni sifre"));
    }

    #[test]
    fn mbps_accepts_plain_comma_and_unit() {
        assert_eq!(Mbps::parse("100").unwrap().plain(), "100");
        assert_eq!(Mbps::parse("2,5").unwrap().plain(), "2,5");
        assert_eq!(Mbps::parse("100 Mbps").unwrap().plain(), "100");
    }

    #[test]
    fn mbps_refuses_zero_negative_and_words() {
        assert_eq!(
            Mbps::parse("0").unwrap_err().nb(),
            "Kapasiteten må være større enn null."
        );
        assert!(Mbps::parse("-5").is_err());
        assert!(
            Mbps::parse("tre")
                .unwrap_err()
                .contains("er ikke en kapasitet")
        );
    }

    #[test]
    fn a_risk_scale_takes_the_whole_numbers_one_to_five() {
        assert_eq!(RiskScale::parse(" 4 ").unwrap().get(), 4);
        assert_eq!(RiskScale::parse("1").unwrap().get(), 1);
        assert_eq!(RiskScale::parse("5").unwrap().get(), 5);
    }

    #[test]
    fn a_risk_scale_refuses_zero_six_words_decimals_and_empty_each_with_its_own_message() {
        assert_eq!(
            RiskScale::parse("0").unwrap_err().key(),
            Some("risk-scale-range")
        );
        assert_eq!(
            RiskScale::parse("6").unwrap_err().key(),
            Some("risk-scale-range")
        );
        assert_eq!(
            RiskScale::parse("tre").unwrap_err().key(),
            Some("risk-scale-not-number")
        );
        assert_eq!(
            RiskScale::parse("2.5").unwrap_err().key(),
            Some("risk-scale-whole")
        );
        assert_eq!(
            RiskScale::parse("2,5").unwrap_err().key(),
            Some("risk-scale-whole")
        );
        assert_eq!(
            RiskScale::parse("  ").unwrap_err().key(),
            Some("risk-scale-empty")
        );
    }

    #[test]
    fn one_decimal_rounds_to_a_comma() {
        assert_eq!(format_one_decimal(Decimal::new(857, 3)), "0,9");
        assert_eq!(format_one_decimal(Decimal::from(100)), "100,0");
    }

    #[test]
    fn risk_levels_follow_the_thresholds_and_move_with_them() {
        assert_eq!(RiskLevel::of(4, 4, 12), RiskLevel::Low);
        assert_eq!(RiskLevel::of(12, 4, 12), RiskLevel::Medium);
        assert_eq!(RiskLevel::of(15, 4, 12), RiskLevel::High);
        assert_eq!(RiskLevel::of(12, 4, 10), RiskLevel::High);
    }
}
