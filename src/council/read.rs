//! Queries and view models of the IKT-råd. No writes.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::Deserialize;
use sqlx::PgPool;

use super::model::{Financing, Stance, State, Urgency};
use crate::{
    auth::CurrentUser,
    domain::{Nok, format_date, format_datetime},
    error::{AppError, AppResult},
};

/// A council member; `user` is their login, if they have one.
pub struct Member {
    pub id: i64,
    pub title: String,
    pub user_id: Option<i64>,
    pub user_name: Option<String>,
    pub chair: bool,
}

pub async fn members(db: &PgPool, m: i64) -> Result<Vec<Member>, sqlx::Error> {
    sqlx::query_as!(
        Member,
        r#"
        select mb.council_member_id as id, mb.title, mb.app_user_id as user_id,
               u.display_name as "user_name?", mb.chair
          from council_member mb left join app_user u on u.app_user_id = mb.app_user_id
         where mb.municipality_id = $1
         order by mb.chair desc, mb.position
        "#,
        m
    )
    .fetch_all(db)
    .await
}

/// The user's council membership: (member id, chair).
pub async fn membership(
    db: &PgPool,
    user: &CurrentUser,
) -> Result<Option<(i64, bool)>, sqlx::Error> {
    Ok(sqlx::query!(
        "select council_member_id, chair from council_member where municipality_id = $1 and app_user_id = $2",
        user.municipality_id,
        user.user_id
    )
    .fetch_optional(db)
    .await?
    .map(|r| (r.council_member_id, r.chair)))
}

/// The active principles: (id, position, text).
pub async fn principles(db: &PgPool, m: i64) -> Result<Vec<(i64, i32, String)>, sqlx::Error> {
    Ok(sqlx::query!(
        "select council_principle_id, position, text from council_principle where municipality_id = $1 and active order by position",
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.council_principle_id, r.position, r.text))
    .collect())
}

/// A request's answers as saved: (principle id, answer).
pub async fn answers(db: &PgPool, m: i64, id: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    Ok(sqlx::query!(
        "select council_principle_id, answer from acquisition_answer where acquisition_id = $1 and municipality_id = $2",
        id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.council_principle_id, r.answer))
    .collect())
}

pub async fn threshold(db: &PgPool, m: i64) -> Result<Option<Decimal>, sqlx::Error> {
    sqlx::query_scalar!(
        "select council_clear_threshold from municipality where municipality_id = $1",
        m
    )
    .fetch_one(db)
    .await
}

/// The decision matrix as seeded: columns, and rows of cells with their doubt marked.
#[derive(Debug, Default, Deserialize)]
pub struct Matrix {
    #[serde(default)]
    pub source: Option<String>,
    pub columns: Vec<String>,
    pub rows: Vec<MatrixRow>,
}

#[derive(Debug, Default, Deserialize)]
pub struct MatrixRow {
    pub area: String,
    pub cells: Vec<MatrixCell>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct MatrixCell {
    pub text: Option<String>,
    #[serde(default)]
    pub uncertain: bool,
}

impl Matrix {
    pub fn uncertain_cells(&self) -> usize {
        self.rows
            .iter()
            .flat_map(|r| &r.cells)
            .filter(|c| c.uncertain)
            .count()
    }
}

pub async fn matrix(db: &PgPool, m: i64) -> Result<Option<Matrix>, sqlx::Error> {
    let v = sqlx::query_scalar!(
        "select content from council_matrix where municipality_id = $1",
        m
    )
    .fetch_optional(db)
    .await?;
    Ok(v.and_then(|v| serde_json::from_value(v).ok()))
}

/// Which list: everything, the user's own, what waits for their assessment, what waits for
/// RLT.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    All,
    Mine,
    Assess,
    Rlt,
}

impl Tab {
    pub fn parse(v: &str) -> Tab {
        match v {
            "mine" => Tab::Mine,
            "assess" => Tab::Assess,
            "rlt" => Tab::Rlt,
            _ => Tab::All,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Tab::All => "all",
            Tab::Mine => "mine",
            Tab::Assess => "assess",
            Tab::Rlt => "rlt",
        }
    }
}

/// The list's filters, from the query string so they survive a reload.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct Filter {
    pub tab: String,
    pub state: String,
    pub unit: String,
    pub financing: String,
    pub page: String,
}

impl Filter {
    pub fn tab(&self) -> Tab {
        Tab::parse(self.tab.trim())
    }
    pub fn state(&self) -> Option<State> {
        State::parse(self.state.trim())
    }
    pub fn unit(&self) -> Option<i64> {
        self.unit.trim().parse().ok()
    }
    pub fn financing(&self) -> Option<Financing> {
        Financing::parse(self.financing.trim())
    }
    pub fn page(&self) -> Option<i64> {
        self.page.trim().parse().ok()
    }
    /// The query string of the filters (without the page), for the pager and the tabs.
    pub fn query(&self, tab: Tab) -> String {
        let mut q = vec![format!("tab={}", tab.code())];
        if let Some(s) = self.state() {
            q.push(format!("state={}", s.code()));
        }
        if let Some(u) = self.unit() {
            q.push(format!("unit={u}"));
        }
        if let Some(f) = self.financing() {
            q.push(format!("financing={}", f.code()));
        }
        q.join("&")
    }
}

pub struct Row {
    pub id: i64,
    pub title: String,
    pub unit: Option<String>,
    pub state: State,
    pub investment: Option<Nok>,
    pub financing: Option<Financing>,
    pub requested_by: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl Row {
    pub fn created(&self) -> String {
        format_date(self.created_at.date_naive())
    }
}

pub const PER_PAGE: i64 = 50;

/// A page of the municipality's requests under `f`, and how many there are in all.
/// «Needs my assessment» is what is on an open meeting's agenda that the member has not
/// assessed; «awaiting RLT» what the council has recommended (or not) and RLT not decided.
pub async fn list(
    db: &PgPool,
    user: &CurrentUser,
    member: Option<i64>,
    f: &Filter,
    offset: i64,
) -> Result<(Vec<Row>, i64), sqlx::Error> {
    let rows = sqlx::query!(
        r#"
        select a.acquisition_id as id, a.title, u.name as "unit?", a.state, a.investment,
               a.financing, r.display_name as "requested_by?",
               a.created_at as "created_at: DateTime<Utc>", count(*) over () as "total!"
          from acquisition a
          left join unit u on u.unit_id = a.unit_id
          left join app_user r on r.app_user_id = a.requested_by
         where a.municipality_id = $1
           and ($2::text is null or a.state = $2)
           and ($3::bigint is null or a.unit_id = $3)
           and ($4::text is null or a.financing = $4)
           and case $5
                 when 'mine' then a.requested_by = $6
                 when 'rlt' then a.state in ('recommended', 'not_recommended')
                 when 'assess' then exists (
                     select 1 from council_agenda ca
                       join council_meeting cm using (council_meeting_id)
                      where ca.acquisition_id = a.acquisition_id and cm.closed_at is null
                        and not exists (select 1 from council_assessment s
                                         where s.council_meeting_id = ca.council_meeting_id
                                           and s.acquisition_id = ca.acquisition_id
                                           and s.council_member_id = $7))
                 else true
               end
         order by a.created_at desc, a.acquisition_id desc
         limit $8 offset $9
        "#,
        user.municipality_id,
        f.state().map(|s| s.code()),
        f.unit(),
        f.financing().map(|x| x.code()),
        f.tab().code(),
        user.user_id,
        member.unwrap_or(-1),
        PER_PAGE,
        offset
    )
    .fetch_all(db)
    .await?;
    let total = rows.first().map(|r| r.total).unwrap_or(0);
    Ok((
        rows.into_iter()
            .map(|r| Row {
                id: r.id,
                title: r.title,
                unit: r.unit,
                state: State::parse(&r.state).unwrap_or(State::Registered),
                investment: r.investment.map(Nok),
                financing: r.financing.as_deref().and_then(Financing::parse),
                requested_by: r.requested_by,
                created_at: r.created_at,
            })
            .collect(),
        total,
    ))
}

/// A request as its page shows it.
pub struct Detail {
    pub id: i64,
    pub title: String,
    pub need: Option<String>,
    pub unit_id: Option<i64>,
    pub unit: Option<String>,
    pub system_owner_id: Option<i64>,
    pub system_owner: Option<String>,
    pub system_id: Option<i64>,
    pub system: Option<String>,
    pub investment: Option<Decimal>,
    pub running_cost: Option<Decimal>,
    pub financing: Option<Financing>,
    pub urgency: Urgency,
    pub benefits: Option<String>,
    pub state: State,
    pub triage_comment: Option<String>,
    pub requested_by: Option<i64>,
    pub requester: Option<String>,
    pub measure_id: Option<i64>,
    pub measure: Option<String>,
    pub decided_financing: Option<Financing>,
    pub decided_amount: Option<Decimal>,
    pub decided_priority: Option<i32>,
    pub archive_ref: Option<String>,
    pub decision_reason: Option<String>,
    pub decided_on: Option<NaiveDate>,
    pub decided_by: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    /// (principle position, principle, answer) for every principle, answered or not.
    pub answers: Vec<(i32, String, Option<String>)>,
    /// The meetings it was on, newest first.
    pub agendas: Vec<AgendaEntry>,
}

/// The request on one meeting's agenda: the meeting and the recommendation made there.
pub struct AgendaEntry {
    pub meeting_id: i64,
    pub held_on: NaiveDate,
    pub open: bool,
    pub recommended: Option<bool>,
    pub priority: Option<i32>,
    pub reason: Option<String>,
}

impl AgendaEntry {
    pub fn date(&self) -> String {
        format_date(self.held_on)
    }
}

impl Detail {
    pub fn registered(&self) -> String {
        format_date(self.created_at.date_naive())
    }
    pub fn decided(&self) -> String {
        self.decided_on.map(format_date).unwrap_or_default()
    }
    pub fn nok(v: &Option<Decimal>) -> String {
        v.map(|d| Nok(d).to_string()).unwrap_or_default()
    }
    /// The request's requester may change it while it is theirs to change.
    pub fn is_requester(&self, user: &CurrentUser) -> bool {
        self.requested_by == Some(user.user_id)
    }
    pub fn can_edit(&self, user: &CurrentUser) -> bool {
        self.state.editable() && (self.is_requester(user) || user.can_edit_plan())
    }
    /// The meeting it is on now, if that meeting is still open.
    pub fn open_agenda(&self) -> Option<&AgendaEntry> {
        self.agendas.iter().find(|a| a.open)
    }
}

pub async fn detail(db: &PgPool, m: i64, id: i64) -> AppResult<Detail> {
    let r = sqlx::query!(
        r#"
        select a.acquisition_id, a.title, a.need, a.unit_id, u.name as "unit?",
               a.system_owner_person_id, p.name as "system_owner?", a.system_id, s.name as "system?",
               a.investment, a.running_cost, a.financing, a.urgency, a.benefits, a.state,
               a.triage_comment, a.requested_by, r.display_name as "requester?", a.measure_id,
               me.title as "measure?", a.decided_financing, a.decided_amount, a.decided_priority,
               a.archive_ref, a.decision_reason, a.decided_on as "decided_on: NaiveDate", d.display_name as "decided_by?",
               a.version, a.created_at as "created_at: DateTime<Utc>"
          from acquisition a
          left join unit u on u.unit_id = a.unit_id
          left join person p on p.person_id = a.system_owner_person_id
          left join system s on s.system_id = a.system_id
          left join app_user r on r.app_user_id = a.requested_by
          left join app_user d on d.app_user_id = a.decided_by
          left join measure me on me.measure_id = a.measure_id
         where a.acquisition_id = $1 and a.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    let answers = sqlx::query!(
        r#"
        select p.position, p.text, aa.answer as "answer?"
          from council_principle p
          left join acquisition_answer aa
            on aa.council_principle_id = p.council_principle_id and aa.acquisition_id = $1
         where p.municipality_id = $2 and (p.active or aa.answer is not null)
         order by p.position
        "#,
        id,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|a| (a.position, a.text, a.answer))
    .collect();
    let agendas = sqlx::query_as!(
        AgendaEntry,
        r#"
        select cm.council_meeting_id as meeting_id, cm.held_on as "held_on: NaiveDate", cm.closed_at is null as "open!",
               ca.recommended, ca.priority, ca.reason
          from council_agenda ca join council_meeting cm using (council_meeting_id)
         where ca.acquisition_id = $1 and ca.municipality_id = $2
         order by cm.held_on desc, cm.council_meeting_id desc
        "#,
        id,
        m
    )
    .fetch_all(db)
    .await?;
    Ok(Detail {
        id: r.acquisition_id,
        title: r.title,
        need: r.need,
        unit_id: r.unit_id,
        unit: r.unit,
        system_owner_id: r.system_owner_person_id,
        system_owner: r.system_owner,
        system_id: r.system_id,
        system: r.system,
        investment: r.investment,
        running_cost: r.running_cost,
        financing: r.financing.as_deref().and_then(Financing::parse),
        urgency: Urgency::parse(&r.urgency).unwrap_or(Urgency::Normal),
        benefits: r.benefits,
        state: State::parse(&r.state).unwrap_or(State::Registered),
        triage_comment: r.triage_comment,
        requested_by: r.requested_by,
        requester: r.requester,
        measure_id: r.measure_id,
        measure: r.measure,
        decided_financing: r.decided_financing.as_deref().and_then(Financing::parse),
        decided_amount: r.decided_amount,
        decided_priority: r.decided_priority,
        archive_ref: r.archive_ref,
        decision_reason: r.decision_reason,
        decided_on: r.decided_on,
        decided_by: r.decided_by,
        version: r.version,
        created_at: r.created_at,
        answers,
        agendas,
    })
}

/// One step of a request's path, read from its audit rows: when, who, and the state it came
/// to (or `None` when the step changed its fields but not its state).
pub struct Step {
    pub at: DateTime<Utc>,
    pub who: String,
    pub state: Option<State>,
    pub created: bool,
}

impl Step {
    pub fn when(&self) -> String {
        format_datetime(self.at)
    }
}

pub async fn timeline(db: &PgPool, m: i64, id: i64) -> Result<Vec<Step>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"
        select a.occurred_at as "at: DateTime<Utc>", coalesce(u.display_name, 'Systemet') as "who!",
               a.action, a.before ->> 'state' as before_state, a.after ->> 'state' as after_state
          from audit_log a left join app_user u on u.app_user_id = a.app_user_id
         where a.municipality_id = $1 and a.table_name = 'acquisition' and a.record_id = $2
         order by a.occurred_at, a.audit_log_id
        "#,
        m,
        id
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let created = r.action == "create";
            let state = match (&r.before_state, &r.after_state) {
                (b, Some(a)) if created || b.as_deref() != Some(a.as_str()) => State::parse(a),
                _ => None,
            };
            Step {
                at: r.at,
                who: r.who,
                state,
                created,
            }
        })
        .collect())
}

/// A meeting in the list.
pub struct MeetingRow {
    pub id: i64,
    pub held_on: NaiveDate,
    pub place: Option<String>,
    pub open: bool,
    pub items: i64,
}

impl MeetingRow {
    pub fn date(&self) -> String {
        format_date(self.held_on)
    }
}

pub async fn meetings(db: &PgPool, m: i64) -> Result<Vec<MeetingRow>, sqlx::Error> {
    sqlx::query_as!(
        MeetingRow,
        r#"
        select cm.council_meeting_id as id, cm.held_on as "held_on: NaiveDate", cm.place, cm.closed_at is null as "open!",
               (select count(*) from council_agenda ca where ca.council_meeting_id = cm.council_meeting_id) as "items!"
          from council_meeting cm
         where cm.municipality_id = $1
         order by cm.held_on desc, cm.council_meeting_id desc
         limit 200
        "#,
        m
    )
    .fetch_all(db)
    .await
}

/// The open meetings, for the secretariat's agenda choice: (id, «03.12.2026 – Rådhuset»).
pub async fn open_meetings(db: &PgPool, m: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    Ok(meetings(db, m)
        .await?
        .into_iter()
        .filter(|r| r.open)
        .map(|r| {
            let label = match &r.place {
                Some(p) => format!("{} – {p}", r.date()),
                None => r.date(),
            };
            (r.id, label)
        })
        .collect())
}

/// A meeting with its agenda, attendance and every assessment.
pub struct Meeting {
    pub id: i64,
    pub held_on: NaiveDate,
    pub place: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    pub items: Vec<Item>,
    /// The member ids present.
    pub present: Vec<i64>,
}

impl Meeting {
    pub fn date(&self) -> String {
        format_date(self.held_on)
    }
    pub fn open(&self) -> bool {
        self.closed_at.is_none()
    }
    pub fn closed(&self) -> String {
        self.closed_at.map(format_datetime).unwrap_or_default()
    }
}

pub struct Item {
    pub position: i32,
    pub acquisition_id: i64,
    pub title: String,
    pub unit: Option<String>,
    pub investment: Option<Decimal>,
    pub running_cost: Option<Decimal>,
    pub financing: Option<Financing>,
    pub state: State,
    pub recommended: Option<bool>,
    pub priority: Option<i32>,
    pub reason: Option<String>,
    pub assessments: Vec<Assessment>,
}

impl Item {
    /// The chair may give or change the recommendation while the request is before the
    /// council (not once RLT has decided it).
    pub fn recommendable(&self) -> bool {
        self.state
            .next(super::model::Step::Recommend(true))
            .is_some()
    }
    pub fn mine(&self, member: i64) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.member_id == member)
    }
    pub fn count(&self, s: Stance) -> usize {
        self.assessments.iter().filter(|a| a.stance == s).count()
    }
}

pub struct Assessment {
    pub member_id: i64,
    pub member: String,
    pub stance: Stance,
    pub reason: String,
}

pub async fn meeting(db: &PgPool, m: i64, id: i64) -> AppResult<Meeting> {
    let r = sqlx::query!(
        r#"select held_on as "held_on: NaiveDate", place, closed_at as "closed_at: DateTime<Utc>"
             from council_meeting where council_meeting_id = $1 and municipality_id = $2"#,
        id,
        m
    )
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    let items = sqlx::query!(
        r#"
        select ca.position, a.acquisition_id, a.title, u.name as "unit?", a.investment,
               a.running_cost, a.financing, a.state, ca.recommended, ca.priority, ca.reason
          from council_agenda ca
          join acquisition a using (acquisition_id)
          left join unit u on u.unit_id = a.unit_id
         where ca.council_meeting_id = $1 and ca.municipality_id = $2
         order by ca.position
        "#,
        id,
        m
    )
    .fetch_all(db)
    .await?;
    let assessments = sqlx::query!(
        r#"
        select s.acquisition_id, s.council_member_id, mb.title, s.stance, s.reason
          from council_assessment s join council_member mb using (council_member_id)
         where s.council_meeting_id = $1 and s.municipality_id = $2
         order by mb.chair desc, mb.position
        "#,
        id,
        m
    )
    .fetch_all(db)
    .await?;
    let present = sqlx::query_scalar!(
        "select council_member_id from council_attendance where council_meeting_id = $1 and municipality_id = $2",
        id,
        m
    )
    .fetch_all(db)
    .await?;
    Ok(Meeting {
        id,
        held_on: r.held_on,
        place: r.place,
        closed_at: r.closed_at,
        present,
        items: items
            .into_iter()
            .map(|i| Item {
                position: i.position,
                acquisition_id: i.acquisition_id,
                assessments: assessments
                    .iter()
                    .filter(|s| s.acquisition_id == i.acquisition_id)
                    .map(|s| Assessment {
                        member_id: s.council_member_id,
                        member: s.title.clone(),
                        stance: Stance::parse(&s.stance).unwrap_or(Stance::Abstain),
                        reason: s.reason.clone(),
                    })
                    .collect(),
                title: i.title,
                unit: i.unit,
                investment: i.investment,
                running_cost: i.running_cost,
                financing: i.financing.as_deref().and_then(Financing::parse),
                state: State::parse(&i.state).unwrap_or(State::Registered),
                recommended: i.recommended,
                priority: i.priority,
                reason: i.reason,
            })
            .collect(),
    })
}

/// A notification for its reader.
pub struct Notification {
    pub acquisition_id: i64,
    pub title: String,
    pub kind: String,
    pub at: DateTime<Utc>,
    pub read: bool,
}

impl Notification {
    pub fn when(&self) -> String {
        format_datetime(self.at)
    }
    pub fn key(&self) -> &'static str {
        super::model::notification_key(&self.kind)
    }
}

pub async fn notifications(
    db: &PgPool,
    user: &CurrentUser,
) -> Result<Vec<Notification>, sqlx::Error> {
    sqlx::query_as!(
        Notification,
        r#"
        select n.acquisition_id, a.title, n.kind, n.created_at as "at: DateTime<Utc>",
               n.read_at is not null as "read!"
          from notification n join acquisition a using (acquisition_id)
         where n.app_user_id = $1 and n.municipality_id = $2
         order by n.created_at desc, n.notification_id desc
         limit 100
        "#,
        user.user_id,
        user.municipality_id
    )
    .fetch_all(db)
    .await
}

/// A benefit with its follow-ups, oldest first.
pub struct Benefit {
    pub id: i64,
    pub acquisition_id: i64,
    pub acquisition: String,
    pub decided_on: Option<NaiveDate>,
    pub kind: super::model::BenefitKind,
    pub indicator: String,
    pub baseline: Option<Decimal>,
    pub target: Option<Decimal>,
    pub target_date: Option<NaiveDate>,
    pub responsible_id: Option<i64>,
    pub responsible: Option<String>,
    pub followups: Vec<Followup>,
}

pub struct Followup {
    pub measured_on: NaiveDate,
    pub value: Decimal,
    pub note: Option<String>,
}

impl Followup {
    pub fn date(&self) -> String {
        format_date(self.measured_on)
    }
    pub fn shown(&self) -> String {
        crate::domain::format_decimal(self.value)
    }
}

/// Where a benefit stands against its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// The latest value reaches the target (in the direction from the baseline).
    Achieved,
    /// The target date has passed and the latest value does not reach it.
    Behind,
    /// Neither yet.
    OnTheWay,
}

impl Standing {
    pub fn label_key(self) -> &'static str {
        match self {
            Standing::Achieved => crate::i18n::k("council-benefit-achieved"),
            Standing::Behind => crate::i18n::k("council-benefit-behind"),
            Standing::OnTheWay => crate::i18n::k("council-benefit-on-the-way"),
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Standing::Achieved => "achieved",
            Standing::Behind => "behind",
            Standing::OnTheWay => "on_the_way",
        }
    }
}

impl Benefit {
    pub fn latest(&self) -> Option<&Followup> {
        self.followups.last()
    }
    pub fn num(v: &Option<Decimal>) -> String {
        v.map(crate::domain::format_decimal).unwrap_or_default()
    }
    pub fn target_day(&self) -> String {
        self.target_date.map(format_date).unwrap_or_default()
    }
    pub fn standing(&self, today: NaiveDate) -> Standing {
        let reached = match (self.latest(), self.target) {
            (Some(l), Some(t)) => {
                if self.baseline.is_some_and(|b| t < b) {
                    l.value <= t
                } else {
                    l.value >= t
                }
            }
            _ => false,
        };
        if reached {
            Standing::Achieved
        } else if self.target_date.is_some_and(|d| d < today) {
            Standing::Behind
        } else {
            Standing::OnTheWay
        }
    }
    /// The 6- and 12-month follow-ups past due with no value measured for them.
    pub fn overdue(&self, today: NaiveDate) -> Vec<u32> {
        let Some(approved) = self.decided_on else {
            return Vec::new();
        };
        let measured: Vec<NaiveDate> = self.followups.iter().map(|f| f.measured_on).collect();
        super::model::overdue_followups(approved, &measured, today)
    }
}

/// Which benefits the realisation page lists (`/benefits?show=behind|due`): all, those behind
/// their target, or those with a follow-up overdue. The dashboard counts with the same rule.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct BenefitFilter {
    #[serde(default)]
    pub show: String,
}

impl BenefitFilter {
    pub fn behind() -> Self {
        BenefitFilter {
            show: "behind".into(),
        }
    }
    pub fn due() -> Self {
        BenefitFilter { show: "due".into() }
    }
    pub fn selects(&self, b: &Benefit, today: NaiveDate) -> bool {
        match self.show.as_str() {
            "behind" => b.standing(today) == Standing::Behind,
            "due" => !b.overdue(today).is_empty(),
            _ => true,
        }
    }
    pub fn is_active(&self) -> bool {
        matches!(self.show.as_str(), "behind" | "due")
    }
    pub fn query(&self) -> String {
        if self.is_active() {
            format!("show={}", self.show)
        } else {
            String::new()
        }
    }
}

/// The benefits of one approved request (`Some(id)`) or of all of them (`None`).
pub async fn benefits(
    db: &PgPool,
    m: i64,
    acquisition: Option<i64>,
) -> Result<Vec<Benefit>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"
        select b.benefit_id, b.acquisition_id, a.title, a.decided_on as "decided_on: NaiveDate",
               b.kind, b.indicator, b.baseline, b.target, b.target_date as "target_date: NaiveDate",
               b.responsible_person_id, p.name as "responsible?"
          from benefit b
          join acquisition a using (acquisition_id)
          left join person p on p.person_id = b.responsible_person_id
         where b.municipality_id = $1 and ($2::bigint is null or b.acquisition_id = $2)
           and a.state = 'approved'
         order by a.decided_on desc nulls last, a.acquisition_id, b.benefit_id
        "#,
        m,
        acquisition
    )
    .fetch_all(db)
    .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.benefit_id).collect();
    let followups = sqlx::query!(
        r#"
        select benefit_id, measured_on as "measured_on: NaiveDate", value, note
          from benefit_followup where municipality_id = $1 and benefit_id = any($2)
         order by measured_on, benefit_followup_id
        "#,
        m,
        &ids
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Benefit {
            followups: followups
                .iter()
                .filter(|f| f.benefit_id == r.benefit_id)
                .map(|f| Followup {
                    measured_on: f.measured_on,
                    value: f.value,
                    note: f.note.clone(),
                })
                .collect(),
            id: r.benefit_id,
            acquisition_id: r.acquisition_id,
            acquisition: r.title,
            decided_on: r.decided_on,
            kind: super::model::BenefitKind::parse(&r.kind)
                .unwrap_or(super::model::BenefitKind::Quality),
            indicator: r.indicator,
            baseline: r.baseline,
            target: r.target,
            target_date: r.target_date,
            responsible_id: r.responsible_person_id,
            responsible: r.responsible,
        })
        .collect())
}

/// The approved requests with no benefit recorded yet: (id, title).
pub async fn approved_without_benefits(
    db: &PgPool,
    m: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    Ok(sqlx::query!(
        r#"
        select a.acquisition_id, a.title from acquisition a
         where a.municipality_id = $1 and a.state = 'approved'
           and not exists (select 1 from benefit b where b.acquisition_id = a.acquisition_id)
         order by a.decided_on desc nulls last, a.acquisition_id
        "#,
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.acquisition_id, r.title))
    .collect())
}

/// A benefit's request, if the benefit is the municipality's: (acquisition id, responsible).
pub async fn benefit_owner(
    db: &PgPool,
    m: i64,
    benefit: i64,
) -> Result<Option<(i64, Option<i64>)>, sqlx::Error> {
    Ok(sqlx::query!(
        "select acquisition_id, responsible_person_id from benefit where benefit_id = $1 and municipality_id = $2",
        benefit,
        m
    )
    .fetch_optional(db)
    .await?
    .map(|r| (r.acquisition_id, r.responsible_person_id)))
}

/// Every principle, in use or not: (id, position, text, active).
pub async fn all_principles(
    db: &PgPool,
    m: i64,
) -> Result<Vec<(i64, i32, String, bool)>, sqlx::Error> {
    Ok(sqlx::query!(
        "select council_principle_id, position, text, active from council_principle where municipality_id = $1 order by position",
        m
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| (r.council_principle_id, r.position, r.text, r.active))
    .collect())
}

/// The request registered from a measure or linked to it: (id, title, state).
pub async fn of_measure(
    db: &PgPool,
    m: i64,
    measure: i64,
) -> Result<Option<(i64, String, State)>, sqlx::Error> {
    Ok(sqlx::query!(
        "select acquisition_id, title, state from acquisition where measure_id = $1 and municipality_id = $2",
        measure,
        m
    )
    .fetch_optional(db)
    .await?
    .map(|r| {
        (
            r.acquisition_id,
            r.title,
            State::parse(&r.state).unwrap_or(State::Registered),
        )
    }))
}
