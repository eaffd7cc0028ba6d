using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Uplink;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using Microsoft.Data.Sqlite;

namespace AfterSales.Gateway.Outbox;

/// <summary>
/// The durable outbox: a SQLite database in WAL mode with <c>synchronous=FULL</c>, so a message
/// counts as taken only once its commit is fsync'd, and a power cut leaves either the whole row or
/// nothing. Rows leave in id order, and only after the broker acknowledged them: acknowledgements
/// are deleted in batches, since a lost deletion only means a resend the cloud drops by eventId.
/// </summary>
internal sealed partial class SqliteOutbox : IEventQueue, IUplinkOutbox, IDisposable
{
    public const string FileName = "outbox.db";

    /// <summary>Acknowledged rows deleted in one transaction; also deleted whenever the uplink goes idle.</summary>
    public const int AckFlushBatch = 256;

    private const int SqliteFull = 13;

    // Three locks so acknowledgements never wait behind an fsync: _write serialises the writer
    // connection (insert, evict, delete), _read the reader connection (WAL lets it read meanwhile),
    // and _lock only guards the counters below. Order when nested: _write, then _lock.
    private readonly Lock _write = new();
    private readonly Lock _read = new();
    private readonly Lock _lock = new();
    private readonly SqliteConnection _db;
    private readonly SqliteConnection _reader;
    private readonly OutboxBudget _budget;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _readBatch;
    private readonly SqliteCommand _deleteAcked;
    private readonly SqliteCommand _raiseActive;
    private readonly SqliteCommand _clearActive;
    private TaskCompletionSource _newEntry = NewSignal();
    private long _rows;
    private long _storedBytes;
    private long _telemetryBytes;
    private long _lastId;
    private long _ackedThrough;
    private long _ackedRows;
    private long _ackedBytes;
    private bool _full;
    private bool _disposed;

    public SqliteOutbox(string stateDirectory, OutboxBudget budget)
    {
        Directory.CreateDirectory(stateDirectory);
        FilePath = Path.Combine(stateDirectory, FileName);
        _budget = budget;
        var connection = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString();
        _db = new SqliteConnection(connection);
        _reader = new SqliteConnection(connection);
        try
        {
            _db.Open();
            Execute(Schema.Pragmas + Schema.Create);
            _reader.Open();
            using (var cache = _reader.CreateCommand())
            {
                cache.CommandText = Schema.CacheSize;
                cache.ExecuteNonQuery();
            }

            _insert = Command(_db, Schema.Insert, "$priority", "$topic", "$seq", "$payload", "$size");
            _readBatch = Command(_reader, Schema.ReadBatch, "$after", "$limit");
            _deleteAcked = Command(_db, Schema.DeleteThrough, "$through");
            _raiseActive = Command(_db, Schema.RaiseActive, "$device", "$fault");
            _clearActive = Command(_db, Schema.ClearActive, "$device", "$fault");
            LoadTotals();
        }
        catch
        {
            _reader.Dispose();
            _db.Dispose();
            throw;
        }
    }

    /// <summary>Raised with true when the outbox refuses an event, and with false once it has room again.</summary>
    public event Action<bool>? FullChanged;

    public string FilePath { get; }

    public long MaxBytes => _budget.MaxBytes;

    /// <summary>Entries taken and not yet acknowledged by the broker: the heartbeat's outbox depth.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return (int)(_rows - _ackedRows);
            }
        }
    }

    public long LiveBytes
    {
        get
        {
            lock (_lock)
            {
                return _storedBytes - _ackedBytes;
            }
        }
    }

    public bool IsFull
    {
        get
        {
            lock (_lock)
            {
                return _full;
            }
        }
    }

    public void Enqueue(FaultEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var priority = value.Fault == FaultCodes.GatewayOutboxFull ? OutboxPriority.Alarm : OutboxPriority.Event;
        Add(priority, MqttTopics.Events(value.SiteId), value.Seq, PayloadCodec.Encode(value), value);
    }

    /// <summary>The faults whose latest event taken is a raise: what the cloud has been, or is about to be, told is active.</summary>
    public IReadOnlyCollection<(string DeviceId, string Fault)> ActiveFaults()
    {
        lock (_write)
        {
            using var read = _db.CreateCommand();
            read.CommandText = Schema.ReadActive;
            using var reader = read.ExecuteReader();
            var active = new List<(string, string)>();
            while (reader.Read())
            {
                active.Add((reader.GetString(0), reader.GetString(1)));
            }

            return active;
        }
    }

    /// <summary>Keeps a metric for later delivery; the first thing given up when the budget runs short.</summary>
    public void EnqueueTelemetry(string topic, byte[] payload) => Add(OutboxPriority.Telemetry, topic, null, payload, fault: null);

    /// <summary>The oldest entries not yet acknowledged, in order.</summary>
    public IReadOnlyList<StoredEntry> ReadBatch(int max)
    {
        long after;
        lock (_lock)
        {
            after = _ackedThrough;
        }

        lock (_read)
        {
            _readBatch.Parameters["$after"].Value = after;
            _readBatch.Parameters["$limit"].Value = max;
            var entries = new List<StoredEntry>(Math.Min(max, 256));
            using var reader = _readBatch.ExecuteReader();
            while (reader.Read())
            {
                entries.Add(new StoredEntry(
                    reader.GetInt64(0),
                    (OutboxPriority)reader.GetInt32(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    (byte[])reader.GetValue(4),
                    reader.GetInt64(5)));
            }

            return entries;
        }
    }

    IReadOnlyList<OutboxEntry> IUplinkOutbox.ReadBatch(int max) => ReadBatch(max);

    /// <summary>Records the broker's PUBACK for the oldest unacknowledged entry.</summary>
    public void Acknowledge(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        bool? fullChanged;
        bool flush;
        lock (_lock)
        {
            if (entry.Id <= _ackedThrough)
            {
                throw new InvalidOperationException($"Entry {entry.Id} was acknowledged before.");
            }

            _ackedThrough = entry.Id;
            _ackedRows++;
            _ackedBytes += entry.Size;
            flush = _ackedRows >= AckFlushBatch;
            fullChanged = UpdateFull(refused: false);
        }

        if (flush)
        {
            Flush();
        }

        Notify(fullChanged);
    }

    /// <summary>Deletes acknowledged rows now; the uplink calls it when the backlog is drained and at shutdown.</summary>
    public void Flush()
    {
        lock (_write)
        {
            try
            {
                DeleteAcknowledged();
            }
            catch (SqliteException ex)
            {
                // The acknowledgements stay counted and the deletion is tried again at the next flush;
                // at worst a restart resends those events, which the cloud drops by eventId.
                LogDeleteFailed(ex.Message);
            }
        }
    }

    /// <summary>Completes when there is an entry not yet acknowledged.</summary>
    public Task WaitForEntriesAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_lastId > _ackedThrough)
            {
                return Task.CompletedTask;
            }

            if (_newEntry.Task.IsCompleted)
            {
                _newEntry = NewSignal();
            }

            return _newEntry.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        lock (_write)
        lock (_read)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;

            // A checkpoint now keeps the next start from replaying a long WAL; failure here costs nothing.
            try
            {
                DeleteAcknowledged();
                Execute("PRAGMA wal_checkpoint(TRUNCATE);");
            }
            catch (SqliteException)
            {
            }

            _insert.Dispose();
            _readBatch.Dispose();
            _deleteAcked.Dispose();
            _raiseActive.Dispose();
            _clearActive.Dispose();
            _reader.Dispose();
            _db.Dispose();
        }
    }

    private void Add(OutboxPriority priority, string topic, long? seq, byte[] payload, FaultEvent? fault)
    {
        var size = OutboxBudget.SizeOf(topic, payload.Length);
        bool? fullChanged;
        OutboxFullException? refusal;
        lock (_write)
        {
            BudgetDecision decision;
            long live;
            lock (_lock)
            {
                live = _storedBytes - _ackedBytes;
                decision = _budget.Decide(priority, size, live, _telemetryBytes);
            }

            refusal = decision.Admit
                ? TryInsert(priority, topic, seq, payload, size, decision.EvictTelemetryBytes, fault)
                : new OutboxFullException($"the outbox holds {live} bytes of its {_budget.MaxBytes}-byte budget (outbox.maxBytes) and has no telemetry left to drop");
            lock (_lock)
            {
                fullChanged = UpdateFull(refused: refusal is not null && priority != OutboxPriority.Telemetry);
            }
        }

        Notify(fullChanged);
        if (refusal is not null)
        {
            throw refusal;
        }
    }

    private OutboxFullException? TryInsert(OutboxPriority priority, string topic, long? seq, byte[] payload, long size, long evictBytes, FaultEvent? fault)
    {
        using var transaction = _db.BeginTransaction();
        try
        {
            var evicted = evictBytes > 0 ? EvictTelemetry(transaction, evictBytes) : (Rows: 0L, Bytes: 0L);
            _insert.Transaction = transaction;
            _insert.Parameters["$priority"].Value = (int)priority;
            _insert.Parameters["$topic"].Value = topic;
            _insert.Parameters["$seq"].Value = seq is { } s ? s : DBNull.Value;
            _insert.Parameters["$payload"].Value = payload;
            _insert.Parameters["$size"].Value = size;
            var id = (long)_insert.ExecuteScalar()!;
            if (fault is not null)
            {
                var active = fault.State == FaultState.Raised ? _raiseActive : _clearActive;
                active.Transaction = transaction;
                active.Parameters["$device"].Value = fault.DeviceId;
                active.Parameters["$fault"].Value = fault.Fault;
                active.ExecuteNonQuery();
            }

            transaction.Commit();
            lock (_lock)
            {
                _rows += 1 - evicted.Rows;
                _storedBytes += size - evicted.Bytes;
                _telemetryBytes += (priority == OutboxPriority.Telemetry ? size : 0) - evicted.Bytes;
                _lastId = id;
                _newEntry.TrySetResult();
            }

            return null;
        }
        catch (SqliteException ex)
        {
            // The transaction rolls back: everything committed before stays, this message is not taken.
            transaction.Rollback();
            var what = ex.SqliteErrorCode == SqliteFull ? "the disk holding it is full" : $"writing it failed ({ex.Message})";
            return new OutboxFullException($"{FilePath}: {what}", ex);
        }
    }

    private (long Rows, long Bytes) EvictTelemetry(SqliteTransaction transaction, long bytes)
    {
        // Oldest telemetry first, never a row already sent and waiting for deletion.
        using var select = Command(_db, Schema.OldestTelemetry, "$after");
        select.Transaction = transaction;
        lock (_lock)
        {
            select.Parameters["$after"].Value = _ackedThrough;
        }

        var ids = new List<long>();
        long freed = 0;
        using (var reader = select.ExecuteReader())
        {
            while (freed < bytes && reader.Read())
            {
                ids.Add(reader.GetInt64(0));
                freed += reader.GetInt64(1);
            }
        }

        using var delete = _db.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = $"DELETE FROM outbox WHERE id IN ({string.Join(',', ids)});";
        delete.ExecuteNonQuery();
        LogEvicted(ids.Count, freed);
        return (ids.Count, freed);
    }

    /// <summary>Under <see cref="_write"/>.</summary>
    private void DeleteAcknowledged()
    {
        long through, ackedRows, ackedBytes;
        lock (_lock)
        {
            (through, ackedRows, ackedBytes) = (_ackedThrough, _ackedRows, _ackedBytes);
        }

        if (ackedRows == 0)
        {
            return;
        }

        _deleteAcked.Parameters["$through"].Value = through;
        long rows = 0, bytes = 0, telemetry = 0;
        using (var reader = _deleteAcked.ExecuteReader())
        {
            while (reader.Read())
            {
                rows++;
                bytes += reader.GetInt64(0);
                telemetry += reader.GetInt32(1) == (int)OutboxPriority.Telemetry ? reader.GetInt64(0) : 0;
            }
        }

        // Exact figures from what was really deleted, so the totals never drift; acknowledgements
        // that arrived meanwhile (ids above "through") stay counted as pending.
        lock (_lock)
        {
            _rows -= rows;
            _storedBytes -= bytes;
            _telemetryBytes -= telemetry;
            _ackedRows -= ackedRows;
            _ackedBytes -= ackedBytes;
        }
    }

    private bool? UpdateFull(bool refused)
    {
        var wasFull = _full;
        if (refused)
        {
            _full = true;
        }
        else if (_full && _budget.HasRoomAgain(_storedBytes - _ackedBytes))
        {
            _full = false;
        }

        return wasFull == _full ? null : _full;
    }

    private void Notify(bool? fullChanged)
    {
        if (fullChanged is { } full)
        {
            FullChanged?.Invoke(full);
        }
    }

    private void LoadTotals()
    {
        using var totals = _db.CreateCommand();
        totals.CommandText = Schema.Totals;
        using var reader = totals.ExecuteReader();
        reader.Read();
        _rows = reader.GetInt64(0);
        _storedBytes = reader.GetInt64(1);
        _telemetryBytes = reader.GetInt64(2);
        _lastId = reader.GetInt64(3);
    }

    private void Execute(string sql)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
