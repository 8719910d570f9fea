//! Training scenarios a trainer imported on this device (the built-in
//! library is in the app). Kept in clear: a scenario holds no real
//! customer's data.

use super::{IdbStore, StoreError};

const SCENARIOS_KEY: &str = "scenarios";

/// One imported scenario file, as it was read.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportedScenario {
    pub file: String,
    pub source: String,
    pub imported_at: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct ImportedScenarios {
    key: String,
    files: Vec<ImportedScenario>,
}

impl IdbStore {
    /// The scenarios imported on this device, oldest first.
    pub async fn imported_scenarios(&self) -> Result<Vec<ImportedScenario>, StoreError> {
        let found: Option<ImportedScenarios> = self.setting(SCENARIOS_KEY).await?;
        Ok(found.map(|f| f.files).unwrap_or_default())
    }

    /// Replaces the imported scenarios, whole.
    pub async fn store_imported_scenarios(
        &self,
        files: &[ImportedScenario],
    ) -> Result<(), StoreError> {
        self.keep_setting(&ImportedScenarios {
            key: SCENARIOS_KEY.to_owned(),
            files: files.to_vec(),
        })
        .await
    }
}

const ASSIGNMENTS_KEY: &str = "training_assignments";

/// A scenario a trainer gave a trainee to practise.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Assignment {
    pub scenario: String,
    /// The trainee's person id on this device.
    pub trainee: String,
    /// Who assigned it (a person id).
    pub by: String,
    /// RFC 3339.
    pub at: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Assignments {
    key: String,
    list: Vec<Assignment>,
}

impl IdbStore {
    /// The scenarios assigned on this device, oldest first.
    pub async fn assignments(&self) -> Result<Vec<Assignment>, StoreError> {
        let found: Option<Assignments> = self.setting(ASSIGNMENTS_KEY).await?;
        Ok(found.map(|f| f.list).unwrap_or_default())
    }

    /// Replaces the assignments, whole.
    pub async fn store_assignments(&self, list: &[Assignment]) -> Result<(), StoreError> {
        self.keep_setting(&Assignments {
            key: ASSIGNMENTS_KEY.to_owned(),
            list: list.to_vec(),
        })
        .await
    }
}
