//! What the app shares with every component: the library and its indexes, and the way a
//! component changes the filters.

use std::rc::Rc;

use yew::Callback;

use crate::model::districts::DistrictIndex;
use crate::model::entity_index::EntityIndex;
use crate::model::filters::Filters;
use crate::model::library::Library;

/// The library and its indexes, shared by every component; compared by identity.
#[derive(Clone)]
pub struct Shared {
    pub library: Rc<Library>,
    pub index: Rc<EntityIndex>,
    pub districts: Rc<DistrictIndex>,
}

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.library, &other.library)
    }
}

/// Changes the filters: `(new filters, replace)`; `replace` rewrites the current history
/// entry (while typing a search) instead of adding one.
pub type OnFilters = Callback<(Filters, bool)>;
