//! A cost cell as text, both as the plan documents write it («kr 34 984 (dekkes av gjeldende
//! budsjett)», «må utredes») and as the export writes it (`CostInput::describe`).

use serde::{Deserialize, Serialize};

use crate::{
    domain::Nok,
    i18n::Msg,
    measures::model::{CostInput, Financing, REMARK_PREFIX},
};

/// A cost line read from a cell, kept with the staged import until it is confirmed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(super) struct StagedCost {
    pub description: Option<String>,
    pub amount: Option<Nok>,
    pub amount_note: Option<String>,
    pub financing: Financing,
    pub financing_project: Option<String>,
    #[serde(default)]
    pub remark: Option<String>,
}

impl StagedCost {
    pub fn of(c: &CostInput) -> StagedCost {
        StagedCost {
            description: c.description.clone(),
            amount: c.amount,
            amount_note: c.amount_note.clone(),
            financing: c.financing,
            financing_project: c.financing_project.clone(),
            remark: c.remark.clone(),
        }
    }

    pub fn input(&self) -> CostInput {
        CostInput {
            description: self.description.clone(),
            amount: self.amount,
            amount_note: self.amount_note.clone(),
            financing: self.financing,
            financing_project: self.financing_project.clone(),
            remark: self.remark.clone(),
        }
    }
}

pub(super) fn financing_of(segment: &str) -> Option<(Financing, Option<String>)> {
    let t = segment.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(f) = Financing::parse_any(t) {
        return Some((f, None));
    }
    let lower = t.to_lowercase();
    if lower.starts_with("inngår i ") {
        let project: String = t.chars().skip("inngår i ".chars().count()).collect();
        let project = project.trim();
        if !project.is_empty() {
            return Some((Financing::OtherProject, Some(project.to_string())));
        }
    }
    None
}

/// Text that reads like a financing statement, so a typo in it is an error rather than a note.
fn looks_like_financing(segment: &str) -> bool {
    let t = segment.trim().to_lowercase();
    ["dekkes", "innenfor", "krever", "finansier", "inngår"]
        .iter()
        .any(|p| t.starts_with(p))
        && ["budsjett", "bevilg", "prosjekt", "finansi"]
            .iter()
            .any(|k| t.contains(k))
}

pub(super) fn unknown_financing(segment: &str) -> Msg {
    Msg::with(
        "transfer-financing-unknown",
        [("typed", segment.trim().into())],
    )
}

fn looks_like_amount(s: &str) -> bool {
    let t = s.trim().to_lowercase();
    let rest = t
        .strip_prefix("kr")
        .or_else(|| t.strip_prefix("nok"))
        .map(str::trim_start)
        .unwrap_or(&t);
    rest.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '−')
}

/// Takes a remark («merknad: …») and a financing phrase off the end of «beskrivelse;
/// finansiering; merknad: …»; returns what is left.
fn take_financing(cost: &mut StagedCost, text: &str) -> Result<Option<String>, Msg> {
    let mut segments: Vec<&str> = text
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if let Some(remark) = segments
        .last()
        .and_then(|s| s.strip_prefix(REMARK_PREFIX.trim_end()))
    {
        cost.remark = Some(remark.trim().to_string()).filter(|r| !r.is_empty());
        segments.pop();
    }
    if let Some(last) = segments.last().copied() {
        match financing_of(last) {
            Some((f, project)) => {
                cost.financing = f;
                cost.financing_project = project;
                segments.pop();
            }
            None if looks_like_financing(last) => return Err(unknown_financing(last)),
            None => {}
        }
    }
    Ok((!segments.is_empty()).then(|| segments.join("; ")))
}

/// One cost line: «kr 34 984 (dekkes av gjeldende budsjett)», «må utredes», or as the export
/// writes it, «kr 80 500 (20 år) – beskrivelse; dekkes av gjeldende budsjett».
fn parse_cost(text: &str) -> Result<StagedCost, Msg> {
    let mut cost = StagedCost::default();
    let (head, tail) = match text.split_once(" – ") {
        Some((h, t)) => (h.trim(), Some(t.trim())),
        None => (text.trim(), None),
    };
    let (amount_text, paren) = match (head.find('('), head.ends_with(')')) {
        (Some(i), true) => (head[..i].trim(), Some(head[i + 1..head.len() - 1].trim())),
        _ => (head, None),
    };
    let lower = amount_text.to_lowercase();
    if lower.is_empty() || lower == "ukjent beløp" {
    } else if looks_like_amount(amount_text) {
        let cleaned = amount_text.replace('−', "-");
        let cleaned = cleaned.trim().strip_suffix("kr").unwrap_or(cleaned.trim());
        cost.amount = Some(Nok::parse(cleaned)?);
    } else if let Some((f, project)) =
        financing_of(amount_text).filter(|(f, _)| *f != Financing::Unknown)
    {
        cost.financing = f;
        cost.financing_project = project;
    } else if looks_like_financing(amount_text) {
        return Err(unknown_financing(amount_text));
    } else {
        cost.amount_note = Some(amount_text.to_string());
    }
    match (paren, tail) {
        (Some(p), Some(t)) => {
            if !p.is_empty() {
                cost.amount_note = Some(p.to_string());
            }
            cost.description = take_financing(&mut cost, t)?;
        }
        (Some(p), None) => {
            let before = cost.financing;
            let rest = take_financing(&mut cost, p)?;
            // «(beskrivelse; finansiering)» names a financing; «(20 år)» alone is a note on the amount.
            if cost.financing != before || cost.financing_project.is_some() {
                cost.description = rest;
            } else if let Some(r) = rest {
                cost.amount_note = Some(r);
            }
        }
        (None, Some(t)) => cost.description = take_financing(&mut cost, t)?,
        (None, None) => {}
    }
    Ok(cost)
}

pub(super) fn parse_costs(text: &str) -> Result<Vec<StagedCost>, Msg> {
    text.split(" + ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(parse_cost)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nok(s: &str) -> Option<Nok> {
        Some(Nok::parse(s).unwrap())
    }

    #[test]
    fn cost_text_reads_both_the_plan_document_style_and_the_export_style() {
        let c = parse_cost("kr 34 984 (dekkes av gjeldende budsjett)").unwrap();
        assert_eq!(
            (c.amount, c.financing, c.amount_note),
            (nok("34984"), Financing::CurrentBudget, None)
        );
        let c = parse_cost(
            "kr 34 984 – innføring og vedlikehold første år; dekkes av gjeldende budsjett",
        )
        .unwrap();
        assert_eq!(
            c.description.as_deref(),
            Some("innføring og vedlikehold første år")
        );
        assert_eq!(c.financing, Financing::CurrentBudget);
        let c = parse_cost(
            "kr 34 984 (innføring og vedlikehold første år; dekkes av gjeldende budsjett)",
        )
        .unwrap();
        assert_eq!(
            (c.description.as_deref(), c.financing),
            (
                Some("innføring og vedlikehold første år"),
                Financing::CurrentBudget
            )
        );
        let c = parse_cost("kr 80 500 (20 år) – dekkes av gjeldende budsjett").unwrap();
        assert_eq!(
            (c.amount_note.as_deref(), c.financing),
            (Some("20 år"), Financing::CurrentBudget)
        );
        let c = parse_cost("kr 80 500 (20 år)").unwrap();
        assert_eq!(
            (c.amount_note.as_deref(), c.financing),
            (Some("20 år"), Financing::Unknown)
        );
        let c = parse_cost("må utredes").unwrap();
        assert_eq!(
            (c.amount, c.amount_note.as_deref()),
            (None, Some("må utredes"))
        );
        let c = parse_cost("ukjent beløp – inngår i TRUST-IKT").unwrap();
        assert_eq!(
            (c.financing, c.financing_project.as_deref()),
            (Financing::OtherProject, Some("TRUST-IKT"))
        );
        let c = parse_cost("krever budsjettbevilgning").unwrap();
        assert_eq!(
            (c.amount, c.financing),
            (None, Financing::RequiresAppropriation)
        );
        let all = parse_costs(
            "kr 136 000 – lisenser + ukjent beløp – 2 nye servere; innenfor vedtatt budsjett",
        )
        .unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].financing, Financing::ApprovedBudget);
        assert_eq!(
            parse_cost("kr -5 000").unwrap_err().nb(),
            "Beløpet kan ikke være negativt."
        );
        assert!(
            parse_cost("kr 5 000 (dekkes av lotterimidler i budsjett)")
                .unwrap_err()
                .contains("Ukjent finansiering")
        );
    }

    #[test]
    fn every_cost_line_the_export_writes_reads_back_the_same() {
        let cases = [
            (
                nok("54000"),
                None,
                Financing::CurrentBudget,
                None,
                Some("kursavgift"),
            ),
            (None, None, Financing::OtherProject, Some("TRUST-IKT"), None),
            (None, Some("må utredes"), Financing::Unknown, None, None),
            (None, None, Financing::CurrentBudget, None, None),
            (
                nok("80500"),
                Some("20 år"),
                Financing::CurrentBudget,
                None,
                None,
            ),
            (
                None,
                Some("ukjent"),
                Financing::Unknown,
                None,
                Some("Anskaffelseskostnad"),
            ),
            (nok("1250,5"), None, Financing::Unknown, None, None),
        ];
        for (amount, note, financing, project, description) in cases {
            let c = StagedCost {
                description: description.map(String::from),
                amount,
                amount_note: note.map(String::from),
                financing,
                financing_project: project.map(String::from),
                remark: None,
            };
            let text = c.input().describe();
            assert_eq!(parse_cost(&text).unwrap(), c, "{text}");
        }
        // Tromsvang: a remark beyond amount and financing reads back too.
        let c = StagedCost {
            amount: nok("120000"),
            financing: Financing::RequiresAppropriation,
            remark: Some("eller innarbeides som en del av sentrumsprosjektet".into()),
            ..StagedCost::default()
        };
        let text = c.input().describe();
        assert_eq!(parse_cost(&text).unwrap(), c, "{text}");
    }
}
