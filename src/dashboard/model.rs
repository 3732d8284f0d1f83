//! The dashboard's rules: how a measure's hours spread over the quarters of its schedule, and
//! the bars of a chart. No SQL.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::plan::model::Span;

/// A quarter: (year, 1..=4).
pub type Quarter = (i32, i32);

/// The quarter a schedule cell falls in: the first year is planned by month, later years by
/// quarter.
pub fn quarter_of(span: Span, year: i32, period: i32) -> Quarter {
    if year == span.start_year {
        (year, (period - 1) / 3 + 1)
    } else {
        (year, period)
    }
}

/// A measure's hours spread over its planned periods by their length (a month one part, a
/// quarter three), summed per quarter. No cells: nothing is spread (the caller counts the
/// hours as unscheduled).
pub fn spread(span: Span, hours: Decimal, cells: &[(i32, i32)]) -> BTreeMap<Quarter, Decimal> {
    let months = |year: i32| if year == span.start_year { 1 } else { 3 };
    let total: i32 = cells.iter().map(|(y, _)| months(*y)).sum();
    let mut out = BTreeMap::new();
    if total == 0 {
        return out;
    }
    for (y, p) in cells {
        let share = hours * Decimal::from(months(*y)) / Decimal::from(total);
        *out.entry(quarter_of(span, *y, *p)).or_default() += share;
    }
    out
}

/// A value as askama hands it to a method: itself, or a reference to it from a loop or an
/// `if let` (sometimes a reference to that).
pub trait Val<T: Copy> {
    fn val(&self) -> T;
}
impl<T: Copy> Val<T> for T {
    fn val(&self) -> T {
        *self
    }
}
impl<T: Copy> Val<T> for &T {
    fn val(&self) -> T {
        **self
    }
}
impl<T: Copy> Val<T> for &&T {
    fn val(&self) -> T {
        ***self
    }
}

/// The width of the longest bar in a chart's SVG units (the labels take the rest).
pub const BAR_UNITS: i64 = 220;

/// One bar of a chart: its label, value, value as text, and width in per cent of the largest.
pub struct Bar {
    pub label: String,
    pub value: Decimal,
    pub text: String,
    /// The pattern (and colour) the bar is drawn with: a `dash-pattern-*` id.
    pub pattern: &'static str,
    pub href: String,
}

impl Bar {
    /// The bar's width in the chart's units (`BAR_UNITS` for the largest), with a sliver for
    /// a non-zero value so it is not mistaken for none.
    pub fn width(&self, max: impl Val<Decimal>) -> String {
        let max = max.val();
        if max.is_zero() || self.value.is_zero() {
            return "0".into();
        }
        let w = (self.value * Decimal::from(BAR_UNITS) / max).round_dp(1);
        w.max(Decimal::ONE).to_string()
    }
}

pub fn max_of(bars: &[Bar]) -> Decimal {
    bars.iter().map(|b| b.value).max().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span() -> Span {
        Span {
            start_year: 2014,
            end_year: 2017,
        }
    }

    #[test]
    fn months_of_the_first_year_fall_in_their_quarter_and_later_cells_are_quarters() {
        assert_eq!(quarter_of(span(), 2014, 1), (2014, 1));
        assert_eq!(quarter_of(span(), 2014, 3), (2014, 1));
        assert_eq!(quarter_of(span(), 2014, 4), (2014, 2));
        assert_eq!(quarter_of(span(), 2014, 12), (2014, 4));
        assert_eq!(quarter_of(span(), 2015, 2), (2015, 2));
    }

    #[test]
    fn hours_spread_by_the_length_of_each_period_and_add_up_to_the_whole() {
        // Two months of 2014 (one part each) and one quarter of 2015 (three parts): 100 hours
        // split 20 / 20 / 60.
        let s = spread(
            span(),
            Decimal::from(100),
            &[(2014, 1), (2014, 5), (2015, 3)],
        );
        assert_eq!(s[&(2014, 1)], Decimal::from(20));
        assert_eq!(s[&(2014, 2)], Decimal::from(20));
        assert_eq!(s[&(2015, 3)], Decimal::from(60));
        assert_eq!(s.values().copied().sum::<Decimal>(), Decimal::from(100));
        // Three months of one quarter add up in it.
        let q = spread(
            span(),
            Decimal::from(90),
            &[(2014, 1), (2014, 2), (2014, 3)],
        );
        assert_eq!(q.len(), 1);
        assert_eq!(q[&(2014, 1)], Decimal::from(90));
        assert!(spread(span(), Decimal::from(5), &[]).is_empty());
    }
}
