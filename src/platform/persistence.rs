//! `navigator.storage` (`persist`, `persisted`): asks the browser not to
//! clear Limber's data under storage pressure. Safari before 15.2 and some
//! WebViews have no `navigator.storage`.

use super::{invoke, navigator, property, settled, ApiError};

async fn ask(name: &str) -> Result<bool, ApiError> {
    let manager = property(&navigator(), "storage").ok_or(ApiError::Missing)?;
    let answer = settled(invoke(&manager, name, &[])?).await?;
    answer
        .as_bool()
        .ok_or_else(|| ApiError::Failed("not a yes or no".into()))
}

/// Asks the browser to keep Limber's storage even when space runs low.
pub async fn request() -> Result<bool, ApiError> {
    ask("persist").await
}

/// Whether the browser has promised to keep Limber's storage.
pub async fn granted() -> Result<bool, ApiError> {
    ask("persisted").await
}
