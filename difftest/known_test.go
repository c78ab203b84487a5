package difftest

// knownDifference is a way the real server here differs from a
// Postgres-backed production server, because of its SQLite database. The
// harness reports these and does not count them.
type knownDifference struct {
	name  string
	what  string
	where string // the server code that explains it
}

var knownDifferences = []knownDifference{
	{
		name:  "naive-timestamps",
		what:  "SQLite returns timestamps without a time zone (2025-01-24T18:03:11); Postgres columns are timestamptz and come back with +00:00",
		where: "orm/sqlalchemy_base.py (CommonSqlalchemyMetaMixins.created_at: DateTime(timezone=True), which SQLite stores naive)",
	},
	{
		name:  "created-at-ties",
		what:  "SQLite stores created_at to the second, so rows created in the same second tie and are ordered by their random id",
		where: "orm/sqlalchemy_base.py:SqlalchemyBase.list (order_by created_at, id)",
	},
	{
		name:  "sqlite-text-cursor",
		what:  "SQLite compares created_at as text, its stored one-second value (2025-01-24 18:03:11) against a bound parameter with microseconds (2025-01-24 18:03:11.000000): a before= cursor lists the rows of its own second, itself included, and an after= cursor skips them",
		where: "orm/sqlalchemy_base.py:SqlalchemyBase.list (created_at < before_obj.created_at, created_at > after_obj.created_at) and server/server.py:SyncServer.get_agent_recall (start_date, end_date)",
	},
	{
		name:  "unique-violation-500",
		what:  "a unique constraint violation (a tool name taken, a block label in use on an agent) is a plain-text 500 on SQLite; with Postgres it is a 409 where the route catches UniqueConstraintViolationError (tools.create_tool) and the generic JSON 500 elsewhere",
		where: "server/server.py:db_error_handler (wraps every SQLite connection and exits on any database error, before orm/sqlalchemy_base.py:SqlalchemyBase._handle_dbapi_error can map it)",
	},
}
