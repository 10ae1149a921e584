// The database schema as an ordered list of migrations, applied by
// PRAGMA user_version: version N is reached by running migrations 1..N in
// order, each in its own transaction. To change the schema, append a
// migration to kMigrations in schema.cc; never edit one that has shipped.
#ifndef GUILLEMET_DB_SCHEMA_H_
#define GUILLEMET_DB_SCHEMA_H_

#include "db/sqlite.h"
#include "guillemet/guillemet.h"

namespace guillemet::db {

// The version a database has once every migration of this build has run.
int LatestSchemaVersion();

// Brings the database to LatestSchemaVersion(). Safe against another
// process migrating at the same time (each step re-reads the version inside
// its write transaction). Fails, changing nothing, on a file whose version
// is newer than this build knows or that holds tables but no version (not a
// guillemet database). On success *version is the final version.
Status Migrate(Connection* db, int* version);

// For read-only connections: succeeds only when the schema is current.
Status CheckSchema(Connection* db, int* version);

}  // namespace guillemet::db

#endif  // GUILLEMET_DB_SCHEMA_H_
