//! Interface identifiers (`mapiguid.h`, `objidl.h`): every MAPI IID reads
//! `{xxxxxxxx-0000-0000-C000-000000000046}`, and so do the OLE ones here
//! (`IUnknown`, `IMalloc`, `IStream`, `IStorage`).
#![allow(non_upper_case_globals)]

use super::types::IID;

/// `IID_IUnknown` `{00000000-0000-0000-C000-000000000046}`.
pub const IID_IUnknown: IID = IID::mapi(0x0000_0000);
/// `IID_IMSLogon` `{00020313-0000-0000-C000-000000000046}`.
pub const IID_IMSLogon: IID = IID::mapi(0x0002_0313);
/// `IID_IMSProvider` `{00020310-0000-0000-C000-000000000046}`.
pub const IID_IMSProvider: IID = IID::mapi(0x0002_0310);
/// `IID_IMAPISup` `{0002030F-0000-0000-C000-000000000046}`.
pub const IID_IMAPISup: IID = IID::mapi(0x0002_030F);
/// `IID_IMsgStore` `{00020306-0000-0000-C000-000000000046}`.
pub const IID_IMsgStore: IID = IID::mapi(0x0002_0306);
/// `IID_IMAPIProp` `{00020303-0000-0000-C000-000000000046}`.
pub const IID_IMAPIProp: IID = IID::mapi(0x0002_0303);
/// `IID_IMAPIStatus` `{00020305-0000-0000-C000-000000000046}`, as in
/// MinGW-w64's and Microsoft's `mapiguid.h` (`{0002031E-...}` is
/// `IID_IMAPISpoolerService`).
pub const IID_IMAPIStatus: IID = IID::mapi(0x0002_0305);
/// `IID_IMAPIAdviseSink` `{00020302-0000-0000-C000-000000000046}`.
pub const IID_IMAPIAdviseSink: IID = IID::mapi(0x0002_0302);
/// `IID_IMalloc` `{00000002-0000-0000-C000-000000000046}` (`objidl.h`).
pub const IID_IMalloc: IID = IID::mapi(0x0000_0002);
/// `IID_IMAPITable` `{00020301-0000-0000-C000-000000000046}`.
pub const IID_IMAPITable: IID = IID::mapi(0x0002_0301);
/// `IID_IMessage` `{00020307-0000-0000-C000-000000000046}`.
pub const IID_IMessage: IID = IID::mapi(0x0002_0307);
/// `IID_IAttachment` `{00020308-0000-0000-C000-000000000046}`: MAPI's name
/// for the IID of `IAttach`.
pub const IID_IAttachment: IID = IID::mapi(0x0002_0308);
/// `IID_IMAPIContainer` `{0002030B-0000-0000-C000-000000000046}`.
pub const IID_IMAPIContainer: IID = IID::mapi(0x0002_030B);
/// `IID_IMAPIFolder` `{0002030C-0000-0000-C000-000000000046}`.
pub const IID_IMAPIFolder: IID = IID::mapi(0x0002_030C);
/// `IID_ISequentialStream` `{0C733A30-2A1C-11CE-ADE5-00AA0044773D}`
/// (`objidl.h`): what `IStream` derives from.
pub const IID_ISequentialStream: IID = IID::new(
    0x0C73_3A30,
    0x2A1C,
    0x11CE,
    [0xAD, 0xE5, 0x00, 0xAA, 0x00, 0x44, 0x77, 0x3D],
);
/// `IID_IStream` `{0000000C-0000-0000-C000-000000000046}` (`objidl.h`).
pub const IID_IStream: IID = IID::mapi(0x0000_000C);
/// `IID_IStorage` `{0000000B-0000-0000-C000-000000000046}` (`objidl.h`).
pub const IID_IStorage: IID = IID::mapi(0x0000_000B);
/// `IID_IProfSect` `{00020304-0000-0000-C000-000000000046}`: a profile
/// section.
pub const IID_IProfSect: IID = IID::mapi(0x0002_0304);
/// `IID_IProviderAdmin` `{00020325-0000-0000-C000-000000000046}`.
pub const IID_IProviderAdmin: IID = IID::mapi(0x0002_0325);
