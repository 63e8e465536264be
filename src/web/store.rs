//! The app's store: the collection (`model/collection.rs`), the browser's storage and the import
//! worker, and the actions that change them (load at startup, import, paste, edit, delete,
//! undo, export). Actions that wait on the worker or the storage run one at a time, in the
//! order they were asked for, so none sees another half done (an import dropped while the
//! saved articles load waits for them, and so meets its duplicate). Components call these;
//! the store re-renders the app after each change. Every failure becomes a message in the
//! store's status, never a broken page.

use std::cell::{Cell, RefCell};
use std::collections::{HashSet, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, IdbDatabase};
use yew::Callback;

use crate::model::article::Article;
use crate::model::collection::{Collection, ReportLine};
use crate::model::export::export_json;
use crate::model::file_check::precheck;
use crate::model::highlight::Change;
use crate::model::job::{message, Job, Outcome};
use crate::model::library::Library;
use crate::model::record::StoredArticle;
use crate::prepared::article::encode_article;
use crate::prepared::saved::{batches, in_import_order, newer_notice, read_saved, unreadable_notice, Saved};
use crate::web::browser::{corpus, download, idb, import_worker, now_iso, yield_now};

/// What the store is doing and what it has to say, beside the collection.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Status {
    /// "Reading report.html (2 of 3)…" while an action runs.
    pub busy: Option<String>,
    /// (done, total) of the running import.
    pub progress: Option<(usize, usize)>,
    /// The saved imports have been read (or found unreadable) at startup.
    pub loaded: bool,
    /// Problems with the saved articles or the storage.
    pub storage: Vec<String>,
    /// Saved records that could not be read, and what was said of them; left as they are
    /// until the user chooses to delete them.
    pub unreadable: Vec<String>,
    pub unreadable_notice: Option<String>,
    /// The last deleted article, for "Undo".
    pub deleted: Option<Rc<Article>>,
}

enum Db {
    Opening,
    Open(IdbDatabase),
    Unavailable,
}

type Action = Pin<Box<dyn Future<Output = ()>>>;

#[derive(Default)]
struct Queue {
    actions: RefCell<VecDeque<Action>>,
    running: Cell<bool>,
    /// Actions asked for and not yet finished (the running one included).
    pending: Cell<usize>,
}

#[derive(Clone)]
pub struct Store {
    pub collection: Rc<RefCell<Collection>>,
    pub status: Rc<RefCell<Status>>,
    db: Rc<RefCell<Db>>,
    queue: Rc<Queue>,
    refresh: Callback<()>,
    /// Where the highlights of an "everything" file go (the highlights' reducer).
    highlights: Callback<Change>,
    /// Counts changes; a snapshot remembers the count it was taken at, so the context
    /// tells its consumers when anything changed.
    changes: Rc<Cell<u64>>,
    seen: u64,
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.collection, &other.collection) && self.seen == other.seen
    }
}

impl Store {
    /// `bundled`: the first chunk of the bundled corpus (the rest comes with `load`), or
    /// `problem` saying why it could not be read.
    pub fn new(bundled: Library, problem: Option<String>, refresh: Callback<()>, highlights: Callback<Change>) -> Self {
        let status = Status { storage: problem.into_iter().collect(), ..Status::default() };
        Store {
            collection: Rc::new(RefCell::new(Collection::new(bundled))),
            status: Rc::new(RefCell::new(status)),
            db: Rc::new(RefCell::new(Db::Opening)),
            queue: Rc::default(),
            refresh,
            highlights,
            changes: Rc::default(),
            seen: 0,
        }
    }

    /// The library and its indexes as of now (for listeners that outlive a render).
    pub fn shared(&self) -> crate::web::context::Shared {
        let c = self.collection.borrow();
        crate::web::context::Shared {
            library: c.library.clone(),
            index: c.index.clone(),
            districts: c.districts.clone(),
        }
    }

    /// The store as of now, for the context.
    pub fn snapshot(&self) -> Self {
        Store { seen: self.changes.get(), ..self.clone() }
    }

    fn changed(&self) {
        self.changes.set(self.changes.get() + 1);
        self.refresh.emit(());
    }

    /// Runs `action` after the actions asked for before it.
    fn enqueue(&self, action: impl Future<Output = ()> + 'static) {
        self.queue.actions.borrow_mut().push_back(Box::pin(action));
        self.queue.pending.set(self.queue.pending.get() + 1);
        if self.queue.running.replace(true) {
            return;
        }
        let store = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                let next = store.queue.actions.borrow_mut().pop_front();
                let Some(action) = next else { break };
                action.await;
                store.queue.pending.set(store.queue.pending.get().saturating_sub(1));
                if store.queue.pending.get() == 0 {
                    store.changed(); // all written: the page says so (`data-pending`)
                }
            }
            store.queue.running.set(false);
        });
    }

    /// Actions not yet finished: a save or delete may still be on its way to the storage.
    pub fn pending(&self) -> usize {
        self.queue.pending.get()
    }

    fn set_busy(&self, busy: Option<String>, progress: Option<(usize, usize)>) {
        let mut s = self.status.borrow_mut();
        s.busy = busy;
        s.progress = progress;
        drop(s);
        self.changed();
    }

    fn storage_problem(&self, text: String) {
        self.status.borrow_mut().storage.push(text);
        self.changed();
    }

    fn db(&self) -> Option<IdbDatabase> {
        match &*self.db.borrow() {
            Db::Open(db) => Some(db.clone()),
            _ => None,
        }
    }

    /// At startup: the rest of the bundled corpus, then the saved imports (kept prepared,
    /// so they are read, not cleaned and annotated again).
    pub fn load(&self) {
        let store = self.clone();
        self.enqueue(async move {
            store.load_corpus().await;
            store.read_saved().await;
            store.status.borrow_mut().loaded = true;
            store.set_busy(None, None);
        });
    }

    /// Chunks after the first, in order, a few requests ahead of the one being read.
    async fn load_corpus(&self) {
        const AHEAD: usize = 4;
        let urls = corpus::chunk_urls();
        let total = urls.len();
        let mut requests: VecDeque<corpus::Fetch> = urls.iter().skip(1).take(AHEAD).map(|u| corpus::fetch(u)).collect();
        let mut pending = Vec::new();
        for i in 1..total {
            let Some(request) = requests.pop_front() else { break };
            if let Some(url) = urls.get(i + AHEAD) {
                requests.push_back(corpus::fetch(url));
            }
            match request.articles().await {
                Ok(articles) => pending.extend(articles),
                Err(why) => self.storage_problem(format!("Some bundled articles are missing: {why}.")),
            }
            // each addition rebuilds the indexes and re-renders the app: not after every chunk
            // but when the waiting articles would double the library (at least 2,000), so the
            // rebuilds add up to about twice the corpus, not its square
            let library = self.collection.borrow().library.articles.len();
            if pending.len() >= library.max(2_000) || i + 1 == total {
                self.collection.borrow_mut().add(std::mem::take(&mut pending));
                let busy = (i + 1 < total).then(|| format!("Loading the articles (part {} of {total})…", i + 1));
                self.set_busy(busy, Some((i + 1, total)).filter(|_| i + 1 < total));
            }
        }
    }

    async fn read_saved(&self) {
        let db = match idb::open().await {
            Ok(db) => db,
            Err(why) => {
                *self.db.borrow_mut() = Db::Unavailable;
                return self.storage_problem(format!(
                    "Imported articles cannot be kept in this browser ({why}): they will be gone after a reload. Export them to keep them."
                ));
            }
        };
        *self.db.borrow_mut() = Db::Open(db.clone());
        let records = match idb::all(&db).await {
            Ok(r) => r,
            Err(why) => return self.storage_problem(format!("The saved imported articles could not be read ({why}).")),
        };
        let total = records.len();
        // every saved key is reserved until its article is in the library: an import must
        // not overwrite a record that is unreadable, newer, or not read this time
        let mut reserved: HashSet<String> = records.iter().map(|(k, _)| k.clone()).collect();
        let mut newer: Vec<String> = Vec::new();
        let mut salvage: Vec<StoredArticle> = Vec::new();
        let mut good: Vec<Article> = Vec::new();
        let mut older: Vec<(String, String)> = Vec::new();
        let mut problems: Vec<(String, String)> = Vec::new();
        let mut bytes = 0;
        for (i, (key, value)) in records.into_iter().enumerate() {
            // about 2 MB at a time, then the page gets a turn
            if bytes > 2 << 20 {
                bytes = 0;
                self.set_busy(Some(format!("Loading your imported articles ({i} of {total})…")), Some((i, total)));
                yield_now().await;
            }
            let text = value.as_string();
            bytes += text.as_ref().map_or(0, String::len);
            match read_saved(&key, text) {
                Saved::Ready(a) => good.push(*a),
                Saved::Older(text) => older.push((key, text)),
                Saved::Newer => newer.push(key),
                Saved::Salvaged(rec) => salvage.push(*rec),
                Saved::Unreadable(why) => problems.push((key, why)),
            }
        }
        in_import_order(&mut good);
        self.collection.borrow_mut().add(good);
        self.changed();
        // records from earlier versions are read again by the worker, then saved prepared
        for batch in batches(older) {
            let keys: HashSet<String> = batch.iter().map(|(k, _)| k.clone()).collect();
            let outcomes = import_worker::run(&Job::Restore(batch), "Saved articles", None).await;
            let (added, refused) = self.collection.borrow_mut().restore(outcomes);
            for (name, reason) in refused {
                if keys.contains(&name) {
                    problems.push((name, reason)); // that record is unreadable
                } else {
                    // the worker itself failed: the records are fine, and stay for next time
                    self.storage_problem(message(
                        "Some of your saved articles",
                        &format!("could not be read this time ({reason})"),
                    ));
                }
            }
            self.changed();
            self.save(&added).await;
        }
        for rec in salvage {
            let (key, name) = (rec.id.clone(), format!("“{}”", rec.title));
            let outcomes = import_worker::run(&Job::Stored(rec), &name, None).await;
            let (added, refused) = self.collection.borrow_mut().restore(outcomes);
            problems.extend(refused.into_iter().map(|(_, why)| (key.clone(), why)));
            self.changed();
            self.save(&added).await;
        }
        if !newer.is_empty() {
            self.storage_problem(newer_notice(&newer));
        }
        {
            let mut c = self.collection.borrow_mut();
            for a in &c.library.articles {
                reserved.remove(&a.id);
            }
            c.reserved = reserved;
        }
        if !problems.is_empty() {
            let mut s = self.status.borrow_mut();
            s.unreadable_notice = Some(unreadable_notice(&problems));
            s.unreadable = problems.into_iter().map(|(k, _)| k).collect();
        }
        self.changed();
    }

    async fn save(&self, articles: &[Rc<Article>]) {
        let Some(db) = self.db() else { return };
        if articles.is_empty() {
            return;
        }
        let entries: Vec<(String, String)> = articles.iter().map(|a| (a.id.clone(), encode_article(a))).collect();
        if let Err(why) = idb::put_all(&db, &entries).await {
            let what = if articles.len() == 1 {
                format!("“{}” is", articles[0].title)
            } else {
                format!("{} articles are", articles.len())
            };
            self.storage_problem(format!("{what} shown but could not be saved in this browser ({why})."));
        }
    }

    fn report(&self, name: &str, why: impl ToString) {
        let text = message(name, &why.to_string());
        self.collection.borrow_mut().report.push(ReportLine { name: name.to_string(), text, added: None });
    }

    /// Imports files (from the file input or a drop); `open` gets the first article added.
    pub fn import_files(&self, files: Vec<File>, open: Callback<String>) {
        let store = self.clone();
        self.enqueue(async move {
            store.collection.borrow_mut().report.clear();
            let total = files.len();
            let mut first = None;
            for (i, file) in files.into_iter().enumerate() {
                let name = file.name();
                let size = file.size() as usize;
                store.set_busy(Some(format!("Reading {name} ({} of {total})…", i + 1)), Some((i, total)));
                if let Err(why) = precheck(&name, size) {
                    store.report(&name, why);
                    continue;
                }
                let bytes = match JsFuture::from(file.array_buffer()).await {
                    Ok(b) => b.unchecked_into::<js_sys::ArrayBuffer>(),
                    Err(e) => {
                        store.report(&name, format!("could not be read ({e:?})"));
                        continue;
                    }
                };
                let outcomes =
                    import_worker::run(&Job::File { name: name.clone(), added: now_iso() }, &name, Some(bytes)).await;
                first = first.or(store.add(outcomes).await);
            }
            store.set_busy(None, None);
            if let Some(id) = first {
                open.emit(id);
            }
        });
    }

    /// Imports a pasted text; `open` gets it when added.
    pub fn paste(&self, title: String, outlet: String, text: String, url: String, open: Callback<String>) {
        let store = self.clone();
        self.enqueue(async move {
            store.collection.borrow_mut().report.clear();
            store.set_busy(Some("Reading the pasted text…".into()), None);
            let outcomes = import_worker::run(
                &Job::Paste { title, outlet, text, added: now_iso(), url },
                crate::model::job::PASTED,
                None,
            )
            .await;
            let id = store.add(outcomes).await;
            store.set_busy(None, None);
            if let Some(id) = id {
                open.emit(id);
            }
        });
    }

    async fn add(&self, outcomes: Vec<Outcome>) -> Option<String> {
        for o in &outcomes {
            if let Outcome::Highlights { from, highlights, unreadable, toggles } = o {
                self.highlights.emit(Change::Merge {
                    from: from.clone(),
                    highlights: highlights.clone(),
                    unreadable: *unreadable,
                    toggles: toggles.clone(),
                });
            }
        }
        let added = self.collection.borrow_mut().import(outcomes);
        self.changed();
        self.save(&added).await;
        added.first().map(|a| a.id.clone())
    }

    /// Saves new details of an imported article (the worker annotates the new title).
    pub fn rename(&self, rec: StoredArticle) {
        let store = self.clone();
        self.enqueue(async move {
            let title = format!("“{}”", rec.title);
            for o in import_worker::run(&Job::Stored(rec), &title, None).await {
                match o {
                    Outcome::Ready(ready) => {
                        // deleted meanwhile: it stays deleted
                        let replaced = store.collection.borrow_mut().replace(*ready);
                        if let Some(a) = replaced {
                            store.changed();
                            store.save(&[a]).await;
                        }
                    }
                    Outcome::Refused { name, reason } => store.storage_problem(message(&name, &reason)),
                    Outcome::Highlights { .. } => {}
                }
            }
        });
    }

    /// Removes an imported article at once (it can be brought back with `undo_delete`); the
    /// saved record goes after the actions before it.
    pub fn delete(&self, id: String) {
        let Some(gone) = self.collection.borrow_mut().remove(&id) else { return };
        self.status.borrow_mut().deleted = Some(gone);
        self.changed();
        let store = self.clone();
        self.enqueue(async move {
            let Some(db) = store.db() else { return };
            if store.collection.borrow().library.get(&id).is_some() {
                return; // brought back (undo, or the same text imported again) before this ran
            }
            if let Err(why) = idb::delete(&db, &id).await {
                store.storage_problem(format!(
                    "The article was removed here but is still saved in this browser ({why})."
                ));
            }
        });
    }

    /// Brings back the last deleted article; `open` gets it.
    pub fn undo_delete(&self, open: Callback<String>) {
        let Some(a) = self.status.borrow_mut().deleted.take() else { return };
        let back = self.collection.borrow_mut().add(vec![a.as_ref().clone()]);
        self.changed();
        let store = self.clone();
        self.enqueue(async move {
            // the article as the library holds it when this runs (an edit may have landed)
            let now: Vec<Rc<Article>> = {
                let c = store.collection.borrow();
                back.iter()
                    .filter_map(|a| c.library.articles.iter().find(|b| b.id == a.id && b.is_imported()).cloned())
                    .collect()
            };
            store.save(&now).await;
            if let Some(a) = now.first() {
                open.emit(a.id.clone());
            }
        });
    }

    /// Deletes the saved records that could not be read (the user chose to).
    pub fn forget_unreadable(&self) {
        let store = self.clone();
        self.enqueue(async move {
            let keys = std::mem::take(&mut store.status.borrow_mut().unreadable);
            let mut failed = Vec::new();
            if let Some(db) = store.db() {
                for k in keys {
                    match idb::delete(&db, &k).await {
                        Ok(()) => drop(store.collection.borrow_mut().reserved.remove(&k)),
                        Err(why) => failed.push(format!("“{k}” ({why})")),
                    }
                }
            }
            let mut s = store.status.borrow_mut();
            s.unreadable_notice = None;
            if !failed.is_empty() {
                s.storage.push(format!("These unreadable records could not be deleted: {}.", failed.join(", ")));
            }
            drop(s);
            store.changed();
        });
    }

    /// Downloads every imported article as one JSON file.
    pub fn export(&self) {
        let recs = self.collection.borrow().imported();
        let now = now_iso();
        let name = format!("helmand-reader-imports-{}.json", now.get(..10).unwrap_or("export"));
        if let Err(why) = download::save(&name, "application/json", &export_json(&recs, &now)) {
            self.storage_problem(format!("The export could not be saved ({why})."));
        }
    }

    pub fn dismiss_storage(&self) {
        self.status.borrow_mut().storage.clear();
        self.changed();
    }

    pub fn dismiss_report(&self) {
        self.collection.borrow_mut().report.clear();
        self.changed();
    }

    pub fn dismiss_deleted(&self) {
        self.status.borrow_mut().deleted = None;
        self.changed();
    }
}
