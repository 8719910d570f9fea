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
