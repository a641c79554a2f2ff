import GRDB
import GRDBSQLite

/// The SQLite authorizer of a knowledge base's connection once it is open and migrated:
/// every statement is allowed, and a statement that creates, alters or drops part of the
/// schema makes GRDB forget its schema cache.
///
/// GRDB's own authorizer records, while each statement compiles, every table and column
/// it reads and every change it makes, for database observation (`ValueObservation`,
/// transaction observers) — which kgsh does not use. That bookkeeping builds Swift
/// strings and sets for each column of each statement: 1.6 M of the 18 M instructions of
/// a one-shot `show`, and a share of every first query of a process. Of what GRDB learns
/// from its authorizer, only the schema cache matters without observers; the migrations
/// run before this authorizer replaces GRDB's, so they see GRDB's unchanged behaviour.
///
/// What kgsh gives up: GRDB's observation features on these connections (a
/// `ValueObservation` would never see a change). `LightAuthorizerTests` checks that the
/// schema cache still follows schema changes and that statements still compile and run.
enum LightAuthorizer {
  /// Replaces GRDB's authorizer on this connection. SQLite expires the statements prepared
  /// so far; they are prepared again on their next use.
  static func install(on db: Database) {
    // The connection belongs to `db` and is closed before `db` goes away, so the callback
    // never sees a freed object (GRDB passes its own authorizer the same way).
    sqlite3_set_authorizer(db.sqliteConnection, authorize, Unmanaged.passUnretained(db).toOpaque())
  }

  /// Whether an authorizer action code changes the schema, as GRDB's authorizer counts them.
  static func changesSchema(_ code: Int32) -> Bool {
    switch code {
    case SQLITE_CREATE_INDEX, SQLITE_CREATE_TABLE, SQLITE_CREATE_TEMP_INDEX, SQLITE_CREATE_TEMP_TABLE,
      SQLITE_CREATE_TEMP_TRIGGER, SQLITE_CREATE_TEMP_VIEW, SQLITE_CREATE_TRIGGER, SQLITE_CREATE_VIEW,
      SQLITE_CREATE_VTABLE, SQLITE_DROP_INDEX, SQLITE_DROP_TABLE, SQLITE_DROP_TEMP_INDEX, SQLITE_DROP_TEMP_TABLE,
      SQLITE_DROP_TEMP_TRIGGER, SQLITE_DROP_TEMP_VIEW, SQLITE_DROP_TRIGGER, SQLITE_DROP_VIEW, SQLITE_DROP_VTABLE,
      SQLITE_ALTER_TABLE, SQLITE_ATTACH, SQLITE_DETACH:
      return true
    default:
      return false
    }
  }

  private static let authorize:
    @convention(c) (
      UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
      UnsafePointer<CChar>?
    ) -> Int32 = { context, code, _, _, _, _ in
      // Reads, the most frequent call by far, return at once.
      if code != SQLITE_READ, changesSchema(code), let context {
        Unmanaged<Database>.fromOpaque(context).takeUnretainedValue().clearSchemaCache()
      }
      return SQLITE_OK
    }
}
