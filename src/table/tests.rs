//! The table engine against a brute-force oracle: random rows (missing
//! values, ties, Unicode), random sort orders and restrictions; every row
//! of every view compared. Views kept up to date by `refresh` against a
//! view rebuilt from scratch, and their notifications replayed on a
//! client's copy. The oracle works on the test's own row structs,
//! not through the engine's comparison or restriction code. Seeds are
//! printed on failure.

use std::cmp::Ordering;

use super::restriction::RowValues;
use super::*;
use crate::mapi::{PROP_ID, PROP_TAG, PT_BINARY, PT_LONG, PT_SYSTIME, PT_UNICODE, ULONG};
use crate::provider::PropValue;

const SUBJECT: ULONG = PROP_TAG(PT_UNICODE, 0x0037);
const SIZE: ULONG = PROP_TAG(PT_LONG, 0x0E08);
const FLAGS: ULONG = PROP_TAG(PT_LONG, 0x0E07);
const TIME: ULONG = PROP_TAG(PT_SYSTIME, 0x0E06);
const BLOB: ULONG = PROP_TAG(PT_BINARY, 0x6601);

#[derive(Clone, Debug)]
struct Row {
    subject: Option<String>,
    size: Option<u32>,
    flags: Option<u32>,
    time: Option<u64>,
    blob: Option<Vec<u8>>,
}

impl RowValues for Row {
    fn value(&self, tag: ULONG) -> Option<PropValue> {
        match PROP_ID(tag) {
            id if id == PROP_ID(SUBJECT) => self.subject.clone().map(PropValue::String),
            id if id == PROP_ID(SIZE) => self.size.map(PropValue::Long),
            id if id == PROP_ID(FLAGS) => self.flags.map(PropValue::Long),
            id if id == PROP_ID(TIME) => self.time.map(PropValue::SysTime),
            id if id == PROP_ID(BLOB) => self.blob.clone().map(PropValue::Binary),
            _ => None,
        }
    }
}

struct Source(Vec<Row>);

impl RowSource for Source {
    fn row_ids(&self) -> crate::mapi::MapiResult<Vec<RowId>> {
        Ok((0..self.0.len() as RowId).collect())
    }
    fn row(&self, id: RowId) -> crate::mapi::MapiResult<Option<Box<dyn RowValues + '_>>> {
        Ok(self
            .0
            .get(id as usize)
            .map(|r| Box::new(r.clone()) as Box<dyn RowValues>))
    }
}

/// xorshift64*: a tiny deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn maybe<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> Option<T> {
        (self.below(5) != 0).then(|| f(self))
    }
}

const WORDS: &[&str] = &[
    "alpha",
    "Alpha",
    "beta",
    "Ärger",
    "ärger",
    "zeta",
    "Øre",
    "",
    "日本",
    "beta gamma",
];

fn random_rows(rng: &mut Rng, n: usize) -> Vec<Row> {
    (0..n)
        .map(|_| Row {
            subject: rng.maybe(|r| {
                let a = WORDS[r.below(WORDS.len() as u64) as usize];
                let b = WORDS[r.below(WORDS.len() as u64) as usize];
                format!("{a}{b}")
            }),
            size: rng.maybe(|r| r.below(50) as u32),
            flags: rng.maybe(|r| r.below(16) as u32),
            time: rng.maybe(|r| r.below(20)),
            blob: rng.maybe(|r| (0..r.below(4)).map(|_| r.below(3) as u8).collect()),
        })
        .collect()
}

// ---- the oracle -------------------------------------------------------

fn fold(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

fn key_order(a: &Row, b: &Row, key: &SortKey) -> Ordering {
    fn opt<T: Ord>(x: Option<T>, y: Option<T>) -> Ordering {
        x.cmp(&y) // None < Some: missing first
    }
    let o = match PROP_ID(key.tag) {
        id if id == PROP_ID(SUBJECT) => opt(
            a.subject.as_ref().map(|s| (fold(s), s.clone())),
            b.subject.as_ref().map(|s| (fold(s), s.clone())),
        ),
        id if id == PROP_ID(SIZE) => opt(a.size.map(|v| v as i32), b.size.map(|v| v as i32)),
        id if id == PROP_ID(TIME) => opt(a.time, b.time),
        _ => opt(a.blob.clone(), b.blob.clone()),
    };
    if key.descending {
        o.reverse()
    } else {
        o
    }
}

#[derive(Clone, Debug)]
enum Oracle {
    SizeRel(Relop, u32),
    Subject(Fuzzy, String),
    Exists(ULONG),
    FlagsZero(bool, u32),
    Not(Box<Oracle>),
    And(Vec<Oracle>),
    Or(Vec<Oracle>),
}

fn holds(relop: Relop, o: Ordering) -> bool {
    match relop {
        Relop::Lt => o.is_lt(),
        Relop::Le => o.is_le(),
        Relop::Gt => o.is_gt(),
        Relop::Ge => o.is_ge(),
        Relop::Eq => o.is_eq(),
        Relop::Ne => o.is_ne(),
    }
}

fn oracle_matches(o: &Oracle, r: &Row) -> bool {
    match o {
        Oracle::SizeRel(rel, v) => r
            .size
            .is_some_and(|s| holds(*rel, (s as i32).cmp(&(*v as i32)))),
        Oracle::Subject(f, needle) => r.subject.as_ref().is_some_and(|s| {
            let (h, n) = if f.ignore_case {
                (s.to_lowercase(), needle.to_lowercase())
            } else {
                (s.clone(), needle.clone())
            };
            match f.level {
                0 => h == n,
                1 => h.contains(&n),
                _ => h.starts_with(&n),
            }
        }),
        Oracle::Exists(tag) => r.value(*tag).is_some(),
        Oracle::FlagsZero(zero, mask) => r.flags.is_some_and(|f| (f & mask == 0) == *zero),
        Oracle::Not(x) => !oracle_matches(x, r),
        Oracle::And(v) => v.iter().all(|x| oracle_matches(x, r)),
        Oracle::Or(v) => v.iter().any(|x| oracle_matches(x, r)),
    }
}

fn to_restriction(o: &Oracle) -> Restriction {
    match o {
        Oracle::SizeRel(relop, v) => Restriction::Property {
            relop: *relop,
            tag: SIZE,
            value: PropValue::Long(*v),
        },
        Oracle::Subject(fuzzy, s) => Restriction::Content {
            fuzzy: *fuzzy,
            tag: SUBJECT,
            value: PropValue::String(s.clone()),
        },
        Oracle::Exists(t) => Restriction::Exist(*t),
        Oracle::FlagsZero(zero, mask) => Restriction::Bitmask {
            zero: *zero,
            tag: FLAGS,
            mask: *mask,
        },
        Oracle::Not(x) => Restriction::Not(Box::new(to_restriction(x))),
        Oracle::And(v) => Restriction::And(v.iter().map(to_restriction).collect()),
        Oracle::Or(v) => Restriction::Or(v.iter().map(to_restriction).collect()),
    }
}

fn random_oracle(rng: &mut Rng, depth: u32) -> Oracle {
    let relops = [
        Relop::Lt,
        Relop::Le,
        Relop::Gt,
        Relop::Ge,
        Relop::Eq,
        Relop::Ne,
    ];
    match rng.below(if depth == 0 { 4 } else { 7 }) {
        0 => Oracle::SizeRel(relops[rng.below(6) as usize], rng.below(50) as u32),
        1 => Oracle::Subject(
            Fuzzy {
                level: rng.below(3) as u32,
                ignore_case: rng.below(2) == 0,
            },
            WORDS[rng.below(WORDS.len() as u64) as usize]
                .chars()
                .take(1 + rng.below(3) as usize)
                .collect(),
        ),
        2 => Oracle::Exists([SUBJECT, SIZE, FLAGS, TIME, BLOB][rng.below(5) as usize]),
        3 => Oracle::FlagsZero(rng.below(2) == 0, 1 + rng.below(15) as u32),
        4 => Oracle::Not(Box::new(random_oracle(rng, depth - 1))),
        5 => Oracle::And(
            (0..1 + rng.below(3))
                .map(|_| random_oracle(rng, depth - 1))
                .collect(),
        ),
        _ => Oracle::Or(
            (0..1 + rng.below(3))
                .map(|_| random_oracle(rng, depth - 1))
                .collect(),
        ),
    }
}

#[test]
fn sorted_restricted_views_match_the_oracle() {
    let rounds = if cfg!(miri) { 2 } else { 40 };
    let rows = if cfg!(miri) { 60 } else { 1_200 };
    for seed in 1..=rounds {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ seed);
        let data = random_rows(&mut rng, rows);
        let keys: Vec<SortKey> = (0..1 + rng.below(3))
            .map(|_| SortKey {
                tag: [SUBJECT, SIZE, TIME, BLOB][rng.below(4) as usize],
                descending: rng.below(2) == 0,
            })
            .collect();
        let oracle = random_oracle(&mut rng, 3);
        // The oracle's answer: filter, then a stable sort on its own
        // comparator (ties keep the natural order).
        let mut want: Vec<usize> = (0..data.len())
            .filter(|&i| oracle_matches(&oracle, &data[i]))
            .collect();
        want.sort_by(|&a, &b| {
            keys.iter()
                .map(|k| key_order(&data[a], &data[b], k))
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
        });
        let mut view = TableView::new(Source(data.clone()), vec![SUBJECT, SIZE]).unwrap();
        view.sort(keys.clone()).unwrap();
        view.restrict(Some(to_restriction(&oracle))).unwrap();
        assert_eq!(view.row_count(), want.len(), "seed {seed}: {oracle:?}");
        // Page through in random steps; every row compared.
        let mut got = Vec::new();
        loop {
            let page = view.query_rows(1 + rng.below(70) as i32, false).unwrap();
            if page.is_empty() {
                break;
            }
            got.extend(page);
        }
        assert_eq!(got.len(), want.len(), "seed {seed}");
        for (row, &i) in got.iter().zip(&want) {
            assert_eq!(
                row[0].1,
                data[i].value(SUBJECT),
                "seed {seed}, keys {keys:?}"
            );
            assert_eq!(row[1].1, data[i].value(SIZE), "seed {seed}, keys {keys:?}");
        }
    }
}

#[test]
fn cursor_bookmarks_and_find() {
    let data: Vec<Row> = (0..10u32)
        .map(|i| Row {
            subject: Some(format!("m{i}")),
            size: Some(i),
            flags: None,
            time: None,
            blob: None,
        })
        .collect();
    let mut view = TableView::new(Source(data), vec![SIZE]).unwrap();
    assert_eq!(view.position(), (0, 10));
    assert_eq!(view.seek(Origin::Beginning, 4).unwrap(), (4, false));
    let mark = view.create_bookmark().unwrap();
    assert_eq!(view.query_rows(2, false).unwrap().len(), 2);
    assert_eq!(view.position().0, 6);
    // Backwards: the two rows before the cursor.
    let back = view.query_rows(-2, false).unwrap();
    assert_eq!(back[0][0].1, Some(PropValue::Long(4)));
    assert_eq!(view.position().0, 4);
    // TBL_NOADVANCE leaves the cursor.
    view.query_rows(3, true).unwrap();
    assert_eq!(view.position().0, 4);
    assert_eq!(view.seek(Origin::End, -20).unwrap(), (-10, false));
    assert_eq!(view.seek(Origin::Mark(mark), 1).unwrap(), (1, false));
    assert_eq!(view.position().0, 5);
    let eight = Restriction::Property {
        relop: Relop::Eq,
        tag: SIZE,
        value: PropValue::Long(8),
    };
    assert_eq!(
        view.find(&eight, Origin::Current, false).unwrap(),
        (true, false)
    );
    assert_eq!(view.position().0, 8);
    assert_eq!(
        view.find(&eight, Origin::Beginning, true).unwrap(),
        (false, false)
    );
    // A bookmark on a row that is filtered away: the position changed.
    let gone = Restriction::Not(Box::new(Restriction::Property {
        relop: Relop::Eq,
        tag: SIZE,
        value: PropValue::Long(4),
    }));
    view.restrict(Some(gone)).unwrap();
    assert_eq!(view.seek(Origin::Mark(mark), 0).unwrap(), (0, true));
    view.free_bookmark(mark).unwrap();
    assert!(view.seek(Origin::Mark(mark), 0).is_err());
    assert!(view.free_bookmark(mark).is_err());
    view.seek_approx(1, 2).unwrap();
    assert_eq!(view.position(), (4, 9));
    assert!(view.seek_approx(3, 2).is_err());
    assert!(view.set_columns(Vec::new()).is_err());
}

/// A source whose rows change under an open view (`None`: deleted).
struct Shared {
    rows: std::sync::Arc<std::sync::Mutex<Vec<Option<Row>>>>,
    id_ordered: bool,
}

const ID: ULONG = PROP_TAG(PT_LONG, 0x6602);

struct Identified(RowId, Row);

impl RowValues for Identified {
    fn value(&self, tag: ULONG) -> Option<PropValue> {
        if tag == ID {
            return Some(PropValue::Long(self.0 as u32));
        }
        self.1.value(tag)
    }
}

impl RowSource for Shared {
    fn row_ids(&self) -> crate::mapi::MapiResult<Vec<RowId>> {
        let rows = self.rows.lock().unwrap();
        let mut ids: Vec<RowId> = (0..rows.len() as RowId)
            .filter(|&i| rows[i as usize].is_some())
            .collect();
        if !self.id_ordered {
            // Some other natural order (a tree's, say).
            ids.sort_by_key(|&i| (i % 7, i));
        }
        Ok(ids)
    }
    fn row(&self, id: RowId) -> crate::mapi::MapiResult<Option<Box<dyn RowValues + '_>>> {
        let rows = self.rows.lock().unwrap();
        Ok(rows
            .get(id as usize)
            .cloned()
            .flatten()
            .map(|r| Box::new(Identified(id, r)) as Box<dyn RowValues>))
    }
    fn id_ordered(&self) -> bool {
        self.id_ordered
    }
}

/// Every row's id, in view order, from the start.
fn ids_in_view<S: RowSource>(view: &mut TableView<S>) -> Vec<RowId> {
    let at = view.position().0 as i32;
    view.seek(Origin::Beginning, 0).unwrap();
    let rows = view.query_rows(i32::MAX, false).unwrap();
    view.seek(Origin::Beginning, at).unwrap();
    rows.iter()
        .map(|r| match r[0].1 {
            Some(PropValue::Long(id)) => RowId::from(id),
            ref other => panic!("no id: {other:?}"),
        })
        .collect()
}

#[test]
fn refreshed_views_match_a_rebuild_and_their_notifications_replay() {
    let rounds = if cfg!(miri) { 2 } else { 12 };
    for seed in 1..=rounds {
        for id_ordered in [true, false] {
            let mut rng = Rng(0xD1B5_4A32_D192_ED03 ^ seed);
            let initial = random_rows(&mut rng, if cfg!(miri) { 20 } else { 300 });
            let rows = std::sync::Arc::new(std::sync::Mutex::new(
                initial.into_iter().map(Some).collect::<Vec<_>>(),
            ));
            let source = || Shared {
                rows: rows.clone(),
                id_ordered,
            };
            let keys: Vec<SortKey> = (0..rng.below(3))
                .map(|_| SortKey {
                    tag: [SUBJECT, SIZE, TIME, BLOB][rng.below(4) as usize],
                    descending: rng.below(2) == 0,
                })
                .collect();
            let oracle = (rng.below(2) == 0).then(|| random_oracle(&mut rng, 2));
            let restriction = oracle.as_ref().map(to_restriction);
            let open = || {
                let mut v = TableView::new(source(), vec![ID, SUBJECT]).unwrap();
                v.sort(keys.clone()).unwrap();
                v.restrict(restriction.clone()).unwrap();
                v
            };
            let mut view = open();
            // The client's copy of the view, kept by the notifications.
            let mut client = ids_in_view(&mut view);
            for step in 0..40 {
                // A batch: some rows added, changed, deleted.
                let mut changed = Vec::new();
                let n = if rng.below(15) == 0 {
                    80
                } else {
                    1 + rng.below(4)
                };
                for _ in 0..n {
                    let mut rows = rows.lock().unwrap();
                    let id = match rng.below(3) {
                        0 => {
                            rows.push(Some(random_rows(&mut rng, 1).remove(0)));
                            rows.len() - 1
                        }
                        1 => {
                            let id = rng.below(rows.len() as u64) as usize;
                            rows[id] = None;
                            id
                        }
                        _ => {
                            let id = rng.below(rows.len() as u64) as usize;
                            if rows[id].is_some() {
                                rows[id] = Some(random_rows(&mut rng, 1).remove(0));
                            }
                            id
                        }
                    };
                    changed.push(id as RowId);
                }
                changed.sort_unstable();
                changed.dedup();
                // The cursor on some row that does not change.
                let total = view.row_count();
                if total > 0 {
                    view.seek(Origin::Beginning, rng.below(total as u64) as i32)
                        .unwrap();
                }
                let before_cursor = view.query_rows(1, true).unwrap();
                let events = view.refresh(&changed).unwrap();
                let ctx = format!("seed {seed}, id_ordered {id_ordered}, step {step}");
                // The cursor stayed on its row, if that row did not change.
                if let Some(row) = before_cursor.first() {
                    if let Some(PropValue::Long(id)) = row[0].1 {
                        if !changed.contains(&RowId::from(id)) {
                            let now = view.query_rows(1, true).unwrap();
                            assert_eq!(now.first(), Some(row), "{ctx}: cursor moved");
                        }
                    }
                }
                let want = ids_in_view(&mut open());
                assert_eq!(ids_in_view(&mut view), want, "{ctx}: view != rebuild");
                // Replay the events on the client's copy.
                for e in &events {
                    let after = |client: &mut Vec<RowId>, id, prior: Option<RowId>| {
                        let at = match prior {
                            None => 0,
                            Some(p) => {
                                1 + client
                                    .iter()
                                    .position(|&x| x == p)
                                    .unwrap_or_else(|| panic!("{ctx}: prior {p} unknown"))
                            }
                        };
                        client.insert(at, id);
                    };
                    match *e {
                        RowEvent::Reload => client = want.clone(),
                        RowEvent::Deleted { id } => client.retain(|&x| x != id),
                        RowEvent::Added { id, prior } => {
                            assert!(!client.contains(&id), "{ctx}: added twice");
                            after(&mut client, id, prior);
                        }
                        RowEvent::Modified { id, prior } => {
                            client.retain(|&x| x != id);
                            after(&mut client, id, prior);
                        }
                    }
                }
                assert_eq!(client, want, "{ctx}: replayed events {events:?}");
                if n > RELOAD_THRESHOLD as u64 && changed.len() > RELOAD_THRESHOLD {
                    assert_eq!(events, vec![RowEvent::Reload], "{ctx}");
                }
                // The notifications carry the rows' current columns.
                for note in view.notifications(&events).unwrap() {
                    if note.event == crate::mapi::TABLE_ROW_ADDED {
                        let id = match note.row[0].1 {
                            Some(PropValue::Long(id)) => RowId::from(id),
                            _ => panic!("{ctx}: no id column"),
                        };
                        assert_eq!(note.index, Some(instance_key(id)), "{ctx}");
                    }
                }
            }
        }
    }
}
