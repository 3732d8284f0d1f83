//! What an uploaded sheet's rows are checked against: the plan's periods, strategies and
//! measures, and the municipality's people and units, with nearest-match suggestions.

use std::collections::{HashMap, HashSet};

use super::columns::normalize;
use crate::{
    error::AppResult,
    i18n::Lang,
    measures::model::Responsible,
    plan::{model::Span, read::PlanData},
};

/// What the rows are checked against: the plan's periods and strategies, the municipality's
/// people and units.
pub(super) struct Lookup {
    pub start: i32,
    pub end: i32,
    pub strategies: Vec<(i64, String)>,
    pub group_rows: HashSet<String>,
    pub people: Vec<(i64, String)>,
    pub units: Vec<(i64, String, Option<String>)>,
    /// The plan's measures: id, title, version.
    pub measures: Vec<(i64, String, i32)>,
    /// The municipality's measures in its other plans: id → the plan's name.
    pub elsewhere: HashMap<i64, String>,
}

impl Lookup {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    pub async fn load(db: &sqlx::PgPool, m: i64, plan: &PlanData) -> AppResult<Lookup> {
        let people = sqlx::query!(
            r#"select person_id, name from person where municipality_id = $1 order by person_id"#,
            m
        )
        .fetch_all(db)
        .await?
        .into_iter()
        .map(|r| (r.person_id, r.name))
        .collect();
        let units = sqlx::query!(r#"select unit_id, name, short_name from unit where municipality_id = $1 order by unit_id"#, m)
            .fetch_all(db)
            .await?
            .into_iter()
            .map(|r| (r.unit_id, r.name, r.short_name))
            .collect();
        let elsewhere = sqlx::query!(
            r#"select me.measure_id, a.name from measure me join action_plan a using (action_plan_id)
               where me.municipality_id = $1 and me.action_plan_id <> $2"#,
            m,
            plan.head.id
        )
        .fetch_all(db)
        .await?
        .into_iter()
        .map(|r| (r.measure_id, r.name))
        .collect();
        let mut lookup = Lookup::new(plan, people, units);
        lookup.elsewhere = elsewhere;
        Ok(lookup)
    }

    pub fn new(
        plan: &PlanData,
        people: Vec<(i64, String)>,
        units: Vec<(i64, String, Option<String>)>,
    ) -> Lookup {
        let strategies: Vec<(i64, String)> = plan
            .goal_areas
            .iter()
            .flat_map(|g| &g.strategies)
            .map(|s| (s.strategy_id, s.text.clone()))
            .collect();
        let mut group_rows: HashSet<String> =
            plan.goal_areas.iter().map(|g| normalize(&g.name)).collect();
        group_rows.extend(strategies.iter().map(|(_, t)| normalize(t)));
        // The export's heading rows for measures without a strategy, in either language.
        for lang in Lang::ALL {
            group_rows.insert(normalize(&lang.t("plan-orphan-goal")));
            group_rows.insert(normalize(&lang.t("plan-orphan-strategy")));
        }
        Lookup {
            start: plan.head.start_year,
            end: plan.head.end_year,
            strategies,
            group_rows,
            people,
            units,
            measures: plan
                .measures
                .iter()
                .map(|m| (m.measure_id, m.title.clone(), m.version))
                .collect(),
            elsewhere: HashMap::new(),
        }
    }

    /// The strategy nearest a text that matches none letter for letter: the one it is a part of,
    /// or the most alike, if any is alike enough to be meant.
    pub fn nearest_strategy(&self, text: &str) -> Option<&str> {
        let t = normalize(text);
        let containing: Vec<&(i64, String)> = self
            .strategies
            .iter()
            .filter(|(_, s)| t.chars().count() >= 10 && normalize(s).contains(&t))
            .collect();
        if let [(_, s)] = containing.as_slice() {
            return Some(s.as_str());
        }
        self.strategies
            .iter()
            .map(|(_, s)| {
                (
                    strsim::normalized_levenshtein(&t, &normalize(s)),
                    s.as_str(),
                )
            })
            .filter(|(score, _)| *score >= 0.6)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, s)| s)
    }

    pub fn strategy(&self, text: &str) -> Option<i64> {
        let t = text.trim();
        self.strategies
            .iter()
            .find(|(_, s)| s.trim() == t)
            .or_else(|| {
                self.strategies
                    .iter()
                    .find(|(_, s)| normalize(s) == normalize(t))
            })
            .map(|(id, _)| *id)
    }

    pub fn strategy_text(&self, id: i64) -> &str {
        self.strategies
            .iter()
            .find(|(s, _)| *s == id)
            .map(|(_, t)| t.as_str())
            .unwrap_or("")
    }

    pub fn responsible(&self, text: &str) -> Responsible {
        let t = normalize(text);
        if t.is_empty() {
            return Responsible::Nobody;
        }
        if let Some((id, _)) = self.people.iter().find(|(_, n)| normalize(n) == t) {
            return Responsible::Person(*id);
        }
        if let Some((id, _, _)) = self.units.iter().find(|(_, n, short)| {
            normalize(n) == t || short.as_deref().is_some_and(|s| normalize(s) == t)
        }) {
            return Responsible::Unit(*id);
        }
        // «Jan Magne» for Jan Magne Langseth: the first name(s) of exactly one person.
        let typed: Vec<&str> = t.split(' ').collect();
        let starting: Vec<i64> = self
            .people
            .iter()
            .filter(|(_, n)| {
                let name = normalize(n);
                let words: Vec<&str> = name.split(' ').collect();
                words.len() > typed.len() && words[..typed.len()] == typed[..]
            })
            .map(|(id, _)| *id)
            .collect();
        if let [id] = starting.as_slice() {
            return Responsible::Person(*id);
        }
        Responsible::Text(text.trim().to_string())
    }

    /// (label, what it is) for the preview.
    pub fn responsible_label(
        &self,
        r: &(Option<i64>, Option<i64>, Option<String>),
    ) -> (String, &'static str) {
        match r {
            (Some(p), _, _) => (
                self.people
                    .iter()
                    .find(|(id, _)| id == p)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default(),
                "person",
            ),
            (_, Some(u), _) => (
                self.units
                    .iter()
                    .find(|(id, _, _)| id == u)
                    .map(|(_, n, _)| n.clone())
                    .unwrap_or_default(),
                "enhet",
            ),
            (_, _, Some(t)) => (t.clone(), "fritekst"),
            _ => (String::new(), ""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_name_matches_a_person_only_when_one_person_has_it() {
        let lookup = Lookup {
            start: 2014,
            end: 2016,
            strategies: vec![(1, "Utarbeide en mini-ROS innen IKT-området".into())],
            group_rows: HashSet::new(),
            people: vec![
                (1, "Jan Magne Langseth".into()),
                (2, "Magnus Rønningen".into()),
                (3, "Jan Erik Hansen".into()),
            ],
            units: vec![(9, "IKT-avdelingen".into(), Some("IKT".into()))],
            measures: Vec::new(),
            elsewhere: HashMap::new(),
        };
        assert_eq!(lookup.responsible("Jan Magne"), Responsible::Person(1));
        assert_eq!(lookup.responsible("magnus"), Responsible::Person(2));
        assert_eq!(
            lookup.responsible("Jan"),
            Responsible::Text("Jan".into()),
            "two Jans"
        );
        assert_eq!(lookup.responsible("IKT"), Responsible::Unit(9));
        assert_eq!(
            lookup.responsible("Systemeier"),
            Responsible::Text("Systemeier".into())
        );
        assert_eq!(
            lookup.nearest_strategy("Utarbeide en mini-ROS innenfor IKT-området"),
            Some("Utarbeide en mini-ROS innen IKT-området")
        );
        assert_eq!(
            lookup.nearest_strategy("mini-ROS innen IKT"),
            Some("Utarbeide en mini-ROS innen IKT-området"),
            "a part of one strategy"
        );
        assert_eq!(lookup.nearest_strategy("Kjøpe nye PC-er"), None);
    }
}
