//! The imported articles in IndexedDB: one object store of JSON strings keyed by article
//! id. A thin promise wrapper over web-sys; reading the records is `prepared/saved.rs`'s job, so
//! whatever is in the store (even what another program wrote) cannot break the app.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

pub const DB_NAME: &str = "helmand-reader";
pub const STORE: &str = "imported-articles";
/// 2 since records are kept prepared (`prepared/article.rs`): an older build of the app, which
/// asks for 1, then cannot open the database (and says so) instead of finding records it
/// cannot read and offering to delete them.
// 3: records may be of version 2 (an address, what was guessed), which a build that knows
// only version 1 would misread; it cannot open the database at all, and says so.
const DB_VERSION: u32 = 3;

/// Resolves when the request succeeds, with its result; rejects with its error.
async fn finished(req: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok = req.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let bad = req.clone();
        let on_error = Closure::once_into_js(move || {
            let why = bad.error().ok().flatten().map(|e| e.message()).unwrap_or_else(|| "unknown error".into());
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&why));
        });
        req.set_onsuccess(Some(on_success.unchecked_ref()));
        req.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

pub async fn open() -> Result<IdbDatabase, String> {
    let factory =
        gloo::utils::window().indexed_db().map_err(|e| format!("{e:?}"))?.ok_or("this browser has no IndexedDB")?;
    let req: IdbOpenDbRequest = factory.open_with_u32(DB_NAME, DB_VERSION).map_err(|e| format!("{e:?}"))?;
    let upgrading = req.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            // new, or from version 1 (the store is there already, and the call fails harmlessly)
            let _ = db.create_object_store(STORE);
        }
    });
    req.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let db = finished(&req).await?;
    db.dyn_into::<IdbDatabase>().map_err(|_| "the database did not open".to_string())
}

/// Every record as (key, value), whatever the values are.
pub async fn all(db: &IdbDatabase) -> Result<Vec<(String, JsValue)>, String> {
    let tx = db.transaction_with_str(STORE).map_err(|e| format!("{e:?}"))?;
    let store = tx.object_store(STORE).map_err(|e| format!("{e:?}"))?;
    let keys = finished(&store.get_all_keys().map_err(|e| format!("{e:?}"))?).await?;
    let values = finished(&store.get_all().map_err(|e| format!("{e:?}"))?).await?;
    let (keys, values): (Array, Array) = (keys.unchecked_into(), values.unchecked_into());
    Ok(keys.iter().zip(values.iter()).map(|(k, v)| (k.as_string().unwrap_or_else(|| format!("{k:?}")), v)).collect())
}

/// Resolves when a read-write transaction has committed, so a reload right after keeps it.
async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let on_complete = Closure::once_into_js(move || drop(resolve.call0(&JsValue::NULL)));
        let failed = tx.clone();
        let on_error = Closure::once_into_js(move || {
            let why = failed.error().map(|e| e.message()).unwrap_or_else(|| "the write was aborted".into());
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&why));
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onerror(Some(on_error.unchecked_ref()));
        tx.set_onabort(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(drop).map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

async fn write(
    db: &IdbDatabase,
    change: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<(), String> {
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).map_err(|e| format!("{e:?}"))?;
    let store = tx.object_store(STORE).map_err(|e| format!("{e:?}"))?;
    change(&store).map_err(|e| format!("{e:?}"))?;
    committed(&tx).await
}

/// Saves several records in one transaction: all or none.
pub async fn put_all(db: &IdbDatabase, entries: &[(String, String)]) -> Result<(), String> {
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).map_err(|e| format!("{e:?}"))?;
    let store = tx.object_store(STORE).map_err(|e| format!("{e:?}"))?;
    for (key, value) in entries {
        store.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key)).map_err(|e| format!("{e:?}"))?;
    }
    committed(&tx).await
}

pub async fn delete(db: &IdbDatabase, key: &str) -> Result<(), String> {
    write(db, |s| s.delete(&JsValue::from_str(key))).await
}
