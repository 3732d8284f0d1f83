//! A unit's page (`/units/{id}`) and a person's (`/people/{id}`), each with its history.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};

use super::{
    model::{CapacityForm, lifecycle_key},
    read::{self, Duties, Named, OwnedSystem, PersonDetail, UnitDetail},
};
use crate::{
    AppState,
    audit::{self, Entry, Table},
    auth::CurrentUser,
    domain::{format_date, today},
    error::AppResult,
    web::{Ctx, FormErrors},
};

#[derive(Template, WebTemplate)]
#[template(path = "units/show.html")]
pub(super) struct UnitPage {
    ctx: Ctx,
    unit: UnitDetail,
    sub_units: Named,
    people: Vec<(i64, String, Option<String>)>,
    systems: Vec<OwnedSystem>,
    entries: Vec<Entry>,
    can_edit: bool,
}

impl UnitPage {
    fn overdue(&self) -> usize {
        self.systems.iter().filter(|s| s.evaluation_overdue).count()
    }
    fn expiring(&self) -> usize {
        self.systems.iter().filter(|s| s.support_expiring).count()
    }
    fn dpa_missing(&self) -> usize {
        self.systems.iter().filter(|s| s.dpa_missing).count()
    }
    fn lifecycle(&self, s: &OwnedSystem) -> String {
        self.ctx.t(lifecycle_key(&s.lifecycle))
    }
    fn expires(&self, s: &OwnedSystem) -> String {
        s.support_expires.map(format_date).unwrap_or_default()
    }
}

pub(super) async fn unit(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<UnitPage> {
    let m = ctx.user.municipality_id;
    let unit = {
        let mut conn = state.db.acquire().await?;
        read::unit(&mut conn, m, id).await?
    };
    Ok(UnitPage {
        sub_units: read::sub_units(&state.db, m, id).await?,
        people: read::unit_people(&state.db, m, id).await?,
        systems: read::owned_systems(&state.db, m, id, today()).await?,
        entries: audit::history(&state.db, m, Table::Unit, id, ctx.lang).await?,
        can_edit: ctx.user.can_edit_plan(),
        ctx,
        unit,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "people/show.html")]
pub(super) struct PersonPage {
    ctx: Ctx,
    person: PersonDetail,
    duties: Duties,
    entries: Vec<Entry>,
    can_edit: bool,
    /// The person themself or an admin sets their capacity.
    can_set_capacity: bool,
    capacity: CapacityForm,
    errors: FormErrors,
}

/// A person's capacity is theirs to state, and an admin's to keep.
pub(super) fn may_set_capacity(user: &CurrentUser, person_id: i64) -> bool {
    user.is_admin() || user.person_id == Some(person_id)
}

impl PersonPage {
    /// The phone number as a `tel:` address: digits and a leading `+`.
    fn tel(&self) -> String {
        self.person
            .phone
            .as_deref()
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect()
    }
}

pub(super) async fn person(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<PersonPage> {
    person_page(&state, ctx, id, None, FormErrors::default()).await
}

/// The person's page; `capacity` and `errors` are a refused capacity form's, kept.
pub(super) async fn person_page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    capacity: Option<CapacityForm>,
    errors: FormErrors,
) -> AppResult<PersonPage> {
    let m = ctx.user.municipality_id;
    let person = {
        let mut conn = state.db.acquire().await?;
        read::person(&mut conn, m, id).await?
    };
    Ok(PersonPage {
        duties: read::duties(&state.db, m, id).await?,
        entries: audit::history(&state.db, m, Table::Person, id, ctx.lang).await?,
        can_edit: ctx.user.can_edit_plan(),
        can_set_capacity: may_set_capacity(&ctx.user, id),
        capacity: capacity.unwrap_or_else(|| person.capacity_form()),
        errors,
        ctx,
        person,
    })
}
