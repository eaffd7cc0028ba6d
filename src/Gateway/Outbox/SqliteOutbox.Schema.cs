namespace AfterSales.Gateway.Outbox;

internal sealed partial class SqliteOutbox
{
    private static class Schema
    {
        // WAL + synchronous=FULL: every commit is fsync'd before it returns, and readers never block the writer.
        // AUTOINCREMENT so an id is never reused after the newest rows were deleted: ids are the sending order.
        public const string Pragmas = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            PRAGMA journal_size_limit = 4194304;
            """ + CacheSize;

        // Per connection. The outbox only appends at one end and reads and deletes at the other, so a few dozen
        // pages keep every hot page cached; SQLite's default 2 MiB each would grow the gateway's memory after a burst.
        public const string CacheSize = "PRAGMA cache_size = -256;";

        public const string Create = """
            CREATE TABLE IF NOT EXISTS outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                priority INTEGER NOT NULL,
                topic TEXT NOT NULL,
                seq INTEGER NULL,
                payload BLOB NOT NULL,
                size INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS outbox_telemetry ON outbox (priority, id);
            CREATE TABLE IF NOT EXISTS active_faults (
                device_id TEXT NOT NULL,
                fault TEXT NOT NULL,
                PRIMARY KEY (device_id, fault)) WITHOUT ROWID;
            """;

        // Kept in the transaction that takes the event, so after any crash it is exactly what the events taken say.
        public const string RaiseActive = "INSERT OR IGNORE INTO active_faults (device_id, fault) VALUES ($device, $fault);";

        public const string ClearActive = "DELETE FROM active_faults WHERE device_id = $device AND fault = $fault;";

        public const string ReadActive = "SELECT device_id, fault FROM active_faults ORDER BY device_id, fault;";

        public const string Insert = """
            INSERT INTO outbox (priority, topic, seq, payload, size) VALUES ($priority, $topic, $seq, $payload, $size) RETURNING id;
            """;

        public const string ReadBatch = "SELECT id, priority, topic, seq, payload, size FROM outbox WHERE id > $after ORDER BY id LIMIT $limit;";

        public const string DeleteThrough = "DELETE FROM outbox WHERE id <= $through RETURNING size, priority;";

        public const string OldestTelemetry = "SELECT id, size FROM outbox WHERE priority = 2 AND id > $after ORDER BY id;";

        public const string Totals = """
            SELECT COUNT(*), COALESCE(SUM(size), 0), COALESCE(SUM(CASE WHEN priority = 2 THEN size ELSE 0 END), 0),
                   COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)
            FROM outbox;
            """;
    }
}
