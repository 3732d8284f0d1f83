//! The only writes to the IKT-råd's tables. Each takes the transaction, locks the request or
//! the meeting, checks the state (`State::next`) and the version the user's form saw, writes
//! the audit row and tells the requester, all in the caller's transaction.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::model::{
    AcquisitionInput, AcquisitionSnapshot, DecisionInput, MeetingSnapshot, Recommendation, Stance,
    State, Step, Triage,
};
use crate::{
    audit::{self, Action, Actor, Table},
    db::{Outcome, Tx},
    domain::Nok,
};

/// What became of a step.
#[derive(Debug, PartialEq, Eq)]
pub enum Moved {
    Done,
    /// Refused: the form was based on an older version; who saved since, and when.
    Stale {
        by: Option<String>,
        at: String,
    },
    /// Refused: the request (or meeting) is not where this step can be taken; where it is.
    NotNow(State),
    /// The meeting is closed: what was said there is frozen.
    Closed,
    /// Not this municipality's.
    NotFound,
}

impl Moved {
    /// What a page says when the step was not taken: a message for the flash, or the error
    /// page for a record that is not the municipality's.
    pub fn refusal(self) -> Result<crate::i18n::Msg, crate::error::AppError> {
        use crate::{error::AppError, i18n::Msg};
        Ok(match self {
            Moved::Done => {
                return Err(AppError::Internal(anyhow::anyhow!(
                    "a step taken is no refusal"
                )));
            }
            Moved::NotFound => return Err(AppError::NotFound),
            Moved::Stale { by, at } => Msg::with(
                "council-stale",
                [("who", by.unwrap_or_default().into()), ("when", at.into())],
            ),
            Moved::NotNow(s) => Msg::with(
                "council-not-now",
                [("state", Msg::new(s.label_key()).into())],
            ),
            Moved::Closed => Msg::new("council-meeting-is-closed"),
        })
    }
}

async fn stale(tx: &mut Tx<'_>, m: i64, table: Table, id: i64) -> Result<Moved, sqlx::Error> {
    Ok(match audit::stale(tx, m, table, id).await? {
        Outcome::Stale { by, at } => Moved::Stale { by, at },
        Outcome::Saved | Outcome::Unchanged => Moved::Stale {
            by: None,
            at: String::new(),
        },
    })
}

fn nok(d: Option<Decimal>) -> Option<String> {
    d.map(|d| Nok(d).to_string())
}

pub async fn snapshot(
    tx: &mut Tx<'_>,
    m: i64,
    id: i64,
) -> Result<AcquisitionSnapshot, sqlx::Error> {
    let r = sqlx::query!(
        r#"
        select a.title, a.need, u.name as "unit?", p.name as "system_owner?", s.name as "system?",
               a.investment, a.running_cost, a.financing, a.urgency, a.benefits, a.state,
               a.triage_comment, a.decided_financing, a.decided_amount, a.decided_priority,
               a.archive_ref, a.decision_reason, to_char(a.decided_on, 'DD.MM.YYYY') as decided_on,
               me.title as "measure?",
               (select string_agg(cp.position || '. ' || aa.answer, E'\n' order by cp.position)
                  from acquisition_answer aa
                  join council_principle cp using (council_principle_id)
                 where aa.acquisition_id = a.acquisition_id) as answers,
               ag.held_on as "meeting?", ag.priority as "priority?", ag.reason as "reason?"
          from acquisition a
          left join unit u on u.unit_id = a.unit_id
          left join person p on p.person_id = a.system_owner_person_id
          left join system s on s.system_id = a.system_id
          left join measure me on me.measure_id = a.measure_id
          left join lateral (
              select to_char(cm.held_on, 'DD.MM.YYYY') as held_on, ca.priority, ca.reason
                from council_agenda ca
                join council_meeting cm using (council_meeting_id)
               where ca.acquisition_id = a.acquisition_id
               order by cm.held_on desc, cm.council_meeting_id desc limit 1
          ) ag on true
         where a.acquisition_id = $1 and a.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(AcquisitionSnapshot {
        title: r.title,
        need: r.need,
        unit: r.unit,
        system_owner: r.system_owner,
        system: r.system,
        investment: nok(r.investment),
        running_cost: nok(r.running_cost),
        financing: r.financing,
        urgency: r.urgency,
        benefits: r.benefits,
        answers: r.answers,
        state: r.state,
        triage_comment: r.triage_comment,
        meeting: r.meeting,
        recommendation_priority: r.priority,
        recommendation_reason: r.reason,
        decided_financing: r.decided_financing,
        decided_amount: nok(r.decided_amount),
        decided_priority: r.decided_priority,
        archive_ref: r.archive_ref,
        decision_reason: r.decision_reason,
        decided_on: r.decided_on,
        measure: r.measure,
    })
}

/// Tells the request's requester what became of it (not when they did it themself).
async fn notify(tx: &mut Tx<'_>, actor: Actor, id: i64, kind: &str) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"
        insert into notification (municipality_id, app_user_id, acquisition_id, kind)
        select a.municipality_id, a.requested_by, a.acquisition_id, $3
          from acquisition a
          join app_user u on u.app_user_id = a.requested_by and u.active
         where a.acquisition_id = $1 and a.municipality_id = $2
           and a.requested_by is distinct from $4
        "#,
        id,
        actor.municipality_id,
        kind,
        actor.user_id
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn write_answers(
    tx: &mut Tx<'_>,
    m: i64,
    id: i64,
    answers: &[(i64, String)],
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "delete from acquisition_answer where acquisition_id = $1 and municipality_id = $2",
        id,
        m
    )
    .execute(&mut **tx)
    .await?;
    let (ids, texts): (Vec<i64>, Vec<String>) = answers.iter().cloned().unzip();
    sqlx::query!(
        r#"
        insert into acquisition_answer (acquisition_id, council_principle_id, municipality_id, answer)
        select $1, p.council_principle_id, $2, x.answer
          from unnest($3::bigint[], $4::text[]) as x(pid, answer)
          join council_principle p on p.council_principle_id = x.pid and p.municipality_id = $2
        "#,
        id,
        m,
        &ids,
        &texts
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Registers a request for `requested_by`, from the measure `measure_id` when it came from one.
pub async fn insert(
    tx: &mut Tx<'_>,
    actor: Actor,
    input: &AcquisitionInput,
    requested_by: Option<i64>,
    measure_id: Option<i64>,
) -> Result<i64, sqlx::Error> {
    let m = actor.municipality_id;
    let id = sqlx::query_scalar!(
        r#"
        insert into acquisition (municipality_id, title, need, unit_id, system_owner_person_id,
                                 system_id, investment, running_cost, financing, urgency,
                                 benefits, requested_by, measure_id)
        values ($1, $2, $3,
                (select unit_id from unit where unit_id = $4 and municipality_id = $1),
                (select person_id from person where person_id = $5 and municipality_id = $1),
                (select system_id from system where system_id = $6 and municipality_id = $1),
                $7, $8, $9, $10, $11,
                (select app_user_id from app_user where app_user_id = $12 and municipality_id = $1),
                (select measure_id from measure where measure_id = $13 and municipality_id = $1))
        returning acquisition_id
        "#,
        m,
        input.title,
        input.need,
        input.unit_id,
        input.system_owner_person_id,
        input.system_id,
        input.investment.map(|n| n.0),
        input.running_cost.map(|n| n.0),
        input.financing.map(|f| f.code()),
        input.urgency.map(|u| u.code()).unwrap_or("normal"),
        input.benefits,
        requested_by,
        measure_id
    )
    .fetch_one(&mut **tx)
    .await?;
    write_answers(tx, m, id, &input.answers).await?;
    let after = snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    Ok(id)
}

/// Moves a locked request to `next` (the caller audits it).
async fn set_state(tx: &mut Tx<'_>, m: i64, id: i64, next: State) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "update acquisition set state = $3, version = version + 1, updated_at = now() where acquisition_id = $1 and municipality_id = $2",
        id,
        m,
        next.code()
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Locks the request: its state and version, or `None` when it is not the municipality's.
async fn lock(tx: &mut Tx<'_>, m: i64, id: i64) -> Result<Option<(State, i32)>, sqlx::Error> {
    let r = sqlx::query!(
        "select state, version from acquisition where acquisition_id = $1 and municipality_id = $2 for update",
        id,
        m
    )
    .fetch_optional(&mut **tx)
    .await?;
    Ok(r.map(|r| {
        (
            State::parse(&r.state).unwrap_or(State::Registered),
            r.version,
        )
    }))
}

/// Saves the request's fields while it may still be changed. A request sent back for more
/// information goes back to the secretariat when saved (`Step::Resubmit`).
pub async fn update(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    based_on: Option<i32>,
    input: &AcquisitionInput,
) -> Result<Moved, sqlx::Error> {
    let m = actor.municipality_id;
    let Some((state, version)) = lock(tx, m, id).await? else {
        return Ok(Moved::NotFound);
    };
    if based_on != Some(version) {
        return stale(tx, m, Table::Acquisition, id).await;
    }
    if !state.editable() {
        return Ok(Moved::NotNow(state));
    }
    let next = state.next(Step::Resubmit).unwrap_or(state);
    let before = snapshot(tx, m, id).await?;
    sqlx::query!(
        r#"
        update acquisition set title = $3, need = $4,
               unit_id = (select unit_id from unit where unit_id = $5 and municipality_id = $2),
               system_owner_person_id = (select person_id from person where person_id = $6 and municipality_id = $2),
               system_id = (select system_id from system where system_id = $7 and municipality_id = $2),
               investment = $8, running_cost = $9, financing = $10, urgency = $11, benefits = $12,
               state = $13, version = version + 1, updated_at = now()
         where acquisition_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        input.title,
        input.need,
        input.unit_id,
        input.system_owner_person_id,
        input.system_id,
        input.investment.map(|n| n.0),
        input.running_cost.map(|n| n.0),
        input.financing.map(|f| f.code()),
        input.urgency.map(|u| u.code()).unwrap_or("normal"),
        input.benefits,
        next.code()
    )
    .execute(&mut **tx)
    .await?;
    write_answers(tx, m, id, &input.answers).await?;
    let after = snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(Moved::Done)
}

/// The secretariat's step: ask for more, clear it, or put it on an open meeting's agenda.
/// `threshold` is checked again here, under the lock, against the saved investment.
pub async fn triage(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    based_on: Option<i32>,
    triage: Triage,
    comment: Option<&str>,
) -> Result<Moved, sqlx::Error> {
    let m = actor.municipality_id;
    let Some((state, version)) = lock(tx, m, id).await? else {
        return Ok(Moved::NotFound);
    };
    if based_on != Some(version) {
        return stale(tx, m, Table::Acquisition, id).await;
    }
    let step = match triage {
        Triage::SendBack => Step::SendBack,
        Triage::Clear => Step::Clear,
        Triage::Agenda(_) => Step::Agenda,
    };
    let Some(next) = state.next(step) else {
        return Ok(Moved::NotNow(state));
    };
    if let Triage::Agenda(meeting) = triage {
        if let Some(refused) = open_meeting(tx, m, meeting).await? {
            return Ok(refused);
        }
        sqlx::query!(
            r#"
            insert into council_agenda (council_meeting_id, acquisition_id, municipality_id, position)
            values ($1, $2, $3, (select coalesce(max(position), 0) + 1 from council_agenda where council_meeting_id = $1))
            on conflict do nothing
            "#,
            meeting,
            id,
            m
        )
        .execute(&mut **tx)
        .await?;
    }
    if triage == Triage::Clear {
        let ok = sqlx::query_scalar!(
            r#"
            select (a.investment is not null and mu.council_clear_threshold is not null
                    and a.investment <= mu.council_clear_threshold) as "ok!"
              from acquisition a join municipality mu using (municipality_id)
             where a.acquisition_id = $1
            "#,
            id
        )
        .fetch_one(&mut **tx)
        .await?;
        if !ok {
            return Ok(Moved::NotNow(state));
        }
    }
    let before = snapshot(tx, m, id).await?;
    sqlx::query!(
        r#"
        update acquisition set state = $3, triage_comment = coalesce($4, triage_comment),
               version = version + 1, updated_at = now()
         where acquisition_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        next.code(),
        comment
    )
    .execute(&mut **tx)
    .await?;
    let after = snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    if let Some(kind) = next.notification() {
        notify(tx, actor, id, kind).await?;
    }
    Ok(Moved::Done)
}

/// Locks a meeting: whether it is open, or `None` when it is not the municipality's.
async fn lock_meeting(tx: &mut Tx<'_>, m: i64, meeting: i64) -> Result<Option<bool>, sqlx::Error> {
    sqlx::query_scalar!(
        "select closed_at is null as \"open!\" from council_meeting where council_meeting_id = $1 and municipality_id = $2 for update",
        meeting,
        m
    )
    .fetch_optional(&mut **tx)
    .await
}

/// Locks the meeting; the refusal when it is not the municipality's or is closed.
async fn open_meeting(tx: &mut Tx<'_>, m: i64, meeting: i64) -> Result<Option<Moved>, sqlx::Error> {
    Ok(match lock_meeting(tx, m, meeting).await? {
        None => Some(Moved::NotFound),
        Some(false) => Some(Moved::Closed),
        Some(true) => None,
    })
}

/// Audits a change of the meeting against its snapshot `before`.
async fn meeting_changed(
    tx: &mut Tx<'_>,
    actor: Actor,
    meeting: i64,
    before: &MeetingSnapshot,
) -> Result<(), sqlx::Error> {
    let after = meeting_snapshot(tx, actor.municipality_id, meeting).await?;
    audit::record(
        tx,
        actor,
        Action::Update,
        meeting,
        Some(before),
        Some(&after),
    )
    .await?;
    Ok(())
}

pub async fn meeting_snapshot(
    tx: &mut Tx<'_>,
    m: i64,
    meeting: i64,
) -> Result<MeetingSnapshot, sqlx::Error> {
    let r = sqlx::query!(
        r#"
        select to_char(cm.held_on, 'DD.MM.YYYY') as "held_on!", cm.place, cm.closed_at is not null as "closed!",
               (select string_agg(mb.title, '; ' order by mb.position)
                  from council_attendance at join council_member mb using (council_member_id)
                 where at.council_meeting_id = cm.council_meeting_id) as attendance,
               (select string_agg(ca.position || '. ' || a.title, '; ' order by ca.position)
                  from council_agenda ca join acquisition a using (acquisition_id)
                 where ca.council_meeting_id = cm.council_meeting_id) as agenda,
               (select string_agg(mb.title || ' – ' || a.title || ': ' || s.stance || ' – ' || s.reason,
                                  E'\n' order by ca.position, mb.position)
                  from council_assessment s
                  join council_member mb using (council_member_id)
                  join council_agenda ca on ca.council_meeting_id = s.council_meeting_id
                                        and ca.acquisition_id = s.acquisition_id
                  join acquisition a on a.acquisition_id = s.acquisition_id
                 where s.council_meeting_id = cm.council_meeting_id) as assessments
          from council_meeting cm
         where cm.council_meeting_id = $1 and cm.municipality_id = $2
        "#,
        meeting,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(MeetingSnapshot {
        held_on: r.held_on,
        place: r.place,
        attendance: r.attendance,
        agenda: r.agenda,
        assessments: r.assessments,
        closed: r.closed,
    })
}

pub async fn insert_meeting(
    tx: &mut Tx<'_>,
    actor: Actor,
    held_on: NaiveDate,
    place: Option<&str>,
) -> Result<i64, sqlx::Error> {
    let m = actor.municipality_id;
    let id = sqlx::query_scalar!(
        "insert into council_meeting (municipality_id, held_on, place) values ($1, $2, $3) returning council_meeting_id",
        m,
        held_on as _,
        place
    )
    .fetch_one(&mut **tx)
    .await?;
    let after = meeting_snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    Ok(id)
}

/// Who was present: the council's members among `members` (ids), replacing what was saved.
pub async fn set_attendance(
    tx: &mut Tx<'_>,
    actor: Actor,
    meeting: i64,
    members: &[i64],
) -> Result<Moved, sqlx::Error> {
    let m = actor.municipality_id;
    if let Some(refused) = open_meeting(tx, m, meeting).await? {
        return Ok(refused);
    }
    let before = meeting_snapshot(tx, m, meeting).await?;
    sqlx::query!(
        "delete from council_attendance where council_meeting_id = $1 and municipality_id = $2",
        meeting,
        m
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        r#"
        insert into council_attendance (council_meeting_id, council_member_id, municipality_id)
        select $1, council_member_id, $2 from council_member
         where municipality_id = $2 and council_member_id = any($3)
        "#,
        meeting,
        m,
        members
    )
    .execute(&mut **tx)
    .await?;
    meeting_changed(tx, actor, meeting, &before).await?;
    Ok(Moved::Done)
}

/// A member's assessment of an item, saved over their earlier one, while the meeting is open.
pub async fn assess(
    tx: &mut Tx<'_>,
    actor: Actor,
    meeting: i64,
    acquisition: i64,
    member: i64,
    stance: Stance,
    reason: &str,
) -> Result<Moved, sqlx::Error> {
    let m = actor.municipality_id;
    if let Some(refused) = open_meeting(tx, m, meeting).await? {
        return Ok(refused);
    }
    let on_agenda = sqlx::query_scalar!(
        r#"select exists (select 1 from council_agenda where council_meeting_id = $1 and acquisition_id = $2 and municipality_id = $3) as "e!""#,
        meeting,
        acquisition,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    if !on_agenda {
        return Ok(Moved::NotFound);
    }
    let before = meeting_snapshot(tx, m, meeting).await?;
    sqlx::query!(
        r#"
        insert into council_assessment (council_meeting_id, acquisition_id, council_member_id,
                                        municipality_id, stance, reason)
        values ($1, $2, $3, $4, $5, $6)
        on conflict (council_meeting_id, acquisition_id, council_member_id)
        do update set stance = excluded.stance, reason = excluded.reason, updated_at = now()
        "#,
        meeting,
        acquisition,
        member,
        m,
        stance.code(),
        reason
    )
    .execute(&mut **tx)
    .await?;
    meeting_changed(tx, actor, meeting, &before).await?;
    Ok(Moved::Done)
}

/// The chair's recommendation on an item, while the meeting is open; moves the request to
/// recommended or not recommended.
pub async fn recommend(
    tx: &mut Tx<'_>,
    actor: Actor,
    meeting: i64,
    acquisition: i64,
    r: &Recommendation,
) -> Result<Moved, sqlx::Error> {
    let m = actor.municipality_id;
    if let Some(refused) = open_meeting(tx, m, meeting).await? {
        return Ok(refused);
    }
    let Some((state, _)) = lock(tx, m, acquisition).await? else {
        return Ok(Moved::NotFound);
    };
    let Some(next) = state.next(Step::Recommend(r.recommended)) else {
        return Ok(Moved::NotNow(state));
    };
    let before = snapshot(tx, m, acquisition).await?;
    let updated = sqlx::query!(
        r#"
        update council_agenda set recommended = $4, priority = $5, reason = $6, recommended_by = $7
         where council_meeting_id = $1 and acquisition_id = $2 and municipality_id = $3
        "#,
        meeting,
        acquisition,
        m,
        r.recommended,
        r.priority,
        r.reason,
        actor.user_id
    )
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if updated == 0 {
        return Ok(Moved::NotFound);
    }
    set_state(tx, m, acquisition, next).await?;
    let after = snapshot(tx, m, acquisition).await?;
    audit::record(
        tx,
        actor,
        Action::Update,
        acquisition,
        Some(&before),
        Some(&after),
    )
    .await?;
    // A changed recommendation is news only when it changes the answer.
    if next != state
        && let Some(kind) = next.notification()
    {
        notify(tx, actor, acquisition, kind).await?;
    }
    Ok(Moved::Done)
}

/// Closes a meeting: its assessments and recommendations freeze, and every item left without
/// a recommendation goes back to the secretariat.
pub async fn close_meeting(
    tx: &mut Tx<'_>,
    actor: Actor,
    meeting: i64,
) -> Result<Moved, sqlx::Error> {
    let m = actor.municipality_id;
    if let Some(refused) = open_meeting(tx, m, meeting).await? {
        return Ok(refused);
    }
    let before = meeting_snapshot(tx, m, meeting).await?;
    sqlx::query!(
        "update council_meeting set closed_at = now(), version = version + 1 where council_meeting_id = $1 and municipality_id = $2",
        meeting,
        m
    )
    .execute(&mut **tx)
    .await?;
    meeting_changed(tx, actor, meeting, &before).await?;
    let left = sqlx::query_scalar!(
        r#"
        select a.acquisition_id from council_agenda ca
          join acquisition a using (acquisition_id)
         where ca.council_meeting_id = $1 and ca.municipality_id = $2
           and ca.recommended is null and a.state = 'on_agenda'
         order by ca.position
        "#,
        meeting,
        m
    )
    .fetch_all(&mut **tx)
    .await?;
    for id in left {
        let Some((state, _)) = lock(tx, m, id).await? else {
            continue;
        };
        let Some(next) = state.next(Step::Return) else {
            continue;
        };
        let before = snapshot(tx, m, id).await?;
        set_state(tx, m, id, next).await?;
        let after = snapshot(tx, m, id).await?;
        audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
        notify(tx, actor, id, "returned").await?;
    }
    Ok(Moved::Done)
}

/// RLT's decision. An approval links the request to a measure: the one it came from, else a
/// new one in `input.plan_id` with the decided amount and financing; with no plan chosen the
/// approval stands and the link is made later. Returns the new measure's id, if one was made.
pub async fn decide(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    based_on: Option<i32>,
    input: &DecisionInput,
) -> Result<(Moved, Option<i64>), sqlx::Error> {
    let m = actor.municipality_id;
    let Some((state, version)) = lock(tx, m, id).await? else {
        return Ok((Moved::NotFound, None));
    };
    if based_on != Some(version) {
        return Ok((stale(tx, m, Table::Acquisition, id).await?, None));
    }
    let Some(next) = state.next(Step::Decide(input.decision)) else {
        return Ok((Moved::NotNow(state), None));
    };
    let before = snapshot(tx, m, id).await?;
    sqlx::query!(
        r#"
        update acquisition set state = $3, decided_financing = $4, decided_amount = $5,
               decided_priority = $6, archive_ref = $7, decision_reason = $8, decided_on = $9,
               decided_by = $10, version = version + 1, updated_at = now()
         where acquisition_id = $1 and municipality_id = $2
        "#,
        id,
        m,
        next.code(),
        input.financing.map(|f| f.code()),
        input.amount.map(|a| a.0),
        input.priority,
        input.archive_ref,
        input.reason,
        input.decided_on as _,
        actor.user_id
    )
    .execute(&mut **tx)
    .await?;
    let mut made = None;
    if next == State::Approved
        && let Some(plan) = input.plan_id
    {
        made = link_new_measure(tx, actor, id, plan).await?;
    }
    let after = snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    if let Some(kind) = next.notification() {
        notify(tx, actor, id, kind).await?;
    }
    Ok((Moved::Done, made))
}

/// Links an approved request that has no measure yet to a new one in `plan`, audited.
pub async fn link_later(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    plan: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let m = actor.municipality_id;
    let before = snapshot(tx, m, id).await?;
    let made = link_new_measure(tx, actor, id, plan).await?;
    if made.is_some() {
        let after = snapshot(tx, m, id).await?;
        audit::record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    }
    Ok(made)
}

/// Makes the measure an approved request without one becomes, in `plan`, and links it: the
/// request's title and need, one cost line with the decided amount and financing. `None` when
/// the request has a measure already or the plan is not the municipality's.
async fn link_new_measure(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    plan: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let m = actor.municipality_id;
    let Some(r) = sqlx::query!(
        r#"
        select title, need, decided_amount, decided_financing, archive_ref, measure_id, state
          from acquisition where acquisition_id = $1 and municipality_id = $2 for update
        "#,
        id,
        m
    )
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(None);
    };
    if r.measure_id.is_some() || r.state != State::Approved.code() {
        return Ok(None);
    }
    let plan = sqlx::query_scalar!(
        "select action_plan_id from action_plan where action_plan_id = $1 and municipality_id = $2",
        plan,
        m
    )
    .fetch_optional(&mut **tx)
    .await?;
    let Some(plan) = plan else {
        return Ok(None);
    };
    use crate::measures::model::{CostInput, MeasureInput};
    let financing = r
        .decided_financing
        .as_deref()
        .and_then(super::model::Financing::parse);
    let from = match &r.archive_ref {
        Some(a) => format!("Fra anskaffelsessak {id} (arkivsak {a})."),
        None => format!("Fra anskaffelsessak {id}."),
    };
    let title: String = r.title.chars().take(200).collect();
    let input = MeasureInput {
        title,
        description: Some(match &r.need {
            Some(n) => format!("{n}\n\n{from}"),
            None => from,
        }),
        costs: vec![CostInput {
            description: None,
            amount: r.decided_amount.map(Nok),
            amount_note: None,
            financing: financing.map(|f| f.measure_financing()).unwrap_or_default(),
            financing_project: None,
            remark: None,
        }],
        ..Default::default()
    };
    let measure = crate::measures::store::insert(tx, actor, plan, &input).await?;
    sqlx::query!(
        "update acquisition set measure_id = $3, version = version + 1 where acquisition_id = $1 and municipality_id = $2",
        id,
        m,
        measure
    )
    .execute(&mut **tx)
    .await?;
    Ok(Some(measure))
}

/// Marks the user's notifications read. Not audited: it changes nothing anyone else sees.
pub async fn mark_read(
    tx: &mut Tx<'_>,
    user: &crate::auth::CurrentUser,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "update notification set read_at = now() where app_user_id = $1 and municipality_id = $2 and read_at is null",
        user.user_id,
        user.municipality_id
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn benefit_snapshot(
    tx: &mut Tx<'_>,
    m: i64,
    id: i64,
) -> Result<super::model::BenefitSnapshot, sqlx::Error> {
    let r = sqlx::query!(
        r#"
        select a.title as acquisition, b.kind, b.indicator, b.baseline, b.target,
               to_char(b.target_date, 'DD.MM.YYYY') as target_date, p.name as "responsible?",
               (select string_agg(to_char(f.measured_on, 'DD.MM.YYYY') || ': ' || replace(trim_scale(f.value)::text, '.', ',')
                                  || coalesce(' (' || f.note || ')', ''), '; ' order by f.measured_on, f.benefit_followup_id)
                  from benefit_followup f where f.benefit_id = b.benefit_id) as followups
          from benefit b
          join acquisition a using (acquisition_id)
          left join person p on p.person_id = b.responsible_person_id
         where b.benefit_id = $1 and b.municipality_id = $2
        "#,
        id,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    let num = |d: Option<Decimal>| d.map(|d| crate::domain::format_decimal(d.normalize()));
    Ok(super::model::BenefitSnapshot {
        acquisition: r.acquisition,
        kind: r.kind,
        indicator: r.indicator,
        baseline: num(r.baseline),
        target: num(r.target),
        target_date: r.target_date,
        responsible: r.responsible,
        followups: r.followups,
    })
}

/// Adds a benefit to an approved request; `None` when the request is not the municipality's
/// or not approved (only an approved acquisition has benefits to realise).
pub async fn insert_benefit(
    tx: &mut Tx<'_>,
    actor: Actor,
    acquisition: i64,
    input: &super::model::BenefitInput,
) -> Result<Option<i64>, sqlx::Error> {
    let m = actor.municipality_id;
    match lock(tx, m, acquisition).await? {
        Some((State::Approved, _)) => {}
        _ => return Ok(None),
    }
    let id = sqlx::query_scalar!(
        r#"
        insert into benefit (municipality_id, acquisition_id, kind, indicator, baseline, target,
                             target_date, responsible_person_id)
        values ($1, $2, $3, $4, $5, $6, $7,
                (select person_id from person where person_id = $8 and municipality_id = $1))
        returning benefit_id
        "#,
        m,
        acquisition,
        input.kind.code(),
        input.indicator,
        input.baseline,
        input.target,
        input.target_date as _,
        input.responsible_person_id
    )
    .fetch_one(&mut **tx)
    .await?;
    let after = benefit_snapshot(tx, m, id).await?;
    audit::record(tx, actor, Action::Create, id, None, Some(&after)).await?;
    Ok(Some(id))
}

/// Records a measured value of a benefit; `None` when the benefit is not the municipality's.
pub async fn add_followup(
    tx: &mut Tx<'_>,
    actor: Actor,
    benefit: i64,
    measured_on: NaiveDate,
    value: Decimal,
    note: Option<&str>,
) -> Result<Option<()>, sqlx::Error> {
    let m = actor.municipality_id;
    let found = sqlx::query_scalar!(
        "select benefit_id from benefit where benefit_id = $1 and municipality_id = $2 for update",
        benefit,
        m
    )
    .fetch_optional(&mut **tx)
    .await?;
    if found.is_none() {
        return Ok(None);
    }
    let before = benefit_snapshot(tx, m, benefit).await?;
    sqlx::query!(
        r#"
        insert into benefit_followup (municipality_id, benefit_id, measured_on, value, note)
        values ($1, $2, $3, $4, $5)
        "#,
        m,
        benefit,
        measured_on as _,
        value,
        note
    )
    .execute(&mut **tx)
    .await?;
    let after = benefit_snapshot(tx, m, benefit).await?;
    audit::record(
        tx,
        actor,
        Action::Update,
        benefit,
        Some(&before),
        Some(&after),
    )
    .await?;
    Ok(Some(()))
}

pub async fn council_snapshot(
    tx: &mut Tx<'_>,
    m: i64,
) -> Result<super::model::CouncilSnapshot, sqlx::Error> {
    let r = sqlx::query!(
        r#"
        select mu.name, mu.council_clear_threshold,
               (select string_agg(p.position || '. ' || p.text || case when p.active then '' else ' (ikke i bruk)' end,
                                  E'\n' order by p.position)
                  from council_principle p where p.municipality_id = mu.municipality_id) as principles,
               (select string_agg(mb.title || coalesce(' – ' || u.display_name, '') || case when mb.chair then ' (leder)' else '' end,
                                  E'\n' order by mb.position)
                  from council_member mb left join app_user u on u.app_user_id = mb.app_user_id
                 where mb.municipality_id = mu.municipality_id) as members
          from municipality mu where mu.municipality_id = $1
        "#,
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(super::model::CouncilSnapshot {
        name: r.name,
        council_clear_threshold: nok(r.council_clear_threshold),
        council_principles: r.principles,
        council_members: r.members,
    })
}

/// Runs `change` on the council's settings and audits it as one change of the municipality;
/// false (and no audit row) when nothing changed.
async fn settings_change(
    tx: &mut Tx<'_>,
    actor: Actor,
    change: impl AsyncFnOnce(&mut Tx<'_>) -> Result<(), sqlx::Error>,
) -> Result<bool, sqlx::Error> {
    let m = actor.municipality_id;
    // One settings change at a time per municipality.
    sqlx::query!(
        "select municipality_id from municipality where municipality_id = $1 for update",
        m
    )
    .fetch_one(&mut **tx)
    .await?;
    let before = council_snapshot(tx, m).await?;
    change(tx).await?;
    let after = council_snapshot(tx, m).await?;
    if before == after {
        return Ok(false);
    }
    audit::record(tx, actor, Action::Update, m, Some(&before), Some(&after)).await?;
    Ok(true)
}

pub async fn set_threshold(
    tx: &mut Tx<'_>,
    actor: Actor,
    threshold: Option<Nok>,
) -> Result<bool, sqlx::Error> {
    let m = actor.municipality_id;
    settings_change(tx, actor, async |tx: &mut Tx<'_>| {
        sqlx::query!(
            "update municipality set council_clear_threshold = $2 where municipality_id = $1",
            m,
            threshold.map(|t| t.0)
        )
        .execute(&mut **tx)
        .await
        .map(|_| ())
    })
    .await
}

pub async fn add_principle(tx: &mut Tx<'_>, actor: Actor, text: &str) -> Result<bool, sqlx::Error> {
    let m = actor.municipality_id;
    settings_change(tx, actor, async |tx: &mut Tx<'_>| {
        sqlx::query!(
            r#"
            insert into council_principle (municipality_id, position, text)
            values ($1, (select coalesce(max(position), 0) + 1 from council_principle where municipality_id = $1), $2)
            "#,
            m,
            text
        )
        .execute(&mut **tx)
        .await
        .map(|_| ())
    })
    .await
}

/// Takes a principle out of use (or back): the answers given to it stay.
pub async fn set_principle_active(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: i64,
    active: bool,
) -> Result<bool, sqlx::Error> {
    let m = actor.municipality_id;
    settings_change(tx, actor, async |tx: &mut Tx<'_>| {
        sqlx::query!(
            "update council_principle set active = $3 where council_principle_id = $1 and municipality_id = $2",
            id,
            m,
            active
        )
        .execute(&mut **tx)
        .await
        .map(|_| ())
    })
    .await
}

/// Adds a seat (`id` None) or changes one. A new chair takes the flag from the old one.
pub async fn save_member(
    tx: &mut Tx<'_>,
    actor: Actor,
    id: Option<i64>,
    input: &super::model::MemberInput,
) -> Result<bool, sqlx::Error> {
    let m = actor.municipality_id;
    settings_change(tx, actor, async |tx: &mut Tx<'_>| {
        if input.chair {
            sqlx::query!(
                "update council_member set chair = false where municipality_id = $1 and chair and council_member_id is distinct from $2",
                m,
                id
            )
            .execute(&mut **tx)
            .await?;
        }
        match id {
            Some(id) => sqlx::query!(
                r#"
                update council_member set title = $3, chair = $5,
                       app_user_id = (select app_user_id from app_user where app_user_id = $4 and municipality_id = $2)
                 where council_member_id = $1 and municipality_id = $2
                "#,
                id,
                m,
                input.title,
                input.user_id,
                input.chair
            )
            .execute(&mut **tx)
            .await
            .map(|_| ()),
            None => sqlx::query!(
                r#"
                insert into council_member (municipality_id, position, title, app_user_id, chair)
                values ($1, (select coalesce(max(position), 0) + 1 from council_member where municipality_id = $1), $2,
                        (select app_user_id from app_user where app_user_id = $3 and municipality_id = $1), $4)
                "#,
                m,
                input.title,
                input.user_id,
                input.chair
            )
            .execute(&mut **tx)
            .await
            .map(|_| ()),
        }
    })
    .await
}
