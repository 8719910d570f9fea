//! The CouchDB HTTP API, as much of it as replication and sign-in need:
//! `fetch` with the session cookie (`credentials: include`), a timeout on
//! every request, and the server's answers turned into typed errors. What
//! to send and what an answer means is decided in `care_core::sync`.

use care_core::sync::{
    self, BulkDocsRequest, BulkDocsResult, ChangesResponse, Checkpoint, RevsDiffRequest,
    RevsDiffResponse, Since, SyncError,
};
use gloo_net::http::{Request, RequestBuilder};
use serde::Deserialize;
use std::time::Duration;
use thiserror::Error;
use web_sys::{AbortController, RequestCredentials};

/// What went wrong talking to the server, as the sync status explains it.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CouchError {
    /// No answer at all: offline, the server down or unreachable, or the
    /// browser refused the answer (CORS).
    #[error("the server cannot be reached: {0}")]
    Unreachable(String),
    #[error("the server did not answer within {0:?}")]
    Timeout(Duration),
    /// Stopped on purpose (the app locked, a sync started on demand).
    #[error("stopped")]
    Aborted,
    /// 401 on `_session`: the name or the password is wrong.
    #[error("the user name or password is wrong")]
    WrongPassword,
    /// 401/403 on the team's database: signed in, but not a member (or
    /// the session ended).
    #[error("not allowed: {0}")]
    NotAllowed(String),
    /// 404 on the team's database.
    #[error("the server has no database for this team")]
    NoSuchTeam,
    /// Any other error answer.
    #[error("the server answered {status}: {error} ({reason})")]
    Status {
        status: u16,
        error: String,
        reason: String,
    },
    /// An answer that is not what the protocol says.
    #[error("{0}")]
    Protocol(String),
}

impl From<SyncError> for CouchError {
    fn from(e: SyncError) -> Self {
        match e {
            SyncError::Server { error, reason } => CouchError::Status {
                status: 200,
                error,
                reason,
            },
            other => CouchError::Protocol(other.to_string()),
        }
    }
}

impl CouchError {
    /// Whether trying again later may succeed without anyone changing a
    /// setting: the network, the server's health, a timeout.
    pub fn is_transient(&self) -> bool {
        match self {
            CouchError::Unreachable(_) | CouchError::Timeout(_) | CouchError::Protocol(_) => true,
            CouchError::Status { status, .. } => *status >= 500 || *status == 429,
            _ => false,
        }
    }
}

/// How long an ordinary request may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a long-poll may stay open. CouchDB closes it itself after the
/// `timeout` parameter (25 s); PouchDB Server ignores that parameter, so
/// the client closes it.
pub const LONG_POLL_TIMEOUT: Duration = Duration::from_secs(55);
const LONG_POLL_SERVER_MS: u32 = 25_000;

/// Aborts the request it guards when dropped: a sync that is stopped
/// (its future dropped) leaves no request open.
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(c) = self.0.take() {
            c.abort();
        }
    }
}

/// One team's database on one server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Couch {
    server: String,
    db: String,
}

#[derive(Deserialize)]
struct SessionAnswer {
    #[serde(rename = "userCtx")]
    user_ctx: UserCtx,
}

#[derive(Deserialize)]
struct UserCtx {
    name: Option<String>,
    #[serde(default)]
    roles: Vec<String>,
}

/// Whom the session cookie signs in, and the roles the server gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Session {
    pub name: Option<String>,
    pub roles: Vec<String>,
}

#[derive(Deserialize)]
struct ServerInfo {
    uuid: Option<String>,
}

#[derive(Deserialize)]
struct PutAnswer {
    rev: String,
}

impl Couch {
    /// `server` is the server's URL (a trailing slash is dropped), `db`
    /// the team's database name.
    pub fn new(server: &str, db: &str) -> Couch {
        Couch {
            server: server.trim().trim_end_matches('/').to_owned(),
            db: db.trim().to_owned(),
        }
    }

    pub fn server(&self) -> &str {
        &self.server
    }

    /// The database's URL, as its replication identity uses it.
    pub fn db_url(&self) -> String {
        format!("{}/{}", self.server, encode(&self.db))
    }

    fn at(&self, path: &str) -> String {
        format!("{}/{}", self.db_url(), path)
    }

    /// Sends a request and reads the whole answer, within `timeout`.
    async fn send(
        &self,
        builder: RequestBuilder,
        body: Option<String>,
        timeout: Duration,
    ) -> Result<(u16, String), CouchError> {
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());
        let guard = AbortOnDrop(controller);
        let builder = builder
            .credentials(RequestCredentials::Include)
            .header("Accept", "application/json")
            .abort_signal(signal.as_ref());
        let request = match body {
            Some(b) => builder
                .header("Content-Type", "application/json")
                .body(b)
                .map_err(|e| CouchError::Protocol(e.to_string()))?,
            None => builder
                .build()
                .map_err(|e| CouchError::Protocol(e.to_string()))?,
        };
        let exchange = async {
            let response = request.send().await.map_err(unreachable)?;
            let status = response.status();
            let text = response.text().await.map_err(unreachable)?;
            Ok::<_, CouchError>((status, text))
        };
        let timer = gloo_timers::future::sleep(timeout);
        futures::pin_mut!(exchange);
        futures::pin_mut!(timer);
        let result = match futures::future::select(exchange, timer).await {
            futures::future::Either::Left((r, _)) => r,
            futures::future::Either::Right(_) => Err(CouchError::Timeout(timeout)),
        };
        drop(guard);
        result
    }

    /// An answer with a 2xx status, or the error it means.
    async fn ok(
        &self,
        builder: RequestBuilder,
        body: Option<String>,
        timeout: Duration,
    ) -> Result<String, CouchError> {
        let (status, text) = self.send(builder, body, timeout).await?;
        if (200..300).contains(&status) {
            return Ok(text);
        }
        let (error, reason) = error_of(&text);
        Err(match status {
            401 | 403 => CouchError::NotAllowed(if reason.is_empty() { error } else { reason }),
            404 => CouchError::Status {
                status,
                error,
                reason,
            },
            _ => CouchError::Status {
                status,
                error,
                reason,
            },
        })
    }

    /// `POST /_session`: signs in; the server sets the session cookie.
    pub async fn sign_in(&self, name: &str, password: &str) -> Result<(), CouchError> {
        let body = serde_json::json!({ "name": name, "password": password }).to_string();
        let url = format!("{}/_session", self.server);
        let (status, text) = self
            .send(Request::post(&url), Some(body), REQUEST_TIMEOUT)
            .await?;
        match status {
            200..=299 => Ok(()),
            401 => Err(CouchError::WrongPassword),
            _ => {
                let (error, reason) = error_of(&text);
                Err(CouchError::Status {
                    status,
                    error,
                    reason,
                })
            }
        }
    }

    /// `GET /_session`: whoever the cookie signs in, if anyone, with
    /// their roles.
    pub async fn session(&self) -> Result<Session, CouchError> {
        let url = format!("{}/_session", self.server);
        let text = self.ok(Request::get(&url), None, REQUEST_TIMEOUT).await?;
        let answer: SessionAnswer =
            serde_json::from_str(&text).map_err(|e| CouchError::Protocol(e.to_string()))?;
        Ok(Session {
            name: answer.user_ctx.name,
            roles: answer.user_ctx.roles,
        })
    }

    /// `DELETE /_session`: ends the session (the cookie is cleared).
    pub async fn sign_out(&self) -> Result<(), CouchError> {
        let url = format!("{}/_session", self.server);
        self.ok(Request::delete(&url), None, REQUEST_TIMEOUT)
            .await
            .map(|_| ())
    }

    /// `GET /`: the server's uuid, part of the replication identity.
    pub async fn server_uuid(&self) -> Result<Option<String>, CouchError> {
        let url = format!("{}/", self.server);
        let text = self.ok(Request::get(&url), None, REQUEST_TIMEOUT).await?;
        let info: ServerInfo =
            serde_json::from_str(&text).map_err(|e| CouchError::Protocol(e.to_string()))?;
        Ok(info.uuid)
    }

    /// `GET /db`: checks that the database exists and that the signed-in
    /// user may read it.
    pub async fn check_access(&self) -> Result<(), CouchError> {
        let url = format!("{}/", self.db_url());
        match self.ok(Request::get(&url), None, REQUEST_TIMEOUT).await {
            Ok(_) => Ok(()),
            Err(CouchError::Status { status: 404, .. }) => Err(CouchError::NoSuchTeam),
            Err(e) => Err(e),
        }
    }

    pub async fn revs_diff(&self, req: &RevsDiffRequest) -> Result<RevsDiffResponse, CouchError> {
        let body = serde_json::to_string(req).map_err(|e| CouchError::Protocol(e.to_string()))?;
        let text = self
            .ok(
                Request::post(&self.at("_revs_diff")),
                Some(body),
                REQUEST_TIMEOUT,
            )
            .await?;
        Ok(sync::parse_revs_diff(&text)?)
    }

    pub async fn bulk_docs(
        &self,
        req: &BulkDocsRequest<'_>,
    ) -> Result<Vec<BulkDocsResult>, CouchError> {
        let body = serde_json::to_string(req).map_err(|e| CouchError::Protocol(e.to_string()))?;
        let text = self
            .ok(
                Request::post(&self.at("_bulk_docs")),
                Some(body),
                REQUEST_TIMEOUT,
            )
            .await?;
        Ok(sync::parse_bulk_docs(&text)?)
    }

    /// `GET /db/_changes` with the documents, from `since`, at most `limit`
    /// rows; a long-poll waits until there is at least one.
    pub async fn changes(
        &self,
        since: &Since,
        limit: usize,
        long_poll: bool,
    ) -> Result<ChangesResponse, CouchError> {
        let mut url = format!(
            "{}?include_docs=true&style=all_docs&limit={limit}&since={}",
            self.at("_changes"),
            encode(&since.param())
        );
        let timeout = if long_poll {
            url.push_str(&format!("&feed=longpoll&timeout={LONG_POLL_SERVER_MS}"));
            LONG_POLL_TIMEOUT
        } else {
            REQUEST_TIMEOUT
        };
        let text = self.ok(Request::get(&url), None, timeout).await?;
        Ok(sync::parse_changes(&text)?)
    }

    /// `GET /db/_local/<id>`: the checkpoint, or `None` if there is none.
    pub async fn checkpoint(&self, local_id: &str) -> Result<Option<Checkpoint>, CouchError> {
        match self
            .ok(
                Request::get(&self.at(&encode_doc_id(local_id))),
                None,
                REQUEST_TIMEOUT,
            )
            .await
        {
            Ok(text) => Ok(Some(Checkpoint::parse(&text)?)),
            Err(CouchError::Status { status: 404, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `PUT /db/_local/<id>`: writes the checkpoint; gives its new `_rev`.
    pub async fn put_checkpoint(&self, checkpoint: &Checkpoint) -> Result<String, CouchError> {
        let body =
            serde_json::to_string(checkpoint).map_err(|e| CouchError::Protocol(e.to_string()))?;
        let text = self
            .ok(
                Request::put(&self.at(&encode_doc_id(&checkpoint.id))),
                Some(body),
                REQUEST_TIMEOUT,
            )
            .await?;
        let answer: PutAnswer =
            serde_json::from_str(&text).map_err(|e| CouchError::Protocol(e.to_string()))?;
        Ok(answer.rev)
    }
}

/// A fetch that failed before any answer: a network error, a refused
/// connection, CORS, or an abort.
fn unreachable(e: gloo_net::Error) -> CouchError {
    let text = e.to_string();
    if text.contains("AbortError") || text.to_lowercase().contains("aborted") {
        CouchError::Aborted
    } else {
        CouchError::Unreachable(text)
    }
}

/// The `error` and `reason` of a CouchDB error body (empty if it has none).
fn error_of(body: &str) -> (String, String) {
    let value: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    let field = |k: &str| {
        value
            .get(k)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned()
    };
    (field("error"), field("reason"))
}

/// Percent-encodes a path segment or query value.
fn encode(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// `_local/<id>` keeps its slash, as CouchDB expects it.
fn encode_doc_id(id: &str) -> String {
    match id.strip_prefix("_local/") {
        Some(rest) => format!("_local/{}", encode(rest)),
        None => encode(id),
    }
}
