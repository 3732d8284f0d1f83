//! The audit log: every create, update and delete writes a row (who, when, which record, its
//! name, before and after as JSON) inside the same transaction as the change itself.
//!
//! Each audited record type has a snapshot struct implementing [`Audited`]: which table it is,
//! how the log names a record, and the catalog key of each snapshot key's label. Snapshot keys
//! are English code names, like the columns; people only ever see the labels, in their language.

mod history;
mod read;
mod words;

pub use history::router;
pub use read::{Change, Entry, EventLine, EventRef, history};

use serde::Serialize;
use sqlx::PgConnection;

use crate::{
    db::Tx,
    i18n::{Lang, k},
};

#[derive(Clone, Copy, Debug)]
pub enum Action {
    Create,
    Update,
    Delete,
}

impl Action {
    fn code(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
        }
    }
}

/// Who made a change: a user, or the system (demo seeding, commands run from the shell); and
/// the event it is part of, when one act (an import, a roll) writes many rows.
#[derive(Clone, Copy, Debug)]
pub struct Actor {
    pub municipality_id: i64,
    pub user_id: Option<i64>,
    pub event_id: Option<i64>,
}

impl Actor {
    pub fn system(municipality_id: i64) -> Self {
        Actor {
            municipality_id,
            user_id: None,
            event_id: None,
        }
    }
}

impl From<&crate::auth::CurrentUser> for Actor {
    fn from(u: &crate::auth::CurrentUser) -> Self {
        Actor {
            municipality_id: u.municipality_id,
            user_id: Some(u.user_id),
            event_id: None,
        }
    }
}

/// An act that writes many audit rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    Import,
    Roll,
    /// A status report submitted: the report and the statuses it wrote back to its measures.
    Report,
}

impl EventKind {
    pub fn code(self) -> &'static str {
        match self {
            EventKind::Import => "import",
            EventKind::Roll => "roll",
            EventKind::Report => "report",
        }
    }

    pub fn parse(code: &str) -> Option<EventKind> {
        [EventKind::Import, EventKind::Roll, EventKind::Report]
            .into_iter()
            .find(|k| k.code() == code)
    }

    /// How the log names the act, with the event's label: «Import av filen «tiltak.xlsx»».
    pub fn title(self, label: &str, lang: Lang) -> String {
        let key = match self {
            EventKind::Import => k("audit-event-import-title"),
            EventKind::Roll => k("audit-event-roll-title"),
            EventKind::Report => k("audit-event-report-title"),
        };
        lang.t1(key, "label", label)
    }

    /// A row's history says which act it was part of: «Del av rulleringen til «…»».
    pub fn part_of(self, label: &str, lang: Lang) -> String {
        let key = match self {
            EventKind::Import => k("audit-event-import-part"),
            EventKind::Roll => k("audit-event-roll-part"),
            EventKind::Report => k("audit-event-report-part"),
        };
        lang.t1(key, "label", label)
    }

    /// What the log's «Handling» column says (a catalog key).
    pub fn label_key(self) -> &'static str {
        match self {
            EventKind::Import => k("audit-event-import"),
            EventKind::Roll => k("audit-event-roll"),
            EventKind::Report => k("audit-event-report"),
        }
    }

    /// The words of the link to what the act made (a catalog key).
    pub fn link_key(self) -> &'static str {
        match self {
            EventKind::Import => k("audit-event-import-link"),
            EventKind::Roll => k("audit-event-roll-link"),
            EventKind::Report => k("audit-event-report-link"),
        }
    }
}

/// Starts an event (in the act's own transaction) and returns the actor whose every audit row
/// belongs to it. `label` names it (the file, the new plan); `link` is where its result is.
pub async fn begin_event(
    tx: &mut Tx<'_>,
    actor: Actor,
    kind: EventKind,
    label: &str,
    link: Option<&str>,
) -> Result<Actor, sqlx::Error> {
    let label: String = label.chars().take(300).collect();
    let id = sqlx::query_scalar!(
        r#"
        insert into audit_event (municipality_id, app_user_id, kind, label, link)
        values ($1, $2, $3, $4, $5) returning audit_event_id
        "#,
        actor.municipality_id,
        actor.user_id,
        kind.code(),
        label,
        link
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(Actor {
        event_id: Some(id),
        ..actor
    })
}

/// The audited tables. A new module adds its records here, with their Norwegian name and the
/// labels of their snapshot's fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Table {
    AppUser,
    Municipality,
    StrategyDocument,
    GoalArea,
    Strategy,
    ActionPlan,
    Measure,
    ReportRound,
    ReportTeam,
    Unit,
    Person,
    Cooperation,
    System,
    SystemMeeting,
    PlanMilestone,
    Location,
    Line,
    RiskAssessment,
    Risk,
    Acquisition,
    CouncilMeeting,
    Benefit,
}

impl Table {
    pub const ALL: [Table; 22] = [
        Table::AppUser,
        Table::Municipality,
        Table::StrategyDocument,
        Table::GoalArea,
        Table::Strategy,
        Table::ActionPlan,
        Table::Measure,
        Table::ReportRound,
        Table::ReportTeam,
        Table::Unit,
        Table::Person,
        Table::Cooperation,
        Table::System,
        Table::SystemMeeting,
        Table::PlanMilestone,
        Table::Location,
        Table::Line,
        Table::RiskAssessment,
        Table::Risk,
        Table::Acquisition,
        Table::CouncilMeeting,
        Table::Benefit,
    ];

    /// The table's name in the database, `audit_log.table_name` and the history URL.
    pub fn code(self) -> &'static str {
        match self {
            Table::AppUser => "app_user",
            Table::Municipality => "municipality",
            Table::StrategyDocument => "strategy_document",
            Table::GoalArea => "goal_area",
            Table::Strategy => "strategy",
            Table::ActionPlan => "action_plan",
            Table::Measure => "measure",
            Table::ReportRound => "report_round",
            Table::ReportTeam => "report_team",
            Table::Unit => "unit",
            Table::Person => "person",
            Table::Cooperation => "cooperation",
            Table::System => "system",
            Table::SystemMeeting => "system_meeting",
            Table::PlanMilestone => "plan_milestone",
            Table::Location => "location",
            Table::Line => "line",
            Table::RiskAssessment => "risk_assessment",
            Table::Risk => "risk",
            Table::Acquisition => "acquisition",
            Table::CouncilMeeting => "council_meeting",
            Table::Benefit => "benefit",
        }
    }

    /// The catalog key of the record type's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Table::AppUser => k("audit-table-app-user"),
            Table::Municipality => k("audit-table-municipality"),
            Table::StrategyDocument => k("audit-table-strategy-document"),
            Table::GoalArea => k("audit-table-goal-area"),
            Table::Strategy => k("audit-table-strategy"),
            Table::ActionPlan => k("audit-table-action-plan"),
            Table::Measure => k("audit-table-measure"),
            Table::ReportRound => k("audit-table-report-round"),
            Table::ReportTeam => k("audit-table-report-team"),
            Table::Unit => k("audit-table-unit"),
            Table::Person => k("audit-table-person"),
            Table::Cooperation => k("audit-table-cooperation"),
            Table::System => k("audit-table-system"),
            Table::SystemMeeting => k("audit-table-system-meeting"),
            Table::PlanMilestone => k("audit-table-milestone"),
            Table::Location => k("audit-table-location"),
            Table::Line => k("audit-table-line"),
            Table::RiskAssessment => k("audit-table-risk-assessment"),
            Table::Risk => k("audit-table-risk"),
            Table::Acquisition => k("audit-table-acquisition"),
            Table::CouncilMeeting => k("audit-table-council-meeting"),
            Table::Benefit => k("audit-table-benefit"),
        }
    }

    /// The record type's name in bokmål (logs, tests).
    pub fn label(self) -> &'static str {
        match self {
            Table::AppUser => "Bruker",
            Table::Municipality => "Kommune",
            Table::StrategyDocument => "Strategidokument",
            Table::GoalArea => "Målområde",
            Table::Strategy => "Strategi",
            Table::ActionPlan => "Handlingsplan",
            Table::Measure => "Tiltak",
            Table::ReportRound => "Statusrapport",
            Table::ReportTeam => "Rapportansvar",
            Table::Unit => "Enhet",
            Table::Person => "Person",
            Table::Cooperation => "Samarbeid",
            Table::System => "Fagsystem",
            Table::SystemMeeting => "Forvaltningsmøte",
            Table::PlanMilestone => "Milepæl",
            Table::Location => "Lokasjon",
            Table::Line => "Linje",
            Table::RiskAssessment => "Risikovurdering",
            Table::Risk => "Risiko",
            Table::Acquisition => "Anskaffelsessak",
            Table::CouncilMeeting => "Møte i IKT-rådet",
            Table::Benefit => "Gevinst",
        }
    }

    pub fn parse(code: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.code() == code)
    }

    /// «Tilbake til tiltaket»: the way back to the record's page, as a catalog key. A goal
    /// area or a strategy is shown on its document's page.
    pub fn back_key(self) -> &'static str {
        match self {
            Table::AppUser => k("history-back-app-user"),
            Table::Municipality => k("history-back-municipality"),
            Table::StrategyDocument | Table::GoalArea | Table::Strategy => {
                k("history-back-strategy-document")
            }
            Table::ActionPlan => k("history-back-action-plan"),
            Table::Measure => k("history-back-measure"),
            Table::ReportRound => k("history-back-report-round"),
            Table::ReportTeam => k("history-back-report-team"),
            Table::Unit => k("history-back-unit"),
            Table::Person => k("history-back-person"),
            Table::Cooperation => k("history-back-cooperation"),
            Table::System => k("history-back-system"),
            Table::SystemMeeting => k("history-back-system-meeting"),
            Table::PlanMilestone => k("history-back-milestone"),
            Table::Location => k("history-back-location"),
            Table::Line => k("history-back-line"),
            Table::RiskAssessment => k("history-back-risk-assessment"),
            Table::Risk => k("history-back-risk"),
            Table::Acquisition => k("history-back-acquisition"),
            Table::CouncilMeeting => k("history-back-council-meeting"),
            Table::Benefit => k("history-back-benefit"),
        }
    }

    /// The SQL giving the URL of a record's page from its id (`$1`) in the municipality (`$2`),
    /// or no row when the record is gone. A goal area or a strategy is shown on its document's
    /// page. A new module adds its page here.
    fn url_sql(self) -> Option<&'static str> {
        Some(match self {
            Table::AppUser => {
                "select '/admin/users/' || app_user_id from app_user where app_user_id = $1 and municipality_id = $2"
            }
            Table::Municipality => return None,
            Table::StrategyDocument => {
                "select '/strategy/' || strategy_document_id from strategy_document where strategy_document_id = $1 and municipality_id = $2"
            }
            Table::GoalArea => {
                "select '/strategy/' || strategy_document_id from goal_area where goal_area_id = $1 and municipality_id = $2"
            }
            Table::Strategy => {
                "select '/strategy/' || g.strategy_document_id from strategy s join goal_area g using (goal_area_id) where s.strategy_id = $1 and s.municipality_id = $2"
            }
            Table::ActionPlan => {
                "select '/plan/' || action_plan_id from action_plan where action_plan_id = $1 and municipality_id = $2"
            }
            Table::Measure => {
                "select '/measures/' || measure_id from measure where measure_id = $1 and municipality_id = $2"
            }
            Table::ReportRound => {
                "select '/reports/' || report_round_id from report_round where report_round_id = $1 and municipality_id = $2"
            }
            Table::ReportTeam => {
                "select '/plan/' || action_plan_id || '/reports' from report_team where action_plan_id = $1 and municipality_id = $2"
            }
            Table::Unit => {
                "select '/units/' || unit_id from unit where unit_id = $1 and municipality_id = $2"
            }
            Table::Person => {
                "select '/people/' || person_id from person where person_id = $1 and municipality_id = $2"
            }
            Table::Cooperation => {
                "select '/cooperations/' || cooperation_id from cooperation where cooperation_id = $1 and municipality_id = $2"
            }
            Table::System => {
                "select '/systems/' || system_id from system where system_id = $1 and municipality_id = $2"
            }
            Table::SystemMeeting => {
                "select '/systems/' || system_id || '#meeting-' || system_meeting_id from system_meeting where system_meeting_id = $1 and municipality_id = $2"
            }
            Table::PlanMilestone => {
                "select '/plan/' || action_plan_id || '/milestones' from plan_milestone where plan_milestone_id = $1 and municipality_id = $2"
            }
            Table::Location => {
                "select '/locations/' || location_id from location where location_id = $1 and municipality_id = $2"
            }
            Table::Line => {
                "select '/locations/' || location_id || '#line-' || line_id from line where line_id = $1 and municipality_id = $2"
            }
            Table::RiskAssessment => {
                "select '/risks/' || risk_assessment_id from risk_assessment where risk_assessment_id = $1 and municipality_id = $2"
            }
            Table::Risk => {
                "select '/risks/items/' || risk_id from risk where risk_id = $1 and municipality_id = $2"
            }
            Table::Acquisition => {
                "select '/acquisitions/' || acquisition_id from acquisition where acquisition_id = $1 and municipality_id = $2"
            }
            Table::CouncilMeeting => {
                "select '/council/meetings/' || council_meeting_id from council_meeting where council_meeting_id = $1 and municipality_id = $2"
            }
            Table::Benefit => {
                "select '/acquisitions/' || acquisition_id || '/benefits#benefit-' || benefit_id from benefit where benefit_id = $1 and municipality_id = $2"
            }
        })
    }

    /// Where the record itself is shown, if it still exists.
    pub async fn record_url(
        self,
        conn: &mut PgConnection,
        municipality_id: i64,
        record_id: i64,
    ) -> Result<Option<String>, sqlx::Error> {
        let Some(sql) = self.url_sql() else {
            return Ok(None);
        };
        sqlx::query_scalar(sql)
            .bind(record_id)
            .bind(municipality_id)
            .fetch_optional(conn)
            .await
    }

    /// The (key, label key) pairs of the table's snapshot, in the order a person reads the
    /// record.
    /// Kept here, beside the table names, so the log reads without knowing the modules; each
    /// module's tests check that its snapshot has a label for every key (`unlabelled_keys`).
    pub fn fields(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Table::AppUser => {
                const F: &[(&str, &str)] = &[
                    ("display_name", k("audit-f-name")),
                    ("username", k("user-username")),
                    ("email", k("user-email")),
                    ("roles", k("user-roles")),
                    ("active", k("users-active")),
                    ("password", k("login-password")),
                    ("language", k("profile-language")),
                    ("calendar_feed", k("profile-calendar-feed")),
                ];
                F
            }
            Table::Municipality => {
                const F: &[(&str, &str)] = &[
                    ("name", k("audit-f-name")),
                    ("org_number", k("audit-f-org-number")),
                    ("municipality_number", k("audit-f-municipality-number")),
                    ("malform", k("audit-f-malform")),
                    ("mbps_per_user_threshold", k("lines-audit-f-threshold")),
                    ("risk_low_max", k("risks-levels-low-max")),
                    ("risk_medium_max", k("risks-levels-medium-max")),
                    ("council_clear_threshold", k("council-threshold")),
                    ("council_principles", k("council-principles-heading")),
                    ("council_members", k("council-members-heading")),
                ];
                F
            }
            Table::StrategyDocument => {
                const F: &[(&str, &str)] = &[
                    ("title", k("audit-f-title")),
                    ("period_start", k("audit-f-period-start")),
                    ("period_end", k("audit-f-period-end")),
                    ("adopted_note", k("audit-f-adopted")),
                    ("vision", k("audit-f-vision")),
                    ("main_goal", k("audit-f-main-goal")),
                    ("main_goal_text", k("audit-f-main-goal-text")),
                ];
                F
            }
            Table::GoalArea => {
                const F: &[(&str, &str)] = &[
                    ("document", k("audit-table-strategy-document")),
                    ("position", k("audit-f-position")),
                    ("name", k("audit-f-name")),
                    ("goal_statement", k("audit-f-goal-statement")),
                ];
                F
            }
            Table::Strategy => {
                const F: &[(&str, &str)] = &[
                    ("goal_area", k("audit-table-goal-area")),
                    ("position", k("audit-f-position")),
                    ("text", k("audit-table-strategy")),
                    ("key_measures", k("audit-f-key-measures")),
                ];
                F
            }
            Table::ActionPlan => {
                const F: &[(&str, &str)] = &[
                    ("name", k("audit-f-name")),
                    ("start_year", k("audit-f-start-year")),
                    ("end_year", k("audit-f-end-year")),
                    ("strategy_document", k("audit-table-strategy")),
                    ("rolled_from", k("audit-f-rolled-from")),
                    ("carried", k("audit-f-carried")),
                ];
                F
            }
            Table::Measure => {
                const F: &[(&str, &str)] = &[
                    ("title", k("audit-f-title")),
                    ("description", k("audit-f-description")),
                    ("strategies", k("audit-f-strategies")),
                    ("responsible", k("audit-f-responsible")),
                    ("hours", k("audit-f-hours")),
                    ("costs", k("audit-f-costs")),
                    ("schedule", k("audit-f-schedule")),
                    ("priority", k("audit-f-priority")),
                    ("status", k("audit-f-status")),
                    ("status_date", k("audit-f-status-date")),
                    ("status_comment", k("audit-f-status-comment")),
                    ("depends_on", k("audit-f-depends-on")),
                    ("place", k("lines-f-place")),
                ];
                F
            }
            Table::ReportRound => {
                const F: &[(&str, &str)] = &[
                    ("plan", k("audit-table-action-plan")),
                    ("due_date", k("audit-f-due-date")),
                    ("covers_year", k("audit-f-covers-year")),
                    ("state", k("audit-f-report-state")),
                    ("cancelled", k("audit-f-cancelled")),
                    ("summary", k("audit-f-summary")),
                    ("rows", k("audit-f-report-rows")),
                    ("acknowledgement_comment", k("audit-f-acknowledgement")),
                ];
                F
            }
            Table::ReportTeam => {
                const F: &[(&str, &str)] = &[
                    ("plan", k("audit-table-action-plan")),
                    ("responsible", k("audit-f-responsible")),
                    ("helpers", k("audit-f-helpers")),
                ];
                F
            }
            Table::Unit => {
                const F: &[(&str, &str)] = &[
                    ("name", k("audit-f-name")),
                    ("short_name", k("org-f-short-name")),
                    ("leader", k("org-f-leader")),
                    ("parent", k("org-f-parent")),
                ];
                F
            }
            Table::Person => {
                const F: &[(&str, &str)] = &[
                    ("name", k("audit-f-name")),
                    ("title", k("org-f-title")),
                    ("unit", k("org-f-unit")),
                    ("email", k("org-f-email")),
                    ("phone", k("org-f-phone")),
                    ("capacity", k("org-f-capacity")),
                ];
                F
            }
            Table::Cooperation => {
                const F: &[(&str, &str)] = &[
                    ("name", k("system-field-name")),
                    ("members", k("cooperation-members")),
                    ("board", k("cooperation-board")),
                    ("note", k("cooperation-note")),
                ];
                F
            }
            Table::System => {
                const F: &[(&str, &str)] = &[
                    ("name", k("system-field-name")),
                    ("description", k("system-field-description")),
                    ("vendor", k("system-field-vendor")),
                    ("operator", k("system-field-operator")),
                    ("owner", k("system-field-owner")),
                    ("administrator", k("system-field-administrator")),
                    ("superusers", k("system-field-superusers")),
                    ("users_count", k("system-field-users")),
                    ("cooperation", k("system-field-cooperation")),
                    ("host", k("system-field-host")),
                    ("server_location", k("system-field-server-location")),
                    ("database", k("system-field-database")),
                    ("lifecycle", k("system-field-lifecycle")),
                    ("criticality", k("system-field-criticality")),
                    ("personal_data", k("system-field-personal-data")),
                    ("data_controller", k("system-field-data-controller")),
                    ("dpa", k("system-field-dpa")),
                    ("dpia_date", k("system-field-dpia-date")),
                    ("processing_record_ref", k("system-field-processing-record")),
                    ("archive", k("system-field-archive-records")),
                    ("support", k("system-field-support-with")),
                    ("last_evaluated", k("system-field-last-evaluated")),
                    ("notes", k("system-field-notes")),
                    ("measures", k("system-measures-heading")),
                    ("confirmed", k("system-col-confirmed")),
                ];
                F
            }
            Table::SystemMeeting => {
                const F: &[(&str, &str)] = &[
                    ("system", k("audit-table-system")),
                    ("held_on", k("system-meeting-date")),
                    ("attendees", k("system-meeting-attendees")),
                    ("topics", k("system-meetings-heading")),
                ];
                F
            }
            Table::PlanMilestone => {
                const F: &[(&str, &str)] = &[
                    ("plan", k("audit-table-action-plan")),
                    ("kind", k("milestone-kind")),
                    ("code", k("milestone-code")),
                    ("name", k("milestone-name")),
                    ("due", k("milestone-due")),
                    ("criterion", k("milestone-criterion")),
                ];
                F
            }
            Table::Location => {
                const F: &[(&str, &str)] = &[
                    ("name", k("lines-f-name")),
                    ("address", k("lines-f-address")),
                    ("users", k("lines-col-users")),
                    ("notes", k("lines-f-notes")),
                    ("measure", k("lines-measures-heading")),
                ];
                F
            }
            Table::Line => {
                const F: &[(&str, &str)] = &[
                    ("location", k("lines-col-location")),
                    ("purpose", k("lines-col-purpose")),
                    ("capacity", k("lines-col-capacity")),
                    ("line_type", k("lines-col-type")),
                    ("ownership", k("lines-col-ownership")),
                    ("provider", k("lines-export-provider")),
                    ("theoretical_max", k("lines-f-theoretical-max")),
                    ("yearly_cost", k("lines-col-cost")),
                    ("contract_expires", k("lines-col-expires")),
                    ("notice_days", k("lines-f-notice-days")),
                    ("notes", k("lines-f-notes")),
                ];
                F
            }
            Table::RiskAssessment => {
                const F: &[(&str, &str)] = &[
                    ("title", k("risks-f-title")),
                    ("assessed_on", k("risks-f-assessed-on")),
                    ("scope", k("risks-f-scope")),
                    ("responsible", k("risks-f-responsible")),
                    ("restricted", k("risks-f-restricted")),
                ];
                F
            }
            Table::Risk => {
                const F: &[(&str, &str)] = &[
                    ("assessment", k("risks-f-assessment")),
                    ("position", k("risks-f-position")),
                    ("number", k("risks-f-number")),
                    ("description", k("risks-f-description")),
                    ("category", k("risks-f-category")),
                    ("likelihood", k("risks-f-likelihood")),
                    ("consequence", k("risks-f-consequence")),
                    ("mitigation", k("risks-f-mitigation")),
                    ("owner", k("risks-f-owner")),
                    ("residual_likelihood", k("risks-f-residual-likelihood")),
                    ("residual_consequence", k("risks-f-residual-consequence")),
                    ("status", k("risks-f-status")),
                    ("accepted_reason", k("risks-f-accepted-reason")),
                    ("accepted_by", k("risks-f-accepted-by")),
                    ("accepted_at", k("risks-f-accepted-at")),
                    ("next_review", k("risks-f-next-review")),
                    ("systems", k("risks-f-systems")),
                    ("locations", k("risks-f-locations-count")),
                ];
                F
            }
            Table::Acquisition => {
                const F: &[(&str, &str)] = &[
                    ("title", k("council-f-title")),
                    ("need", k("council-f-need")),
                    ("unit", k("council-f-unit")),
                    ("system_owner", k("council-f-system-owner")),
                    ("system", k("council-f-system")),
                    ("investment", k("council-f-investment")),
                    ("running_cost", k("council-f-running-cost")),
                    ("financing", k("council-f-financing")),
                    ("urgency", k("council-f-urgency")),
                    ("benefits", k("council-f-benefits")),
                    ("answers", k("council-f-answers")),
                    ("state", k("council-f-state")),
                    ("triage_comment", k("council-f-triage-comment")),
                    ("meeting", k("council-f-meeting")),
                    (
                        "recommendation_priority",
                        k("council-f-recommendation-priority"),
                    ),
                    (
                        "recommendation_reason",
                        k("council-f-recommendation-reason"),
                    ),
                    ("decided_financing", k("council-f-decided-financing")),
                    ("decided_amount", k("council-f-decided-amount")),
                    ("decided_priority", k("council-f-decided-priority")),
                    ("archive_ref", k("council-f-archive-ref")),
                    ("decision_reason", k("council-f-decision-reason")),
                    ("decided_on", k("council-f-decided-on")),
                    ("measure", k("council-f-measure")),
                ];
                F
            }
            Table::CouncilMeeting => {
                const F: &[(&str, &str)] = &[
                    ("held_on", k("council-meeting-date")),
                    ("place", k("council-meeting-place")),
                    ("attendance", k("council-meeting-attendance")),
                    ("agenda", k("council-meeting-agenda")),
                    ("assessments", k("council-meeting-assessments")),
                    ("closed", k("council-meeting-closed")),
                ];
                F
            }
            Table::Benefit => {
                const F: &[(&str, &str)] = &[
                    ("acquisition", k("audit-table-acquisition")),
                    ("kind", k("council-benefit-kind")),
                    ("indicator", k("council-benefit-indicator")),
                    ("baseline", k("council-benefit-baseline")),
                    ("target", k("council-benefit-target")),
                    ("target_date", k("council-benefit-target-date")),
                    ("responsible", k("council-benefit-responsible")),
                    ("followups", k("council-benefit-followups")),
                ];
                F
            }
        }
    }

    /// «Tittel» for `title`. Keys of older snapshots (Norwegian, or ids) are read by the key
    /// they became; a key never labelled reads as words, not as code.
    pub fn field_label(self, key: &str, lang: Lang) -> String {
        let key = LEGACY_KEYS
            .iter()
            .find(|(old, _)| *old == key)
            .map(|(_, new)| *new)
            .unwrap_or(key);
        self.fields()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, l)| lang.t(l))
            .unwrap_or_else(|| {
                let words = key.trim_end_matches("_id").replace('_', " ");
                let mut c = words.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            })
    }

    /// Where a key sits in the record's field order (unknown keys last), for listing changes.
    pub fn field_position(self, key: &str) -> usize {
        let key = LEGACY_KEYS
            .iter()
            .find(|(old, _)| *old == key)
            .map(|(_, new)| *new)
            .unwrap_or(key);
        self.fields()
            .iter()
            .position(|(k, _)| *k == key)
            .unwrap_or(usize::MAX)
    }
}

/// Snapshot keys used before the snapshots were typed, and the key each became.
const LEGACY_KEYS: &[(&str, &str)] = &[
    ("tittel", "title"),
    ("navn", "name"),
    ("tekst", "text"),
    ("beskrivelse", "description"),
    ("strategier", "strategies"),
    ("ansvarlig", "responsible"),
    ("timer", "hours"),
    ("kostnad", "costs"),
    ("framdrift", "schedule"),
    ("prioritert", "priority"),
    ("statusdato", "status_date"),
    ("statuskommentar", "status_comment"),
    ("avhenger_av", "depends_on"),
    ("rullert_fra", "rolled_from"),
    ("passord", "password"),
    ("strategy_document_id", "strategy_document"),
    ("goal_area_id", "goal_area"),
];

/// Snapshot keys of older rows that hold an id, and the table it points to: the log shows the
/// name the record had in its latest audit row instead of the number.
pub(crate) const ID_KEYS: &[(&str, Table)] = &[
    ("strategy_document_id", Table::StrategyDocument),
    ("goal_area_id", Table::GoalArea),
    ("strategy_id", Table::Strategy),
    ("action_plan_id", Table::ActionPlan),
    ("measure_id", Table::Measure),
    ("predecessor_measure_id", Table::Measure),
    ("depends_on", Table::Measure),
    ("avhenger_av", Table::Measure),
];

/// A record type's snapshot, as the audit log keeps it: flat, readable values, so that a diff
/// of two snapshots reads as a sentence.
pub trait Audited: Serialize {
    const TABLE: Table;
    /// How the log names this record: its title or name.
    fn name(&self) -> String;
}

/// The keys of a snapshot that its table has no label for (a test asserts there are none).
pub fn unlabelled_keys<T: Audited>(sample: &T) -> Vec<String> {
    let value = serde_json::to_value(sample).unwrap_or_default();
    let fields = T::TABLE.fields();
    value
        .as_object()
        .map(|o| {
            o.keys()
                .filter(|k| !fields.iter().any(|(f, _)| f == k))
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// The longest record name the log keeps.
const NAME_CHARS: usize = 200;

/// The refusal of an update based on an older version: who saved the record last, and when, as
/// the log has it (a store's version check returns this).
pub async fn stale(
    tx: &mut Tx<'_>,
    municipality_id: i64,
    table: Table,
    record_id: i64,
) -> Result<crate::db::Outcome, sqlx::Error> {
    let r = sqlx::query!(
        r#"
        select u.display_name as "by?", a.occurred_at as "at: chrono::DateTime<chrono::Utc>"
        from audit_log a left join app_user u on u.app_user_id = a.app_user_id
        where a.municipality_id = $1 and a.table_name = $2 and a.record_id = $3
        order by a.occurred_at desc limit 1
        "#,
        municipality_id,
        table.code(),
        record_id
    )
    .fetch_optional(&mut **tx)
    .await?;
    Ok(crate::db::Outcome::Stale {
        by: r.as_ref().and_then(|r| r.by.clone()),
        at: r
            .map(|r| crate::domain::format_datetime(r.at))
            .unwrap_or_default(),
    })
}

/// Writes one audit row, in the change's own transaction.
pub async fn record<T: Audited>(
    tx: &mut Tx<'_>,
    actor: impl Into<Actor>,
    action: Action,
    record_id: i64,
    before: Option<&T>,
    after: Option<&T>,
) -> Result<(), sqlx::Error> {
    let actor = actor.into();
    let json = |s: Option<&T>| {
        s.map(serde_json::to_value)
            .transpose()
            .map_err(|e| sqlx::Error::Encode(e.into()))
    };
    let name: Option<String> = after
        .or(before)
        .map(|s| s.name().chars().take(NAME_CHARS).collect());
    sqlx::query!(
        r#"
        insert into audit_log (municipality_id, app_user_id, action, table_name, record_id,
                               record_name, before, after, audit_event_id)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        "#,
        actor.municipality_id,
        actor.user_id,
        action.code(),
        T::TABLE.code(),
        record_id,
        name,
        json(before)?,
        json(after)?,
        actor.event_id
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Who last changed a record, and when: what a refused stale form tells the user.
pub struct LastChange {
    pub who: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

pub async fn last_change(
    conn: &mut PgConnection,
    municipality_id: i64,
    table: Table,
    record_id: i64,
) -> Result<Option<LastChange>, sqlx::Error> {
    sqlx::query_as!(
        LastChange,
        r#"
        select coalesce(u.display_name, 'Systemet') as "who!",
               a.occurred_at as "at: chrono::DateTime<chrono::Utc>"
        from audit_log a left join app_user u on u.app_user_id = a.app_user_id
        where a.municipality_id = $1 and a.table_name = $2 and a.record_id = $3
        order by a.occurred_at desc, a.audit_log_id desc
        limit 1
        "#,
        municipality_id,
        table.code(),
        record_id
    )
    .fetch_optional(conn)
    .await
}
