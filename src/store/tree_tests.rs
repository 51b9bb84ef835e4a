//! The reference store's behaviour through the provider traits, run
//! against every backend (one parameterised suite: add a backend to
//! `backends()`).

use std::sync::Arc;

use super::*;
use crate::provider::{Folder, MapiProp, Opened, PropName, PropValue};

fn backends() -> Vec<(&'static str, Box<dyn Backend>)> {
    #[allow(unused_mut)] // Miri cannot run SQLite's C code
    let mut all: Vec<(&'static str, Box<dyn Backend>)> =
        vec![("memory", Box::new(MemoryBackend::new([7; 16])))];
    #[cfg(not(miri))]
    all.push((
        "sqlite",
        Box::new(SqliteBackend::scratch([8; 16]).expect("a scratch SQLite store")),
    ));
    all
}

fn each_backend(mut test: impl FnMut(Arc<Engine>)) {
    for (name, backend) in backends() {
        eprintln!("backend: {name}");
        test(Arc::new(Engine::open(backend, 1).expect("store opens")));
    }
}

fn folder(engine: &Arc<Engine>, id: ObjectId) -> Box<dyn Folder> {
    match objects::open_entry(engine, Some(&engine.folder_entry_id(id)), MAPI_MODIFY, true).unwrap()
    {
        Opened::Folder(f) => f,
        _ => panic!("not a folder"),
    }
}

fn get(p: &dyn MapiProp, tag: ULONG) -> Option<PropValue> {
    p.get_props(&[tag]).unwrap().pop().unwrap()
}

fn eid_of(p: &dyn MapiProp) -> Vec<u8> {
    match get(p, PR_ENTRYID) {
        Some(PropValue::Binary(b)) => b,
        other => panic!("no entry ID: {other:?}"),
    }
}

#[test]
fn standard_tree_and_receive_folders() {
    each_backend(|e| {
        let root = folder(&e, folders::ROOT);
        assert_eq!(
            get(&*root, PR_FOLDER_TYPE),
            Some(PropValue::Long(FOLDER_ROOT))
        );
        assert_eq!(get(&*root, PR_PARENT_ENTRYID), get(&*root, PR_ENTRYID));
        assert_eq!(get(&*root, PR_SUBFOLDERS), Some(PropValue::Boolean(true)));
        for class in ["", "IPM", "IPM.Note", "ipm.note.x", "REPORT.IPM"] {
            assert_eq!(
                e.receive_folder(class).unwrap().0,
                folders::INBOX,
                "{class}"
            );
        }
        assert_eq!(
            e.receive_folder("IPC").unwrap(),
            (folders::ROOT, "IPC".into())
        );
        assert_eq!(e.receive_folder("IPMX").unwrap().1, "");
        e.set_receive_folder("IPM.Note", Some(folders::OUTBOX))
            .unwrap();
        assert_eq!(
            e.receive_folder("IPM.Note.Y").unwrap(),
            (folders::OUTBOX, "IPM.Note".into())
        );
        e.set_receive_folder("ipm.note", None).unwrap();
        assert_eq!(e.receive_folder("IPM.Note").unwrap().0, folders::INBOX);
        assert_eq!(
            e.set_receive_folder("", None),
            Err(MapiError::Other(MAPI_E_NO_ACCESS))
        );
        assert_eq!(
            e.set_receive_folder("X", Some(999_999)),
            Err(MapiError::NotFound)
        );
    });
}

#[test]
fn entry_ids_are_checked() {
    each_backend(|e| {
        let id = e.folder_entry_id(folders::INBOX);
        assert_eq!(
            e.parse_entry_id(&id),
            Ok(EntryTarget::Folder(folders::INBOX))
        );
        assert_eq!(e.parse_entry_id(&id[..40]), Err(MapiError::InvalidEntryId));
        let mut other_store = id.clone();
        other_store[25] ^= 1;
        assert_eq!(
            e.parse_entry_id(&other_store),
            Err(MapiError::InvalidEntryId)
        );
        let mut short_term = id.clone();
        short_term[0] = 0x80;
        assert_eq!(
            e.parse_entry_id(&short_term),
            Err(MapiError::InvalidEntryId)
        );
        assert_eq!(
            e.parse_entry_id(&e.store_entry_id()),
            Ok(EntryTarget::Store(1))
        );
        let gone = e.message_entry_id(123_456);
        assert!(matches!(
            objects::open_entry(&e, Some(&gone), 0, true),
            Err(MapiError::NotFound)
        ));
    });
}

#[test]
fn folders_collide_delete_copy_and_move() {
    each_backend(|e| {
        let top = folder(&e, folders::IPM_SUBTREE);
        let a = top
            .create_folder(FOLDER_GENERIC, "A", Some("first"), false)
            .unwrap();
        assert!(matches!(
            top.create_folder(FOLDER_GENERIC, "a", None, false),
            Err(MapiError::Other(MAPI_E_COLLISION))
        ));
        let again = top.create_folder(FOLDER_GENERIC, "A", None, true).unwrap();
        assert_eq!(eid_of(&*again), eid_of(&*a));
        let b = a.create_folder(FOLDER_GENERIC, "B", None, false).unwrap();
        let m = a.create_message(false).unwrap();
        m.save_changes(0).unwrap();
        let a_id = eid_of(&*a);
        let b_id = eid_of(&*b);
        assert!(matches!(
            top.delete_folder(&a_id, DEL_MESSAGES),
            Err(MapiError::Other(MAPI_E_HAS_FOLDERS))
        ));
        assert!(matches!(
            top.delete_folder(&a_id, DEL_FOLDERS),
            Err(MapiError::Other(MAPI_E_HAS_MESSAGES))
        ));
        // Cycle: A into its own child B.
        assert!(matches!(
            top.copy_folder(&a_id, &b_id, None, FOLDER_MOVE),
            Err(MapiError::Other(MAPI_E_FOLDER_CYCLE))
        ));
        // Deep copy under Inbox, then the original still has its contents.
        let inbox = e.folder_entry_id(folders::INBOX);
        top.copy_folder(&a_id, &inbox, Some("A copy"), COPY_SUBFOLDERS)
            .unwrap();
        let inbox_f = folder(&e, folders::INBOX);
        assert_eq!(
            get(&*inbox_f, PR_SUBFOLDERS),
            Some(PropValue::Boolean(true))
        );
        assert_eq!(e.counts(folders::INBOX).unwrap().folders, 1);
        top.delete_folder(&a_id, DEL_FOLDERS | DEL_MESSAGES)
            .unwrap();
        assert!(matches!(
            e.folder(e.parse_folder(&b_id).unwrap()),
            Err(MapiError::NotFound)
        ));
        // The standard folders stay.
        assert!(matches!(
            top.delete_folder(&inbox, DEL_FOLDERS | DEL_MESSAGES),
            Err(MapiError::Other(MAPI_E_NO_ACCESS))
        ));
    });
}

#[test]
fn messages_are_transacted_and_computed_props_read_only() {
    each_backend(|e| {
        let inbox = folder(&e, folders::INBOX);
        let m = inbox.create_message(false).unwrap();
        let problems = m
            .set_props(vec![
                (0, PR_SUBJECT_W, PropValue::String("hello".into())),
                (1, PR_ENTRYID, PropValue::Binary(vec![1])),
                (
                    2,
                    PROP_TAG(PT_MV_LONG, 0x6601),
                    PropValue::MvLong(vec![1, 2]),
                ),
            ])
            .unwrap();
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].index, problems[0].scode), (1, MAPI_E_COMPUTED));
        m.modify_recipients(
            0,
            vec![
                vec![(PR_DISPLAY_NAME_W, PropValue::String("Ann".into()))],
                vec![
                    (PR_DISPLAY_NAME_W, PropValue::String("Bob".into())),
                    (PR_RECIPIENT_TYPE, PropValue::Long(MAPI_CC)),
                ],
            ],
        )
        .unwrap();
        assert_eq!(
            get(&*m, PR_DISPLAY_TO_W),
            Some(PropValue::String("Ann".into()))
        );
        assert_eq!(
            get(&*m, PR_DISPLAY_CC_W),
            Some(PropValue::String("Bob".into()))
        );
        assert_eq!(
            m.modify_recipients(MODRECIP_REMOVE, vec![vec![(PR_ROWID, PropValue::Long(9))]]),
            Err(MapiError::NotFound)
        );
        let (n, att) = m.create_attach().unwrap();
        att.set_props(vec![(
            0,
            PR_ATTACH_DATA_BIN,
            PropValue::Binary(vec![1, 2, 3]),
        )])
        .unwrap();
        att.save_changes(0).unwrap();
        assert_eq!(
            e.counts(folders::INBOX).unwrap().messages,
            0,
            "not saved yet"
        );
        m.save_changes(KEEP_OPEN_READWRITE).unwrap();
        assert_eq!(e.counts(folders::INBOX).unwrap().messages, 1);
        assert_eq!(e.counts(folders::INBOX).unwrap().unread, 1);
        // An unsaved change is not seen by a second copy.
        m.set_props(vec![(0, PR_SUBJECT_W, PropValue::String("changed".into()))])
            .unwrap();
        let eid = eid_of(&*m);
        let Opened::Message(copy) = objects::open_entry(&e, Some(&eid), MAPI_MODIFY, true).unwrap()
        else {
            panic!()
        };
        assert_eq!(
            get(&*copy, PR_SUBJECT_W),
            Some(PropValue::String("hello".into()))
        );
        assert_eq!(get(&*copy, PR_HASATTACH), Some(PropValue::Boolean(true)));
        assert!(copy.open_attach(n, false).is_ok());
        // The copy saves first: the older one is stale.
        copy.save_changes(0).unwrap();
        assert_eq!(
            m.save_changes(0),
            Err(MapiError::Other(MAPI_E_OBJECT_CHANGED))
        );
        m.save_changes(FORCE_SAVE).unwrap();
        // Without KEEP_OPEN_* the object stays readable only.
        assert_eq!(m.set_props(vec![]), Err(MapiError::Other(MAPI_E_NO_ACCESS)));
        // Read flags, move, delete.
        inbox.set_read_flags(None, 0).unwrap();
        assert_eq!(e.counts(folders::INBOX).unwrap().unread, 0);
        let outbox = e.folder_entry_id(folders::OUTBOX);
        assert!(!inbox.copy_messages(&[&eid], &outbox, MESSAGE_MOVE).unwrap());
        assert_eq!(e.counts(folders::OUTBOX).unwrap().messages, 1);
        assert!(
            inbox.delete_messages(&[&eid], 0).unwrap(),
            "not in Inbox any more: partial"
        );
    });
}

#[test]
fn named_properties_are_stable() {
    each_backend(|e| {
        let g = crate::provider::GuidKey(GUID::new(1, 2, 3, [4; 8]));
        let names = [PropName::Id(g, 7), PropName::String(g, "Keywords".into())];
        let ids = e.ids_from_names(&names, true).unwrap();
        assert!(ids.iter().all(|i| i.is_some_and(|i| i >= 0x8000)));
        assert_eq!(e.ids_from_names(&names, false).unwrap(), ids);
        assert_eq!(
            e.ids_from_names(&[PropName::Id(g, 8)], false).unwrap(),
            vec![None]
        );
        let back = e.names_from_ids(&[ids[0].unwrap(), ids[1].unwrap(), 0x7FFF]);
        assert_eq!(
            back,
            vec![Some(names[0].clone()), Some(names[1].clone()), None]
        );
    });
}

/// A table sorted on an indexed key (delivery time: SQLite answers the
/// order from its index) has the same rows in the same order as the
/// engine's own sort (the in-memory backend), ascending and descending,
/// with ties and missing values; and so after a value the index cannot
/// order (a PT_LONG under the delivery time's ID: the engine sorts).
#[test]
fn indexed_sorts_agree_with_the_engine() {
    let mut orders: Vec<Vec<Vec<Option<PropValue>>>> = Vec::new();
    each_backend(|e| {
        let inbox = folder(&e, folders::INBOX);
        let mut seed = 7u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for i in 0..120u32 {
            let m = inbox.create_message(false).unwrap();
            let mut props = vec![(0, PR_SUBJECT_W, PropValue::String(format!("m{i}")))];
            match next() % 5 {
                0 => {} // no delivery time
                _ => props.push((
                    1,
                    PR_MESSAGE_DELIVERY_TIME,
                    PropValue::SysTime(1_000 + next() % 40), // ties
                )),
            }
            assert!(m.set_props(props).unwrap().is_empty());
            m.save_changes(0).unwrap();
        }
        let run = |e: &Arc<Engine>| {
            let mut seen = Vec::new();
            for descending in [false, true] {
                let t = tables::contents_table(e.clone(), folders::INBOX, false, true).unwrap();
                t.set_columns(vec![PR_SUBJECT_W, PR_MESSAGE_DELIVERY_TIME])
                    .unwrap();
                t.sort(vec![crate::table::SortKey {
                    tag: PR_MESSAGE_DELIVERY_TIME,
                    descending,
                }])
                .unwrap();
                for row in t.query_rows(i32::MAX, false).unwrap() {
                    seen.push(row.into_iter().map(|(_, v)| v).collect());
                }
            }
            seen
        };
        let indexed = run(&e);
        // One value of another type under the delivery time's ID.
        let odd = inbox.create_message(false).unwrap();
        odd.set_props(vec![
            (0, PR_SUBJECT_W, PropValue::String("odd".into())),
            (1, PROP_TAG(PT_LONG, 0x0E06), PropValue::Long(5)),
        ])
        .unwrap();
        odd.save_changes(0).unwrap();
        let mut all = indexed;
        all.extend(run(&e));
        orders.push(all);
    });
    for o in &orders[1..] {
        assert_eq!(o, &orders[0], "a backend's order differs");
    }
}
