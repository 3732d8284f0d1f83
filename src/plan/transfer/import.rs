//! The import pages: the upload form with the columns explained, the preview (nothing written;
//! what it shows is worked out in `preview`), and the confirmation that writes every measure in
//! one transaction.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Multipart, Path, State, multipart::MultipartRejection},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use sqlx::Acquire;
use tower_sessions::Session;

use super::{
    export::period_header,
    lookup::Lookup,
    preview::{Planned, PreviewPage, plan_import},
    rows::check,
    sheet::{read_table, read_upload},
};
use crate::{
    AppState,
    audit::{self, Actor, EventKind},
    auth::Editor,
    domain::format_datetime,
    error::{AppError, AppResult},
    i18n::Msg,
    measures::{
        read::inputs,
        store::{self, Outcome},
    },
    plan::read::PlanData,
    web::{Ctx, FlashKind, Form, flash_redirect, random_token},
};

pub struct ColumnHelp {
    pub name: String,
    pub meaning: String,
    pub example: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "plan/import.html")]
pub struct ImportPage {
    pub ctx: Ctx,
    pub plan_id: i64,
    pub plan_name: String,
    pub help: Vec<ColumnHelp>,
    pub period_columns: Vec<String>,
    pub error: Option<Msg>,
}

fn import_page(ctx: Ctx, plan: &PlanData, error: Option<Msg>) -> ImportPage {
    let example_strategy = plan
        .goal_areas
        .iter()
        .flat_map(|g| &g.strategies)
        .next()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    let start = plan.head.start_year;
    let t = |key: &str| ctx.t(key);
    let help = vec![
        ColumnHelp {
            name: t("transfer-col-key"),
            meaning: t("transfer-help-key"),
            example: plan
                .measures
                .first()
                .map(|m| m.measure_id.to_string())
                .unwrap_or_default(),
        },
        ColumnHelp {
            name: t("transfer-col-goal"),
            meaning: t("transfer-help-goal"),
            example: plan
                .goal_areas
                .first()
                .map(|g| g.name.clone())
                .unwrap_or_default(),
        },
        ColumnHelp {
            name: t("transfer-col-strategy"),
            meaning: t("transfer-help-strategy"),
            example: example_strategy,
        },
        ColumnHelp {
            name: t("transfer-col-title"),
            meaning: t("transfer-help-title"),
            example: t("transfer-example-title"),
        },
        ColumnHelp {
            name: t("transfer-col-description"),
            meaning: t("transfer-help-description"),
            example: String::new(),
        },
        ColumnHelp {
            name: t("transfer-col-hours"),
            meaning: t("transfer-help-hours"),
            example: "50,5".into(),
        },
        ColumnHelp {
            name: t("transfer-col-cost"),
            meaning: t("transfer-help-cost"),
            example: t("transfer-example-cost"),
        },
        ColumnHelp {
            name: t("transfer-col-financing"),
            meaning: t("transfer-help-financing"),
            example:
                "dekkes av gjeldende budsjett · krever budsjettbevilgning · inngår i TRUST-IKT"
                    .into(),
        },
        ColumnHelp {
            name: t("transfer-col-responsible"),
            meaning: t("transfer-help-responsible"),
            example: t("transfer-example-responsible"),
        },
        ColumnHelp {
            name: t("transfer-col-status"),
            meaning: t("transfer-help-status"),
            example: "Pågår".into(),
        },
        ColumnHelp {
            name: t("transfer-col-status-date"),
            meaning: t("transfer-help-status-date"),
            example: "05.12.2013".into(),
        },
        ColumnHelp {
            name: t("transfer-col-status-comment"),
            meaning: t("transfer-help-status-comment"),
            example: String::new(),
        },
        ColumnHelp {
            name: t("transfer-col-priority"),
            meaning: t("transfer-help-priority"),
            example: t("transfer-yes"),
        },
        ColumnHelp {
            name: t("transfer-col-periods"),
            meaning: ctx.t1("transfer-help-periods", "start", start),
            example: format!("{start} Jan: x"),
        },
        ColumnHelp {
            name: t("transfer-col-start-end"),
            meaning: ctx.t1("transfer-help-start-end", "start", start),
            example: ctx.t2(
                "transfer-help-start-end-example",
                "start",
                start,
                "end",
                format!("06.{}", start + 1),
            ),
        },
        ColumnHelp {
            name: t("transfer-col-number"),
            meaning: t("transfer-help-number"),
            example: "1".into(),
        },
    ];
    ImportPage {
        plan_id: plan.head.id,
        plan_name: plan.head.name.clone(),
        period_columns: plan
            .periods()
            .into_iter()
            .map(|(y, p)| period_header(plan, y, p))
            .collect(),
        help,
        error,
        ctx,
    }
}

pub async fn form(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<ImportPage> {
    let plan = state
        .plans
        .get(&state.db, ctx.user.municipality_id, id)
        .await?;
    Ok(import_page(ctx, &plan, None))
}

/// The uploaded file read, checked and compared with the plan; nothing is written but the
/// staged import the preview's button confirms.
pub async fn preview(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let m = ctx.user.municipality_id;
    let plan = state.plans.get(&state.db, m, id).await?;
    let upload = match read_upload(multipart).await {
        Ok(u) => u,
        Err(msg) => return Ok(import_page(ctx, &plan, Some(msg)).into_response()),
    };
    let file_name = upload.name.clone();
    // Parsing is CPU work on untrusted bytes: off the async threads, and a panic is a message.
    let table = match tokio::task::spawn_blocking(move || read_table(&upload)).await {
        Ok(Ok(t)) => t,
        Ok(Err(msg)) => return Ok(import_page(ctx, &plan, Some(msg)).into_response()),
        Err(_) => {
            return Ok(
                import_page(ctx, &plan, Some(Msg::new("transfer-file-unreadable"))).into_response(),
            );
        }
    };
    let lookup = Lookup::load(&state.db, m, &plan).await?;
    let checked = check(&table, &lookup);
    let (planned, rows) = plan_import(&state.db, m, &checked, &lookup, ctx.lang).await?;

    let token = if checked.errors.is_empty() {
        let token = random_token();
        let measures = serde_json::to_value(&planned).map_err(|e| AppError::Internal(e.into()))?;
        let mut tx = state.db.begin().await?;
        sqlx::query!(r#"delete from measure_import where created_at < now() - interval '1 day'"#)
            .execute(&mut *tx)
            .await?;
        sqlx::query!(
            r#"
            insert into measure_import (token, municipality_id, app_user_id, action_plan_id, file_name, measures)
            values ($1, $2, $3, $4, $5, $6)
            "#,
            token,
            m,
            ctx.user.user_id,
            id,
            file_name,
            measures
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Some(token)
    } else {
        None
    };
    Ok(PreviewPage {
        ctx,
        plan_id: id,
        plan_name: plan.head.name.clone(),
        file_name,
        rows,
        errors: checked.errors,
        token,
    }
    .into_response())
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    token: String,
    /// Update the measures that have the same title as a row without a key.
    #[serde(default)]
    match_titles: Option<String>,
}

pub async fn confirm(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<ConfirmForm>,
) -> AppResult<Response> {
    let m = user.municipality_id;
    sqlx::query_scalar!(r#"select action_plan_id from action_plan where action_plan_id = $1 and municipality_id = $2"#, id, m)
        .fetch_optional(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin().await?;
    // Taking the staged rows out in the same transaction makes a second click find nothing.
    let staged = sqlx::query!(
        r#"
        delete from measure_import
        where token = $1 and municipality_id = $2 and app_user_id = $3 and action_plan_id = $4
          and created_at > now() - interval '2 hours'
        returning file_name, measures
        "#,
        form.token.trim(),
        m,
        user.user_id,
        id
    )
    .fetch_optional(&mut *tx)
    .await?;
    // A preview staged before this version of the import reads as gone, not as an error.
    let staged = staged.and_then(|s| {
        serde_json::from_value::<Vec<Planned>>(s.measures)
            .ok()
            .map(|p| (s.file_name, p))
    });
    let Some((file_name, planned)) = staged else {
        tx.rollback().await?;
        return Ok(flash_redirect(
            &session,
            FlashKind::Danger,
            Msg::new("transfer-preview-gone"),
            &format!("/plan/{id}/import"),
        )
        .await);
    };
    let match_titles = form.match_titles.is_some();
    // The import is one act in the log, named by the file: every measure it creates or changes
    // belongs to it.
    let link = format!("/plan/{id}");
    let actor = audit::begin_event(
        &mut tx,
        Actor::from(&user),
        EventKind::Import,
        &file_name,
        Some(&link),
    )
    .await?;
    let (mut created, mut changed, mut unchanged) = (0usize, 0usize, 0usize);
    let mut refused: Vec<String> = Vec::new();
    for p in &planned {
        let target = match p.target {
            Some(t) if !t.by_title || match_titles => t,
            _ => {
                store::insert(&mut tx, actor, id, &p.measure.input()).await?;
                created += 1;
                continue;
            }
        };
        if target.unchanged {
            unchanged += 1;
            continue;
        }
        let Some(saved) = inputs(&mut tx, m, &[target.id]).await?.remove(&target.id) else {
            refused.push(user.lang.t1(
                "transfer-refused-deleted",
                "title",
                p.measure.title.as_str(),
            ));
            continue;
        };
        let mut input = p.measure.input();
        // The file has no dependencies; the measure keeps its own.
        input.depends_on = saved.depends_on;
        input.predecessor_measure_id = saved.predecessor_measure_id;
        // Each update in its own savepoint: one refused or unchanged measure undoes only itself.
        let mut one = tx.begin().await?;
        match store::update(&mut one, actor, target.id, Some(target.version), &input).await? {
            Outcome::Saved => {
                one.commit().await?;
                changed += 1;
            }
            Outcome::Unchanged => {
                one.rollback().await?;
                unchanged += 1;
            }
            Outcome::Conflict(c) => {
                one.rollback().await?;
                refused.push(user.lang.tr(
                    "transfer-refused-changed",
                    &[
                        ("title", p.measure.title.as_str().into()),
                        ("who", c.who.as_str().into()),
                        ("when", format_datetime(c.when).into()),
                    ],
                ));
            }
        }
    }
    if created + changed == 0 {
        tx.rollback().await?;
    } else {
        tx.commit().await?;
    }
    let file: crate::i18n::Arg = file_name.into();
    let message = match (created + changed, refused.len()) {
        (0, 0) => Msg::with("transfer-imported-nothing", [("file", file)]),
        (0, n) => Msg::with(
            "transfer-imported-nothing-refused",
            [
                ("file", file),
                ("refused", n.into()),
                ("list", refused.join(", ").into()),
            ],
        ),
        (_, 0) => Msg::with(
            "transfer-imported",
            [
                ("file", file),
                ("created", created.into()),
                ("changed", changed.into()),
                ("unchanged", unchanged.into()),
            ],
        ),
        (_, n) => Msg::with(
            "transfer-imported-refused",
            [
                ("file", file),
                ("created", created.into()),
                ("changed", changed.into()),
                ("unchanged", unchanged.into()),
                ("refused", n.into()),
                ("list", refused.join(", ").into()),
            ],
        ),
    };
    let kind = if refused.is_empty() {
        FlashKind::Success
    } else {
        FlashKind::Danger
    };
    Ok(flash_redirect(&session, kind, message, &format!("/plan/{id}")).await)
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, Msg};

    fn imported(lang: Lang, created: usize, changed: usize, unchanged: usize) -> String {
        lang.msg(&Msg::with(
            "transfer-imported",
            [
                ("file", "plan.csv".into()),
                ("created", created.into()),
                ("changed", changed.into()),
                ("unchanged", unchanged.into()),
            ],
        ))
    }

    #[test]
    fn the_import_s_flash_lists_only_the_counts_that_are_not_zero_in_both_languages() {
        assert_eq!(
            imported(Lang::Nb, 1, 0, 0),
            "Importert fra «plan.csv»: 1 nytt tiltak."
        );
        assert_eq!(
            imported(Lang::Nb, 2, 1, 3),
            "Importert fra «plan.csv»: 2 nye tiltak, 1 endret, 3 uendret."
        );
        assert_eq!(
            imported(Lang::Nb, 0, 1, 61),
            "Importert fra «plan.csv»: 1 endret, 61 uendret."
        );
        assert_eq!(
            imported(Lang::Nb, 2, 0, 5),
            "Importert fra «plan.csv»: 2 nye tiltak, 5 uendret."
        );
        assert_eq!(
            imported(Lang::Nn, 0, 2, 61),
            "Importert frå «plan.csv»: 2 endra, 61 uendra."
        );
        let refused = Lang::Nn.msg(&Msg::with(
            "transfer-imported-nothing-refused",
            [
                ("file", "plan.csv".into()),
                ("refused", 1.into()),
                ("list", "«A»".into()),
            ],
        ));
        assert_eq!(
            refused,
            "Ingenting vart endra av «plan.csv». 1 tiltak vart ikkje endra, fordi nokon endra det etter førehandsvisinga: «A». Ingenting er skrive over. Last ned planen på nytt og gjer endringane der."
        );
    }
}
