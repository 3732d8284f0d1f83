//! The five roles; a user may hold several.

use std::fmt::Write;

use crate::i18n::{Lang, k};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Admin,
    Ikt,
    Leder,
    Rad,
    Superbruker,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Ikt,
        Role::Leder,
        Role::Rad,
        Role::Superbruker,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Ikt => "ikt",
            Role::Leder => "leder",
            Role::Rad => "rad",
            Role::Superbruker => "superbruker",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "Administrator",
            Role::Ikt => "IKT-medarbeider",
            Role::Leder => "Leder (rådmann og ledergruppe)",
            Role::Rad => "Medlem av IKT-rådet",
            Role::Superbruker => "Superbruker",
        }
    }

    /// The catalog key of the role's name (`label` is its bokmål text, kept for the audit log's
    /// stored values and the import's matching).
    pub fn label_key(self) -> &'static str {
        match self {
            Role::Admin => k("role-admin"),
            Role::Ikt => k("role-ikt"),
            Role::Leder => k("role-leder"),
            Role::Rad => k("role-rad"),
            Role::Superbruker => k("role-superbruker"),
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    const fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RoleSet(u8);

impl RoleSet {
    pub const EMPTY: RoleSet = RoleSet(0);

    pub fn from_codes<S: AsRef<str>>(codes: &[S]) -> Self {
        codes
            .iter()
            .filter_map(|c| Role::parse(c.as_ref()))
            .fold(Self::EMPTY, |set, r| set | r)
    }

    /// The set with `role` added; `const`, so role extractors can name their set.
    pub const fn with(self, role: Role) -> RoleSet {
        RoleSet(self.0 | role.bit())
    }

    pub fn has(self, role: Role) -> bool {
        self.0 & role.bit() != 0
    }

    pub fn intersects(self, other: RoleSet) -> bool {
        self.0 & other.0 != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Role> {
        Role::ALL.into_iter().filter(move |r| self.has(*r))
    }

    pub fn codes(self) -> Vec<String> {
        self.iter().map(|r| r.code().to_string()).collect()
    }

    /// «IKT-medarbeider» eller «Administrator» (bokmål)
    pub fn describe(self) -> String {
        self.describe_in(Lang::Nb)
    }

    /// The roles' names in `lang`, joined by «, » and «eller» (the same word in both).
    pub fn describe_in(self, lang: Lang) -> String {
        let mut out = String::new();
        let roles: Vec<Role> = self.iter().collect();
        for (i, r) in roles.iter().enumerate() {
            if i > 0 {
                out.push_str(if i + 1 == roles.len() {
                    " eller "
                } else {
                    ", "
                });
            }
            let _ = write!(out, "«{}»", lang.t(r.label_key()));
        }
        out
    }
}

impl From<Role> for RoleSet {
    fn from(r: Role) -> Self {
        RoleSet(r.bit())
    }
}

impl std::ops::BitOr<Role> for RoleSet {
    type Output = RoleSet;
    fn bitor(self, r: Role) -> RoleSet {
        RoleSet(self.0 | r.bit())
    }
}

impl std::ops::BitOr for RoleSet {
    type Output = RoleSet;
    fn bitor(self, r: RoleSet) -> RoleSet {
        RoleSet(self.0 | r.0)
    }
}

impl std::ops::BitOr for Role {
    type Output = RoleSet;
    fn bitor(self, r: Role) -> RoleSet {
        RoleSet(self.bit() | r.bit())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_set_keeps_the_roles_it_was_given_and_names_them_in_norwegian() {
        let set = RoleSet::from_codes(&["ikt", "admin", "nonsense"]);
        assert!(set.has(Role::Ikt) && set.has(Role::Admin));
        assert!(!set.has(Role::Leder));
        assert_eq!(set.codes(), vec!["admin", "ikt"]);
        assert_eq!(set.describe(), "«Administrator» eller «IKT-medarbeider»");
    }
}
