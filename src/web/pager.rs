//! Page numbers for long lists.

#[derive(Debug, Clone)]
pub struct Pager {
    pub page: i64,
    pub per_page: i64,
    pub total: i64,
}

impl Pager {
    /// A page number from the query string. A number from a tampered link is bounded, so the
    /// offset cannot overflow.
    pub fn requested(page: Option<i64>) -> i64 {
        page.unwrap_or(1).clamp(1, 1_000_000)
    }

    /// The pager of a fetched page: a page past the end (an old link) was fetched again as the
    /// first, so an empty page is page 1.
    pub fn of(page: i64, rows: usize, per_page: i64, total: i64) -> Self {
        Pager::new(Some(if rows == 0 { 1 } else { page }), per_page, total)
    }

    pub fn new(page: Option<i64>, per_page: i64, total: i64) -> Self {
        let last = ((total + per_page - 1) / per_page).max(1);
        Pager {
            page: page.unwrap_or(1).clamp(1, last),
            per_page,
            total,
        }
    }
    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.per_page
    }
    pub fn last(&self) -> i64 {
        ((self.total + self.per_page - 1) / self.per_page).max(1)
    }
    pub fn has_prev(&self) -> bool {
        self.page > 1
    }
    pub fn has_next(&self) -> bool {
        self.page < self.last()
    }
}

/// What a pager link keeps of the list's query: its filters and its order.
pub fn query_base(filters: &str, sort: &str, descending: bool) -> String {
    let order = format!(
        "sort={sort}&dir={}",
        if descending { "desc" } else { "asc" }
    );
    if filters.is_empty() {
        order
    } else {
        format!("{filters}&{order}")
    }
}
