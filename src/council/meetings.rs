//! The council's meetings (`/council/meetings`): the secretariat (IKT staff) calls a meeting,
//! puts requests on its agenda (from the request's page), records who is present and closes
//! it; each member (`rad`, on the member list) records their assessment of each item and may
//! change it until the meeting closes; the chair (a `rad` user or a `leder`) records the
//! council's recommendation. The minutes (`…/minutes`) print on A4.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{
    model::{AssessForm, MeetingForm, RecommendForm, Stance},
    read::{self, Meeting, MeetingRow, Member},
    store::{self, Moved},
};
use crate::{
    AppState,
    audit::Actor,
    auth::{CurrentUser, Editor, Leder, Rad},
    error::{AppError, AppResult},
    i18n::Msg,
    web::{Ctx, FlashKind, Form, FormErrors, FormPairs, flash_redirect},
};

#[derive(Template, WebTemplate)]
#[template(path = "council/meetings.html")]
pub(super) struct ListPage {
    ctx: Ctx,
    meetings: Vec<MeetingRow>,
    can_edit: bool,
    f: MeetingForm,
    errors: FormErrors,
}

pub(super) async fn list(ctx: Ctx, State(state): State<AppState>) -> AppResult<ListPage> {
    Ok(ListPage {
        meetings: read::meetings(&state.db, ctx.user.municipality_id).await?,
        can_edit: ctx.user.can_edit_plan(),
        f: MeetingForm::default(),
        errors: FormErrors::default(),
        ctx,
    })
}

pub(super) async fn create(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Form(f): Form<MeetingForm>,
) -> AppResult<Response> {
    let (held_on, place) = match f.validate() {
        Ok(v) => v,
        Err(errors) => {
            return Ok(ListPage {
                meetings: read::meetings(&state.db, user.municipality_id).await?,
                can_edit: true,
                f,
                errors,
                ctx,
            }
            .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let id = store::insert_meeting(&mut tx, Actor::from(&user), held_on, place.as_deref()).await?;
    tx.commit().await?;
    Ok(flash_redirect(
        &session,
        FlashKind::Success,
        Msg::new("council-meeting-created"),
        &format!("/council/meetings/{id}"),
    )
    .await)
}

#[derive(Template, WebTemplate)]
#[template(path = "council/meeting.html")]
pub(super) struct MeetingPage {
    ctx: Ctx,
    mt: Meeting,
    members: Vec<Member>,
    /// The reader's membership: (member id, chair).
    me: Option<(i64, bool)>,
    can_assess: bool,
    can_recommend: bool,
    can_edit: bool,
    stances: &'static [Stance],
    /// A refused assessment or recommendation: the item, its input and messages.
    failed: Option<Failed>,
}

pub(super) struct Failed {
    item: i64,
    assess: AssessForm,
    recommend: RecommendForm,
    errors: FormErrors,
}

impl MeetingPage {
    fn present(&self, id: &i64) -> bool {
        self.mt.present.contains(id)
    }
    /// The stance and reason the member's form shows for `item`: a refused input, else theirs.
    fn my_stance(&self, item: &read::Item) -> String {
        if let Some(f) = self.failed_for(item.acquisition_id) {
            return f.assess.stance.clone();
        }
        self.me
            .and_then(|(m, _)| item.mine(m))
            .map(|a| a.stance.code().to_string())
            .unwrap_or_default()
    }
    fn my_reason(&self, item: &read::Item) -> String {
        if let Some(f) = self.failed_for(item.acquisition_id) {
            return f.assess.reason.clone();
        }
        self.me
            .and_then(|(m, _)| item.mine(m))
            .map(|a| a.reason.clone())
            .unwrap_or_default()
    }
    fn rec_value(&self, item: &read::Item) -> String {
        if let Some(f) = self.failed_for(item.acquisition_id) {
            return f.recommend.recommended.clone();
        }
        match item.recommended {
            Some(true) => "yes".into(),
            Some(false) => "no".into(),
            None => String::new(),
        }
    }
    fn rec_priority(&self, item: &read::Item) -> String {
        if let Some(f) = self.failed_for(item.acquisition_id) {
            return f.recommend.priority.clone();
        }
        item.priority.map(|p| p.to_string()).unwrap_or_default()
    }
    fn rec_reason(&self, item: &read::Item) -> String {
        if let Some(f) = self.failed_for(item.acquisition_id) {
            return f.recommend.reason.clone();
        }
        item.reason.clone().unwrap_or_default()
    }
    /// «2 støtter, 1 avstår, 0 går imot».
    fn counts(&self, item: &read::Item) -> String {
        let n = |s| (item.count(s) as i64).into();
        self.ctx.tr(
            "council-stance-counts",
            &[
                ("support", n(Stance::Support)),
                ("abstain", n(Stance::Abstain)),
                ("object", n(Stance::Object)),
            ],
        )
    }
    fn failed_for(&self, item: i64) -> Option<&Failed> {
        self.failed.as_ref().filter(|f| f.item == item)
    }
    fn error(&self, item: &i64, field: &str) -> Option<&Msg> {
        self.failed_for(*item).and_then(|f| f.errors.get(field))
    }
}

async fn meeting_page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    failed: Option<Failed>,
) -> AppResult<MeetingPage> {
    let m = ctx.user.municipality_id;
    let mt = read::meeting(&state.db, m, id).await?;
    let me = read::membership(&state.db, &ctx.user).await?;
    let open = mt.open();
    Ok(MeetingPage {
        can_assess: open && me.is_some() && ctx.user.can(Rad::ROLES),
        can_recommend: open && me.is_some_and(|(_, chair)| chair),
        can_edit: open && ctx.user.can_edit_plan(),
        members: read::members(&state.db, m).await?,
        stances: Stance::ALL,
        mt,
        me,
        failed,
        ctx,
    })
}

pub(super) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<MeetingPage> {
    meeting_page(&state, ctx, id, None).await
}

/// A refused step on a meeting, said as a flash on its page.
async fn refused(session: &Session, moved: Moved, id: i64) -> AppResult<Response> {
    let msg = moved.refusal()?;
    Ok(flash_redirect(
        session,
        FlashKind::Danger,
        msg,
        &format!("/council/meetings/{id}"),
    )
    .await)
}

async fn done(session: &Session, key: &'static str, id: i64, item: Option<i64>) -> Response {
    let to = match item {
        Some(a) => format!("/council/meetings/{id}#item-{a}"),
        None => format!("/council/meetings/{id}"),
    };
    flash_redirect(session, FlashKind::Success, Msg::new(key), &to).await
}

pub(super) async fn attendance(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    pairs: FormPairs,
) -> AppResult<Response> {
    let members: Vec<i64> = pairs
        .all("present")
        .iter()
        .filter_map(|v| v.trim().parse().ok())
        .collect();
    let mut tx = state.db.begin().await?;
    let moved = store::set_attendance(&mut tx, Actor::from(&user), id, &members).await?;
    if moved != Moved::Done {
        return refused(&session, moved, id).await;
    }
    tx.commit().await?;
    Ok(done(&session, "council-attendance-saved", id, None).await)
}

pub(super) async fn assess(
    Rad(user): Rad,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path((id, aid)): Path<(i64, i64)>,
    Form(f): Form<AssessForm>,
) -> AppResult<Response> {
    let me = read::membership(&state.db, &user).await?;
    let Some((member, _)) = me else {
        // A `rad` user who is not on this council's member list.
        return Err(AppError::Forbidden { needed: Rad::ROLES });
    };
    let (stance, reason) = match f.validate() {
        Ok(v) => v,
        Err(errors) => {
            let failed = Failed {
                item: aid,
                assess: f,
                recommend: RecommendForm::default(),
                errors,
            };
            return Ok(meeting_page(&state, ctx, id, Some(failed))
                .await?
                .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let moved = store::assess(
        &mut tx,
        Actor::from(&user),
        id,
        aid,
        member,
        stance,
        &reason,
    )
    .await?;
    if moved != Moved::Done {
        return refused(&session, moved, id).await;
    }
    tx.commit().await?;
    Ok(done(&session, "council-assessment-saved", id, Some(aid)).await)
}

pub(super) async fn recommend(
    user: CurrentUser,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path((id, aid)): Path<(i64, i64)>,
    Form(f): Form<RecommendForm>,
) -> AppResult<Response> {
    // The chair: a flag on the membership, held by a `rad` user or a `leder`.
    let chair = read::membership(&state.db, &user)
        .await?
        .is_some_and(|(_, chair)| chair);
    user.require_that(
        chair && user.can(Rad::ROLES | Leder::ROLES),
        Rad::ROLES | Leder::ROLES,
    )?;
    let r = match f.validate() {
        Ok(r) => r,
        Err(errors) => {
            let failed = Failed {
                item: aid,
                assess: AssessForm::default(),
                recommend: f,
                errors,
            };
            return Ok(meeting_page(&state, ctx, id, Some(failed))
                .await?
                .into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let moved = store::recommend(&mut tx, Actor::from(&user), id, aid, &r).await?;
    if moved != Moved::Done {
        return refused(&session, moved, id).await;
    }
    tx.commit().await?;
    Ok(done(&session, "council-recommendation-saved", id, Some(aid)).await)
}

pub(super) async fn close(
    Editor(user): Editor,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let moved = store::close_meeting(&mut tx, Actor::from(&user), id).await?;
    if moved != Moved::Done {
        return refused(&session, moved, id).await;
    }
    tx.commit().await?;
    Ok(done(&session, "council-meeting-closed-done", id, None).await)
}

#[derive(Template, WebTemplate)]
#[template(path = "council/minutes.html")]
pub(super) struct MinutesPage {
    ctx: Ctx,
    mt: Meeting,
    members: Vec<Member>,
    municipality: String,
}

impl MinutesPage {
    fn present(&self, id: &i64) -> bool {
        self.mt.present.contains(id)
    }
}

pub(super) async fn minutes(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<MinutesPage> {
    let m = ctx.user.municipality_id;
    Ok(MinutesPage {
        mt: read::meeting(&state.db, m, id).await?,
        members: read::members(&state.db, m).await?,
        municipality: ctx.user.municipality_name.clone(),
        ctx,
    })
}
