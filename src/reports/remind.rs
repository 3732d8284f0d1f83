//! The reminders by e-mail: the responsible person's 14 and 3 days before a round's due date
//! and the day after if it is still not submitted, and the rådmann's (every active `leder`)
//! when a report is submitted. A background task looks every `REMINDER_INTERVAL_SECS`.
//!
//! Never twice, also with two app instances or across a restart: each reminder is claimed by
//! inserting its `report_reminder` row (unique per round, kind and user) in the transaction that
//! sends it, and committed only once the SMTP server has taken the message. A second sender
//! waits on the row lock, then finds the row there and skips; a failed send rolls back, so the
//! next round tries again. A reminder whose day passed more than `REMINDER_GRACE_DAYS` ago is
//! not sent at all: a first start must not mail a backlog.

use std::time::Duration;

use chrono::{Duration as Days, NaiveDate};
use sqlx::PgPool;

use super::model::{REMINDER_GRACE_DAYS, ReminderKind, plan_closed, reminders_due};
use crate::{
    domain::format_date,
    i18n::{Arg, Lang, k},
    mail::Mailer,
};

/// One reminder to one person.
#[derive(Clone, Debug)]
struct Due {
    round_id: i64,
    municipality_id: i64,
    kind: ReminderKind,
    due: NaiveDate,
    covers_year: i32,
    plan: String,
    user_id: i64,
    email: String,
    name: String,
    lang: Lang,
    /// Who submitted the report (the rådmann's reminder).
    submitter: Option<String>,
}

/// Sends every reminder due on `today` (Norwegian date) that no one has sent yet; returns how
/// many it sent. A reminder that cannot be sent is logged and left for the next round.
pub async fn run_once(
    db: &PgPool,
    mailer: &Mailer,
    base_url: &str,
    today: NaiveDate,
) -> anyhow::Result<usize> {
    let mut due = responsible_reminders(db, today).await?;
    due.extend(submitted_reminders(db, today).await?);
    let mut sent = 0;
    for d in &due {
        match send_one(db, mailer, base_url, today, d).await {
            Ok(true) => sent += 1,
            Ok(false) => {}
            Err(e) => tracing::warn!(
                round = d.round_id,
                kind = d.kind.code(),
                user = d.user_id,
                error = format!("{e:#}"),
                "påminnelsen ble ikke sendt; prøver igjen ved neste runde"
            ),
        }
    }
    Ok(sent)
}

/// Starts the sender: `run_once` every `interval`, with today's date in Norway, logging and
/// carrying on after an error. Without a mailer nothing is started.
pub fn spawn(
    db: PgPool,
    mailer: Option<Mailer>,
    base_url: String,
    interval: Duration,
) -> Option<tokio::task::JoinHandle<()>> {
    let Some(mailer) = mailer else {
        tracing::info!("SMTP_URL er ikke satt: påminnelser og varsler vises bare i appen");
        return None;
    };
    tracing::info!(
        every_secs = interval.as_secs(),
        "sender påminnelser om statusrapporter på e-post"
    );
    Some(tokio::spawn(async move {
        let mut ticks = tokio::time::interval(interval);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let today = crate::domain::today();
            match run_once(&db, &mailer, &base_url, today).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(sent = n, "påminnelser sendt"),
                Err(e) => tracing::warn!(
                    error = format!("{e:#}"),
                    "kunne ikke se etter påminnelser; prøver igjen ved neste runde"
                ),
            }
            // The IKT-råd's notifications and benefits follow-ups share the mailer and the
            // interval.
            match crate::council::remind::run_once(&db, &mailer, &base_url, today).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(sent = n, "varsler om anskaffelsessaker sendt"),
                Err(e) => tracing::warn!(
                    error = format!("{e:#}"),
                    "kunne ikke sende varsler om anskaffelsessaker; prøver igjen ved neste runde"
                ),
            }
        }
    }))
}

/// Claims the reminder and sends it in one transaction: true when this call sent it, false
/// when it was sent (or is being sent) already.
async fn send_one(
    db: &PgPool,
    mailer: &Mailer,
    base_url: &str,
    today: NaiveDate,
    d: &Due,
) -> anyhow::Result<bool> {
    let mut tx = db.begin().await?;
    let claimed = sqlx::query_scalar!(
        r#"
        insert into report_reminder (municipality_id, report_round_id, kind, app_user_id, email)
        values ($1, $2, $3, $4, $5)
        on conflict (report_round_id, kind, app_user_id) do nothing
        returning report_reminder_id
        "#,
        d.municipality_id,
        d.round_id,
        d.kind.code(),
        d.user_id,
        d.email
    )
    .fetch_optional(&mut *tx)
    .await?;
    if claimed.is_none() {
        return Ok(false);
    }
    let (subject, body) = compose(d, today, base_url);
    // Dropping the transaction on an error rolls the claim back.
    mailer.send(&d.email, &d.name, &subject, body).await?;
    tx.commit().await?;
    tracing::info!(
        round = d.round_id,
        kind = d.kind.code(),
        user = d.user_id,
        "påminnelse sendt"
    );
    Ok(true)
}

/// The responsible person's reminders falling on `today`: rounds not cancelled, not
/// submitted, in plans still running, to each active user who is the plan's responsible person.
async fn responsible_reminders(db: &PgPool, today: NaiveDate) -> anyhow::Result<Vec<Due>> {
    // Only rounds due within reach of a reminder day; `reminders_due` decides exactly.
    let from = today - Days::days(ReminderKind::After1.offset_days() + REMINDER_GRACE_DAYS);
    let to = today - Days::days(ReminderKind::Before14.offset_days());
    let rows = sqlx::query!(
        r#"
        select r.report_round_id, r.municipality_id, r.due_date as "due_date: NaiveDate",
               r.covers_year, p.name as plan_name, p.end_year,
               (select max(o.due_date) from report_round o
                 where o.action_plan_id = r.action_plan_id and not o.cancelled) as "last_due?: NaiveDate",
               u.app_user_id, u.email, u.display_name, u.language, m.malform
        from report_round r
        join action_plan p on p.action_plan_id = r.action_plan_id and p.municipality_id = r.municipality_id
        join report_team t on t.action_plan_id = r.action_plan_id and t.municipality_id = r.municipality_id
        join app_user u on u.person_id = t.responsible_person_id
                       and u.municipality_id = r.municipality_id and u.active
        join municipality m on m.municipality_id = r.municipality_id
        where not r.cancelled and r.state in ('not_started', 'draft')
          and r.due_date between $1::date and $2::date
        order by r.report_round_id, u.app_user_id
        "#,
        from as NaiveDate,
        to as NaiveDate
    )
    .fetch_all(db)
    .await?;
    let mut out = Vec::new();
    for r in rows {
        if plan_closed(r.end_year, r.last_due, today) {
            continue;
        }
        for kind in reminders_due(r.due_date, today) {
            out.push(Due {
                round_id: r.report_round_id,
                municipality_id: r.municipality_id,
                kind,
                due: r.due_date,
                covers_year: r.covers_year,
                plan: r.plan_name.clone(),
                user_id: r.app_user_id,
                email: r.email.clone(),
                name: r.display_name.clone(),
                lang: Lang::resolve(r.language.as_deref(), &r.malform),
                submitter: None,
            });
        }
    }
    Ok(out)
}

/// The rådmann's reminders: every report submitted (Norwegian date) within the grace days, to
/// every active user of its municipality with the role `leder`.
async fn submitted_reminders(db: &PgPool, today: NaiveDate) -> anyhow::Result<Vec<Due>> {
    let from = today - Days::days(REMINDER_GRACE_DAYS);
    let rows = sqlx::query!(
        r#"
        select r.report_round_id, r.municipality_id, r.due_date as "due_date: NaiveDate",
               r.covers_year, coalesce(r.frozen_plan_name, p.name) as "plan_name!",
               s.display_name as "submitter?",
               u.app_user_id, u.email, u.display_name, u.language, m.malform
        from report_round r
        join action_plan p on p.action_plan_id = r.action_plan_id and p.municipality_id = r.municipality_id
        left join app_user s on s.app_user_id = r.submitted_by and s.municipality_id = r.municipality_id
        join app_user u on u.municipality_id = r.municipality_id and u.active and 'leder' = any(u.roles)
        join municipality m on m.municipality_id = r.municipality_id
        where r.state in ('submitted', 'acknowledged')
          and (r.submitted_at at time zone 'Europe/Oslo')::date between $1::date and $2::date
        order by r.report_round_id, u.app_user_id
        "#,
        from as NaiveDate,
        today as NaiveDate
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Due {
            round_id: r.report_round_id,
            municipality_id: r.municipality_id,
            kind: ReminderKind::Submitted,
            due: r.due_date,
            covers_year: r.covers_year,
            plan: r.plan_name,
            user_id: r.app_user_id,
            email: r.email,
            name: r.display_name,
            lang: Lang::resolve(r.language.as_deref(), &r.malform),
            submitter: r.submitter,
        })
        .collect())
}

/// The subject and plain-text body, in the recipient's language.
fn compose(d: &Due, today: NaiveDate, base_url: &str) -> (String, String) {
    let lang = d.lang;
    let url = format!("{}/reports/{}", base_url.trim_end_matches('/'), d.round_id);
    let args = |extra: Vec<(&'static str, Arg)>| {
        let mut a: Vec<(&str, Arg)> = vec![
            ("plan", d.plan.as_str().into()),
            ("due", format_date(d.due).into()),
            ("year", Arg::Int(d.covers_year.into())),
        ];
        a.extend(extra);
        a
    };
    let (subject_key, body_key, footer_key, extra) = match d.kind {
        ReminderKind::Before14 | ReminderKind::Before3 => (
            k("reminder-subject-before"),
            k("reminder-body-before"),
            k("reminder-footer-responsible"),
            vec![("days", Arg::Int((d.due - today).num_days()))],
        ),
        ReminderKind::After1 => (
            k("reminder-subject-after"),
            k("reminder-body-after"),
            k("reminder-footer-responsible"),
            vec![("days", Arg::Int((today - d.due).num_days()))],
        ),
        ReminderKind::Submitted => (
            k("reminder-subject-submitted"),
            k("reminder-body-submitted"),
            k("reminder-footer-leder"),
            vec![(
                "submitter",
                d.submitter
                    .clone()
                    .unwrap_or_else(|| lang.t("reminder-someone"))
                    .into(),
            )],
        ),
    };
    let a = args(extra);
    let subject = lang.tr(subject_key, &a);
    let body = [
        lang.t1("reminder-greeting", "name", d.name.as_str()),
        String::new(),
        lang.tr(body_key, &a),
        String::new(),
        lang.t1("reminder-link", "url", url),
        String::new(),
        "-- ".to_string(),
        lang.t(footer_key),
        String::new(),
    ]
    .join("\n");
    (subject, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn due(kind: ReminderKind, lang: Lang) -> Due {
        Due {
            round_id: 7,
            municipality_id: 1,
            kind,
            due: NaiveDate::from_ymd_opt(2015, 6, 15).unwrap(),
            covers_year: 2015,
            plan: "IKT-handlingsplan 2014–2016".into(),
            user_id: 1,
            email: "ikt@ringebu.demo".into(),
            name: "Magnus Rønningen".into(),
            lang,
            submitter: Some("Magnus Rønningen".into()),
        }
    }

    #[test]
    fn a_reminder_names_the_plan_the_due_date_the_year_the_days_left_and_links_to_the_round() {
        let today = NaiveDate::from_ymd_opt(2015, 6, 12).unwrap();
        let (subject, body) = compose(
            &due(ReminderKind::Before3, Lang::Nb),
            today,
            "https://ikt.example/",
        );
        assert!(
            subject.contains("IKT-handlingsplan 2014–2016") && subject.contains("15.06.2015"),
            "{subject}"
        );
        assert!(body.contains("Hei Magnus Rønningen"), "{body}");
        assert!(body.contains("3 dager") && body.contains("2015"), "{body}");
        assert!(body.contains("https://ikt.example/reports/7"), "{body}");

        let (_, body) = compose(
            &due(ReminderKind::After1, Lang::Nn),
            today + Days::days(5),
            "http://x",
        );
        assert!(body.contains("2 dagar") && body.contains("ikkje"), "{body}");
    }
}
