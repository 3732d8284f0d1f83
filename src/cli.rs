//! What the command line does besides serving: `create-admin`.

use crate::{
    accounts::{model::ValidUser, store},
    audit::Actor,
    auth::{Role, RoleSet, password},
    domain::OrgNumber,
    web::on_constraint,
};

/// The municipality to create along with the first admin, when the database has none.
pub struct MunicipalityArg {
    pub name: Option<String>,
    pub org_number: Option<String>,
    pub municipality_number: Option<String>,
}

/// For `ikt-styring create-admin`: creates an admin (and, on an empty database, the
/// municipality) in one transaction, audited as done by the system.
pub async fn create_first_admin(
    db: &sqlx::PgPool,
    m: MunicipalityArg,
    username: &str,
    email: &str,
    display_name: &str,
    password: &str,
) -> anyhow::Result<()> {
    if let Some(msg) = password::weakness(password) {
        anyhow::bail!(msg);
    }
    let hash = password::hash(password.to_string()).await?;
    let mut tx = db.begin().await?;
    let municipality_id = match &m.org_number {
        Some(org) => {
            let org = OrgNumber::parse(org).map_err(anyhow::Error::msg)?;
            let existing = sqlx::query_scalar!(
                r#"select municipality_id from municipality where org_number = $1"#,
                org.as_str()
            )
            .fetch_optional(&mut *tx)
            .await?;
            match existing {
                Some(id) => id,
                None => {
                    let name = m.name.as_deref().ok_or_else(|| {
                        anyhow::anyhow!("mangler --municipality (navnet på kommunen)")
                    })?;
                    let number = m
                        .municipality_number
                        .as_deref()
                        .filter(|n| n.len() == 4 && n.chars().all(|c| c.is_ascii_digit()))
                        .ok_or_else(|| {
                            anyhow::anyhow!("mangler --municipality-number (fire sifre)")
                        })?;
                    store::insert_municipality(&mut tx, name, &org, number).await?
                }
            }
        }
        None => {
            let ids = sqlx::query_scalar!(r#"select municipality_id from municipality"#)
                .fetch_all(&mut *tx)
                .await?;
            match ids.as_slice() {
                [one] => *one,
                [] => anyhow::bail!(
                    "databasen har ingen kommune: oppgi --municipality, --org-number og --municipality-number"
                ),
                _ => anyhow::bail!("databasen har flere kommuner: oppgi --org-number"),
            }
        }
    };
    let user = ValidUser {
        username: username.trim().to_lowercase(),
        email: email.trim().to_lowercase(),
        display_name: display_name.trim().to_string(),
        roles: RoleSet::from(Role::Admin),
        password: None,
    };
    if let Err(e) = store::insert_user(&mut tx, Actor::system(municipality_id), &user, &hash).await
    {
        let taken = on_constraint(e, crate::accounts::model::UNIQUE)?;
        let (field, _) = &taken.all()[0];
        anyhow::bail!(if *field == "username" {
            format!("brukernavnet {} er allerede i bruk", user.username)
        } else {
            format!("e-postadressen {} er allerede i bruk", user.email)
        });
    }
    tx.commit().await?;
    Ok(())
}
