//! Types of the line inventory and what the audit log keeps of them.

use serde::{Deserialize, Serialize};

use crate::audit::{Audited, Table};

/// The threshold form on the list.
#[derive(Deserialize, Default)]
pub struct ThresholdForm {
    #[serde(default)]
    pub threshold: String,
}

/// What the audit log keeps of a threshold change: a change of the municipality (the threshold
/// is the municipality's column), so it shows in the municipality's history.
#[derive(Serialize, Clone)]
pub struct ThresholdSnapshot {
    pub name: String,
    pub mbps_per_user_threshold: String,
}

impl Audited for ThresholdSnapshot {
    const TABLE: Table = Table::Municipality;
    fn name(&self) -> String {
        self.name.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::unlabelled_keys;

    #[test]
    fn every_key_of_the_threshold_snapshot_has_a_label_in_the_log() {
        let s = ThresholdSnapshot {
            name: "Ringebu kommune".into(),
            mbps_per_user_threshold: "1".into(),
        };
        assert!(unlabelled_keys(&s).is_empty());
    }
}
