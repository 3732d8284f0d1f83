//! What the requester is told, by e-mail, through the reminder loop's mailer (issue 10's): every
//! notification a step wrote (`notification`, the outbox), and the benefits follow-ups 6 and 12
//! months after an approval.
//!
//! A follow-up reminder is written once: its notification row is unique per request, months
//! and person (`notification_followup_once`), so a second run, a restart or a second instance
//! inserts nothing. A notification is e-mailed once: the sender locks the unsent row (`for
//! update skip locked`, so a second sender passes it by), sends, and marks it sent in the same
//! transaction; a failed send rolls back and the next round tries again. Nothing older than
//! `GRACE_DAYS` goes out, so a first start does not mail a backlog.

use chrono::NaiveDate;
use sqlx::PgPool;

use super::model::{FOLLOWUP_MONTHS, followup_due, notification_key};
use crate::{
    i18n::{Lang, k},
    mail::Mailer,
};

/// How old a notification may be and still be e-mailed, and how late a follow-up reminder may
/// still be written.
pub const GRACE_DAYS: i64 = 2;

/// Writes the follow-up reminders due on `today` and e-mails every notification not yet sent;
/// returns how many e-mails it sent.
pub async fn run_once(
    db: &PgPool,
    mailer: &Mailer,
    base_url: &str,
    today: NaiveDate,
) -> anyhow::Result<usize> {
    write_followup_reminders(db, today).await?;
    let ids = sqlx::query_scalar!(
        r#"
        select notification_id from notification
         where emailed_at is null and created_at > now() - make_interval(days => $1)
         order by notification_id
        "#,
        GRACE_DAYS as i32
    )
    .fetch_all(db)
    .await?;
    let mut sent = 0;
    for id in ids {
        match send_one(db, mailer, base_url, id).await {
            Ok(true) => sent += 1,
            Ok(false) => {}
            Err(e) => tracing::warn!(
                notification = id,
                error = format!("{e:#}"),
                "varselet ble ikke sendt; prøver igjen ved neste runde"
            ),
        }
    }
    Ok(sent)
}

/// The follow-up reminders falling on `today` (within the grace days): to the requester and to
/// each login of a person responsible for one of the request's benefits.
async fn write_followup_reminders(db: &PgPool, today: NaiveDate) -> anyhow::Result<()> {
    for months in FOLLOWUP_MONTHS {
        // Approved on a day whose follow-up falls between today − grace and today.
        let earliest = (today - chrono::Duration::days(GRACE_DAYS))
            .checked_sub_months(chrono::Months::new(months))
            .unwrap_or(today);
        let latest = today
            .checked_sub_months(chrono::Months::new(months))
            .unwrap_or(today);
        let rows = sqlx::query!(
            r#"
            select a.acquisition_id, a.municipality_id, a.decided_on as "decided_on!: NaiveDate",
                   u.app_user_id
              from acquisition a
              join app_user u on u.municipality_id = a.municipality_id and u.active
               and (u.app_user_id = a.requested_by
                    or u.person_id in (select b.responsible_person_id from benefit b
                                        where b.acquisition_id = a.acquisition_id))
             where a.state = 'approved' and a.decided_on between $1 and $2
            "#,
            earliest as NaiveDate,
            latest as NaiveDate
        )
        .fetch_all(db)
        .await?;
        for r in rows {
            let due = followup_due(r.decided_on, months);
            if due > today || (today - due).num_days() > GRACE_DAYS {
                continue;
            }
            sqlx::query!(
                r#"
                insert into notification (municipality_id, app_user_id, acquisition_id, kind, months)
                values ($1, $2, $3, 'followup_due', $4)
                on conflict (acquisition_id, app_user_id, months) where kind = 'followup_due' do nothing
                "#,
                r.municipality_id,
                r.app_user_id,
                r.acquisition_id,
                months as i32
            )
            .execute(db)
            .await?;
        }
    }
    Ok(())
}

/// Locks the notification if it is unsent, sends it, and marks it sent, in one transaction:
/// true when this call sent it.
async fn send_one(db: &PgPool, mailer: &Mailer, base_url: &str, id: i64) -> anyhow::Result<bool> {
    let mut tx = db.begin().await?;
    let Some(n) = sqlx::query!(
        r#"
        select n.kind, n.months, n.acquisition_id, a.title, u.email, u.display_name, u.language,
               m.malform
          from notification n
          join acquisition a using (acquisition_id)
          join app_user u on u.app_user_id = n.app_user_id
          join municipality m on m.municipality_id = n.municipality_id
         where n.notification_id = $1 and n.emailed_at is null
           for update of n skip locked
        "#,
        id
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(false);
    };
    let lang = Lang::resolve(n.language.as_deref(), &n.malform);
    let path = if n.kind == "followup_due" {
        format!("/acquisitions/{}/benefits", n.acquisition_id)
    } else {
        format!("/acquisitions/{}", n.acquisition_id)
    };
    let url = format!("{}{path}", base_url.trim_end_matches('/'));
    let subject = lang.t1("council-mail-subject", "title", n.title.as_str());
    let what = match n.months {
        Some(months) => lang.t1("council-mail-followup", "months", i64::from(months)),
        None => lang.t(notification_key(&n.kind)),
    };
    let body = [
        lang.t1("reminder-greeting", "name", n.display_name.as_str()),
        String::new(),
        lang.t1("council-mail-about", "title", n.title.as_str()),
        what,
        String::new(),
        lang.t1("council-mail-link", "url", url),
        String::new(),
        "-- ".to_string(),
        lang.t(k("council-mail-footer")),
        String::new(),
    ]
    .join("\n");
    // Dropping the transaction on an error leaves the row unsent.
    mailer
        .send(&n.email, &n.display_name, &subject, body)
        .await?;
    sqlx::query!(
        "update notification set emailed_at = now() where notification_id = $1",
        id
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    tracing::info!(notification = id, kind = n.kind, "varsel sendt");
    Ok(true)
}
