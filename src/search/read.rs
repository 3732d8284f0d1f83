//! The search's queries: one per kind, each scoped by the user's municipality and by what the
//! user may read, matching the words (full-text, `norwegian`) or a name that is spelt alike
//! (trigram word similarity), best first. The matched words come back between two private-use
//! sentinels from `search_headline` (the migration), which `marked` turns into `<mark>` after
//! escaping everything else.

use sqlx::PgPool;

use crate::{auth::CurrentUser, i18n::k};

/// Results shown per kind; the heading gives how many there are in all.
pub const PER_KIND: i64 = 20;

/// The longest search text used (the header's field allows as much); the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;

/// How alike a name must be to the search text to be found without sharing a word: «gerika» is
/// 0.57 like «Gerica» (pg_trgm's `word_similarity`; its default 0.6 would miss it).
const NAME_SIMILARITY: &str = "0.5";

/// Where `search_headline` starts and ends a matched word (U+E000 and U+E001, removed from the
/// text before it is marked, so they are never the user's).
const START: char = '\u{E000}';
const STOP: char = '\u{E001}';

/// The kinds of record searched, in the order the page shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Measures,
    GoalAreas,
    Strategies,
    Systems,
    Acquisitions,
    RiskAssessments,
    Risks,
    Locations,
    Units,
    People,
}

impl Kind {
    /// The catalog key of the group's heading.
    pub fn label_key(self) -> &'static str {
        match self {
            Kind::Measures => k("search-kind-measures"),
            Kind::GoalAreas => k("search-kind-goal-areas"),
            Kind::Strategies => k("search-kind-strategies"),
            Kind::Systems => k("search-kind-systems"),
            Kind::Acquisitions => k("search-kind-acquisitions"),
            Kind::RiskAssessments => k("search-kind-risk-assessments"),
            Kind::Risks => k("search-kind-risks"),
            Kind::Locations => k("search-kind-locations"),
            Kind::Units => k("search-kind-units"),
            Kind::People => k("search-kind-people"),
        }
    }

    /// The group's id on the page (its heading's).
    pub fn code(self) -> &'static str {
        match self {
            Kind::Measures => "measures",
            Kind::GoalAreas => "goal-areas",
            Kind::Strategies => "strategies",
            Kind::Systems => "systems",
            Kind::Acquisitions => "acquisitions",
            Kind::RiskAssessments => "risk-assessments",
            Kind::Risks => "risks",
            Kind::Locations => "locations",
            Kind::Units => "units",
            Kind::People => "people",
        }
    }
}

/// One result: a link to the record's page. `name` and `snippet` are HTML, escaped by
/// [`marked`] with the matched words in `<mark>`; `context` is plain text (where it belongs).
pub struct Hit {
    pub href: String,
    pub name: String,
    pub snippet: String,
    pub context: Option<String>,
}

/// The results of one kind: the first [`PER_KIND`] and how many there are.
pub struct Group {
    pub kind: Kind,
    pub hits: Vec<Hit>,
    pub total: i64,
}

impl Group {
    /// Whether there are more than are shown.
    pub fn more(&self) -> bool {
        self.total > self.hits.len() as i64
    }
}

/// The search text as searched: without NUL and control characters (PostgreSQL takes no NUL
/// in text) and without the highlighter's sentinels, whitespace squashed, at most
/// [`MAX_QUERY_CHARS`] characters.
pub fn cleaned(q: &str) -> String {
    let s: String = q
        .chars()
        .filter(|c| !matches!(*c, '\0' | START | STOP))
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MAX_QUERY_CHARS)
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `search_headline`'s text as HTML: everything escaped, the sentinels made `<mark>` and
/// `</mark>`, always balanced (a stray sentinel is dropped, an open mark closed).
pub fn marked(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut open = false;
    for c in text.chars() {
        match c {
            START if !open => {
                out.push_str("<mark>");
                open = true;
            }
            STOP if open => {
                out.push_str("</mark>");
                open = false;
            }
            START | STOP => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    if open {
        out.push_str("</mark>");
    }
    out
}

/// Rows of one kind's query made a group: `$href` builds each result's link from its row.
macro_rules! group {
    ($kind:expr, $rows:expr, |$r:ident| $href:expr) => {{
        let rows = $rows;
        Group {
            kind: $kind,
            total: rows.first().map(|r| r.total).unwrap_or(0),
            hits: rows
                .into_iter()
                .map(|$r| Hit {
                    href: $href,
                    name: marked(&$r.name),
                    snippet: marked(&$r.snippet),
                    context: $r.context.filter(|c| !c.trim().is_empty()),
                })
                .collect(),
        }
    }};
}

/// Everything the user may read that matches `q` (already [`cleaned`]), a group per kind that
/// has any, in [`Kind`]'s order. Locations only for roles that may read the line inventory,
/// restricted risk assessments and their risks only for `Confidential` roles (as `risks::read`).
pub async fn search(db: &PgPool, user: &CurrentUser, q: &str) -> Result<Vec<Group>, sqlx::Error> {
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let m = user.municipality_id;
    let confidential = user.can_read_confidential();
    // One transaction: one snapshot for every kind, and the similarity threshold set for it only.
    let mut tx = db.begin().await?;
    sqlx::query!(
        "select set_config('pg_trgm.word_similarity_threshold', $1, true)",
        NAME_SIMILARITY
    )
    .fetch_one(&mut *tx)
    .await?;

    let mut groups = Vec::new();

    let rows = sqlx::query!(
        r#"
        select me.measure_id as "id!",
               search_headline(me.title, websearch_to_tsquery('norwegian', $2), true) as "name!",
               search_headline(me.description, websearch_to_tsquery('norwegian', $2), false) as "snippet!",
               p.name as "context?", count(*) over () as "total!"
          from measure me
          join action_plan p on p.action_plan_id = me.action_plan_id
         where me.municipality_id = $1
           and (search_tsv(me.title, me.description) @@ websearch_to_tsquery('norwegian', $2)
                or $2 <% me.title)
         order by ts_rank(search_tsv(me.title, me.description), websearch_to_tsquery('norwegian', $2))
                  + word_similarity($2, me.title) desc,
                  p.start_year desc, lower(me.title), me.measure_id
         limit $3
        "#,
        m,
        q,
        PER_KIND
    )
    .fetch_all(&mut *tx)
    .await?;
    groups.push(group!(Kind::Measures, rows, |r| format!(
        "/measures/{}",
        r.id
    )));

    let rows = sqlx::query!(
        r#"
        select g.goal_area_id as "id!", g.strategy_document_id as "doc!",
               search_headline(g.name, websearch_to_tsquery('norwegian', $2), true) as "name!",
               search_headline(g.goal_statement, websearch_to_tsquery('norwegian', $2), false) as "snippet!",
               d.title as "context?", count(*) over () as "total!"
          from goal_area g
          join strategy_document d on d.strategy_document_id = g.strategy_document_id
         where g.municipality_id = $1
           and (search_tsv(g.name, g.goal_statement) @@ websearch_to_tsquery('norwegian', $2)
                or $2 <% g.name)
         order by ts_rank(search_tsv(g.name, g.goal_statement), websearch_to_tsquery('norwegian', $2))
                  + word_similarity($2, g.name) desc,
                  d.period_start desc, g.position, g.goal_area_id
         limit $3
        "#,
        m,
        q,
        PER_KIND
    )
    .fetch_all(&mut *tx)
    .await?;
    groups.push(group!(Kind::GoalAreas, rows, |r| format!(
        "/strategy/{}#goal-{}",
        r.doc, r.id
    )));

    let rows = sqlx::query!(
        r#"
        select s.goal_area_id as "id!", g.strategy_document_id as "doc!",
               search_headline(s.text, websearch_to_tsquery('norwegian', $2), true) as "name!",
               search_headline(array_to_string(s.key_measures, ' · '),
                               websearch_to_tsquery('norwegian', $2), false) as "snippet!",
               g.name as "context?", count(*) over () as "total!"
          from strategy s
          join goal_area g on g.goal_area_id = s.goal_area_id
          join strategy_document d on d.strategy_document_id = g.strategy_document_id
         where s.municipality_id = $1
           and (search_tsv(variadic array[s.text] || s.key_measures) @@ websearch_to_tsquery('norwegian', $2)
                or $2 <% s.text)
         order by ts_rank(search_tsv(variadic array[s.text] || s.key_measures),
                          websearch_to_tsquery('norwegian', $2))
                  + word_similarity($2, s.text) desc,
                  d.period_start desc, g.position, s.position, s.strategy_id
         limit $3
        "#,
        m,
        q,
        PER_KIND
    )
    .fetch_all(&mut *tx)
    .await?;
    // A strategy has no page of its own: its goal area's part of the document.
    groups.push(group!(Kind::Strategies, rows, |r| format!(
        "/strategy/{}#goal-{}",
        r.doc, r.id
    )));

    let rows = sqlx::query!(
        r#"
        select s.system_id as "id!",
               search_headline(s.name, websearch_to_tsquery('norwegian', $2), true) as "name!",
               search_headline(s.description, websearch_to_tsquery('norwegian', $2), false) as "snippet!",
               s.vendor as "context?", count(*) over () as "total!"
          from system s
         where s.municipality_id = $1
           and (search_tsv(s.name, s.description) @@ websearch_to_tsquery('norwegian', $2)
                or $2 <% s.name)
         order by ts_rank(search_tsv(s.name, s.description), websearch_to_tsquery('norwegian', $2))
                  + word_similarity($2, s.name) desc,
                  lower(s.name), s.system_id
         limit $3
        "#,
        m,
        q,
        PER_KIND
    )
    .fetch_all(&mut *tx)
    .await?;
    groups.push(group!(Kind::Systems, rows, |r| format!(
        "/systems/{}",
        r.id
    )));

    // Every request of the municipality, as the council's list shows them to every role.
    let rows = sqlx::query!(
        r#"
        select a.acquisition_id as "id!",
               search_headline(a.title, websearch_to_tsquery('norwegian', $2), true) as "name!",
               search_headline(concat_ws(' ', a.need, a.benefits),
                               websearch_to_tsquery('norwegian', $2), false) as "snippet!",
               u.name as "context?", count(*) over () as "total!"
          from acquisition a
          left join unit u on u.unit_id = a.unit_id
         where a.municipality_id = $1
           and (search_tsv(a.title, a.need, a.benefits) @@ websearch_to_tsquery('norwegian', $2)
                or $2 <% a.title)
         order by ts_rank(search_tsv(a.title, a.need, a.benefits), websearch_to_tsquery('norwegian', $2))
                  + word_similarity($2, a.title) desc,
                  a.created_at desc, a.acquisition_id desc
         limit $3
        "#,
        m,
        q,
        PER_KIND
    )
    .fetch_all(&mut *tx)
    .await?;
    groups.push(group!(Kind::Acquisitions, rows, |r| format!(
        "/acquisitions/{}",
        r.id
    )));

    let rows = sqlx::query!(
        r#"
        select a.risk_assessment_id as "id!",
               search_headline(a.title, websearch_to_tsquery('norwegian', $2), true) as "name!",
               search_headline(a.scope, websearch_to_tsquery('norwegian', $2), false) as "snippet!",
               null::text as "context?", count(*) over () as "total!"
          from risk_assessment a
         where a.municipality_id = $1 and (not a.restricted or $4)
           and (search_tsv(a.title, a.scope) @@ websearch_to_tsquery('norwegian', $2)
                or $2 <% a.title)
         order by ts_rank(search_tsv(a.title, a.scope), websearch_to_tsquery('norwegian', $2))
                  + word_similarity($2, a.title) desc,
                  a.assessed_on desc nulls last, lower(a.title), a.risk_assessment_id
         limit $3
        "#,
        m,
        q,
        PER_KIND,
        confidential
    )
    .fetch_all(&mut *tx)
    .await?;
    groups.push(group!(Kind::RiskAssessments, rows, |r| format!(
        "/risks/{}",
        r.id
    )));

    let rows = sqlx::query!(
        r#"
        select r.risk_id as "id!",
               search_headline(r.description, websearch_to_tsquery('norwegian', $2), false) as "name!",
               search_headline(concat_ws(' ', r.mitigation, r.category),
                               websearch_to_tsquery('norwegian', $2), false) as "snippet!",
               a.title as "context?", count(*) over () as "total!"
          from risk r
          join risk_assessment a on a.risk_assessment_id = r.risk_assessment_id
         where r.municipality_id = $1 and (not a.restricted or $4)
           and (search_tsv(r.description, r.mitigation, r.category) @@ websearch_to_tsquery('norwegian', $2)
                or $2 <% r.description)
         order by ts_rank(search_tsv(r.description, r.mitigation, r.category),
                          websearch_to_tsquery('norwegian', $2))
                  + word_similarity($2, r.description) desc,
                  r.score desc nulls last, r.risk_id
         limit $3
        "#,
        m,
        q,
        PER_KIND,
        confidential
    )
    .fetch_all(&mut *tx)
    .await?;
    groups.push(group!(Kind::Risks, rows, |r| format!(
        "/risks/items/{}",
        r.id
    )));

    // The line inventory is confidential: not even asked for other roles (the menu's rule).
    if confidential {
        let rows = sqlx::query!(
            r#"
            select l.location_id as "id!",
                   search_headline(l.name, websearch_to_tsquery('norwegian', $2), true) as "name!",
                   search_headline(concat_ws(' – ', l.address, l.notes),
                                   websearch_to_tsquery('norwegian', $2), false) as "snippet!",
                   null::text as "context?", count(*) over () as "total!"
              from location l
             where l.municipality_id = $1
               and (search_tsv(l.name, l.address, l.notes) @@ websearch_to_tsquery('norwegian', $2)
                    or $2 <% l.name)
             order by ts_rank(search_tsv(l.name, l.address, l.notes), websearch_to_tsquery('norwegian', $2))
                      + word_similarity($2, l.name) desc,
                      lower(l.name), l.location_id
             limit $3
            "#,
            m,
            q,
            PER_KIND
        )
        .fetch_all(&mut *tx)
        .await?;
        groups.push(group!(Kind::Locations, rows, |r| format!(
            "/locations/{}",
            r.id
        )));
    }

    let rows = sqlx::query!(
        r#"
        select u.unit_id as "id!",
               search_headline(u.name, websearch_to_tsquery('norwegian', $2), true) as "name!",
               search_headline(u.short_name, websearch_to_tsquery('norwegian', $2), true) as "snippet!",
               p.name as "context?", count(*) over () as "total!"
          from unit u
          left join unit p on p.unit_id = u.parent_unit_id
         where u.municipality_id = $1
           and (search_tsv(u.name, u.short_name) @@ websearch_to_tsquery('norwegian', $2)
                or $2 <% u.name)
         order by ts_rank(search_tsv(u.name, u.short_name), websearch_to_tsquery('norwegian', $2))
                  + word_similarity($2, u.name) desc,
                  lower(u.name), u.unit_id
         limit $3
        "#,
        m,
        q,
        PER_KIND
    )
    .fetch_all(&mut *tx)
    .await?;
    groups.push(group!(Kind::Units, rows, |r| format!("/units/{}", r.id)));

    let rows = sqlx::query!(
        r#"
        select p.person_id as "id!",
               search_headline(p.name, websearch_to_tsquery('norwegian', $2), true) as "name!",
               search_headline(p.title, websearch_to_tsquery('norwegian', $2), true) as "snippet!",
               u.name as "context?", count(*) over () as "total!"
          from person p
          left join unit u on u.unit_id = p.unit_id
         where p.municipality_id = $1
           and (search_tsv(p.name, p.title) @@ websearch_to_tsquery('norwegian', $2)
                or $2 <% p.name)
         order by ts_rank(search_tsv(p.name, p.title), websearch_to_tsquery('norwegian', $2))
                  + word_similarity($2, p.name) desc,
                  lower(p.name), p.person_id
         limit $3
        "#,
        m,
        q,
        PER_KIND
    )
    .fetch_all(&mut *tx)
    .await?;
    groups.push(group!(Kind::People, rows, |r| format!("/people/{}", r.id)));

    tx.commit().await?;
    groups.retain(|g| !g.hits.is_empty());
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_escapes_the_text_and_marks_only_between_the_sentinels() {
        let text = format!("<b>{START}Gerica{STOP}</b> & \"x\" 'y'");
        assert_eq!(
            marked(&text),
            "&lt;b&gt;<mark>Gerica</mark>&lt;/b&gt; &amp; &quot;x&quot; &#39;y&#39;"
        );
    }

    #[test]
    fn marked_drops_a_stray_sentinel_and_closes_an_open_mark() {
        let text = format!("{STOP}a {START}b {START}c");
        assert_eq!(marked(&text), "a <mark>b c</mark>");
    }

    #[test]
    fn cleaned_takes_out_nul_and_control_characters_and_bounds_the_length() {
        assert_eq!(cleaned("  a\0b \t\n c  "), "ab c");
        assert_eq!(
            cleaned(&"x".repeat(100_000)).chars().count(),
            MAX_QUERY_CHARS
        );
        assert_eq!(cleaned("\0"), "");
        assert_eq!(cleaned(&format!("{START}a{STOP}")), "a");
    }
}
