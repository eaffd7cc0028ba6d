using System.Data.Common;
using AfterSales.Cloud.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace AfterSales.Cloud.Ingest;

/// <summary>
/// The group commit's write, below EF Core: every acknowledgement waits for it, and EF's change
/// tracking, command building and reading back each new id cost more CPU than the insert itself
/// (docs/benchmarks.md, "Intake CPU"). On SQLite one prepared INSERT is run for each row in one
/// transaction; on PostgreSQL the rows go in with one binary COPY, which commits as one transaction
/// (<c>synchronous_commit</c> stays on, so it is durable when it returns). Columns, names and value
/// conversions are read from the EF model, so the row is exactly what EF would have written and
/// what the worker reads back.
/// </summary>
internal sealed class InboxAppendStore
{
    private readonly Column[] _columns;
    private readonly string _table;

    public InboxAppendStore(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entity = model.FindEntityType(typeof(InboxEvent)) ?? throw new InvalidOperationException("The model has no inbox table.");
        _table = entity.GetTableName()!;
        var table = StoreObjectIdentifier.Table(_table, entity.GetSchema());
        _columns = [.. entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p =>
            new Column(p.GetColumnName(table)!, p.PropertyInfo!.GetValue, p.GetTypeMapping().Converter))];
    }

    /// <summary>Commits every event in one transaction, or none of them.</summary>
    public async Task AppendAsync(CloudDb db, IReadOnlyCollection<InboxEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        await db.Database.OpenConnectionAsync(cancellationToken);
        switch (db.Database.GetDbConnection())
        {
            case SqliteConnection sqlite:
                AppendSqlite(sqlite, events);
                break;
            case NpgsqlConnection postgres:
                await AppendPostgresAsync(postgres, events, cancellationToken);
                break;
            default:
                throw new NotSupportedException($"No inbox append for {db.Database.ProviderName}.");
        }
    }

    private void AppendSqlite(SqliteConnection connection, IReadOnlyCollection<InboxEvent> events)
    {
        // Microsoft.Data.Sqlite's work is synchronous whatever the call; the async forms only add allocations.
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"{_table}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", _columns.Select((_, i) => $"$p{i}"))})";
        var parameters = _columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        insert.Prepare();
        foreach (var row in events)
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                parameters[i].Value = _columns[i].ProviderValue(row) ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private async Task AppendPostgresAsync(NpgsqlConnection connection, IReadOnlyCollection<InboxEvent> events, CancellationToken cancellationToken)
    {
        // Outside a transaction a COPY is one: all rows or none, committed when it completes.
        var copy = $"COPY \"{_table}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in events)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in _columns)
            {
                await WriteAsync(importer, column.ProviderValue(row), cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken cancellationToken) => value switch
    {
        null => importer.WriteNullAsync(cancellationToken),
        string text => importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
        long number => importer.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken),
        DateTimeOffset time => importer.WriteAsync(time.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken),
        byte[] bytes => importer.WriteAsync(bytes, NpgsqlDbType.Bytea, cancellationToken),
        _ => throw new NotSupportedException($"An inbox column of type {value.GetType().Name} has no COPY writer; add it here."),
    };

    private sealed record Column(string Name, Func<object?, object?> Get, ValueConverter? Converter)
    {
        public object? ProviderValue(InboxEvent row)
        {
            var value = Get(row);
            return value is null || Converter is null ? value : Converter.ConvertToProvider(value);
        }
    }
}
