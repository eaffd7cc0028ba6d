using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AfterSales.Cloud.Storage;

/// <summary>
/// Keeps SQLite's compiled statements for as long as a connection is open. EF Core makes a new
/// command for every query and every save, and Microsoft.Data.Sqlite compiles a command's SQL
/// afresh each time (sqlite3_prepare), although the desk runs the same two dozen statements for every
/// ticket; kept, a storm's tickets open about 15 % faster (docs/benchmarks.md, the desk's third pass).
/// Here the command EF made is swapped for one kept per connection and SQL text, which holds its
/// compiled statements between runs; its parameters are the ones EF just bound. Closing the
/// connection finalizes every statement, as before.
/// </summary>
internal sealed class SqliteStatementReuse : DbCommandInterceptor
{
    /// <summary>Distinct SQL texts kept per connection; the desk's hot path uses about thirty.</summary>
    private const int MaxKeptPerConnection = 128;

    private readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, KeptCommand>> _kept = [];

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result is not SqliteCommand made || made is KeptCommand || made.Connection is not { } connection)
        {
            return result;
        }

        var kept = _kept.GetOrCreateValue(connection);
        if (!kept.TryGetValue(made.CommandText, out var command))
        {
            if (kept.Count >= MaxKeptPerConnection)
            {
                return result;
            }

            command = new KeptCommand(made.CommandText, connection, kept);
            kept.Add(made.CommandText, command);
        }
        else if (command.InUse)
        {
            // The same SQL is still reading (a query nested in another's enumeration): this run gets its own.
            return result;
        }

        command.TakeOver(made);
        return command;
    }

    /// <summary>
    /// A command that survives EF's dispose: it is handed back, statements compiled, for the next run of
    /// its SQL. Any other dispose — the connection closing disposes every command of its own — is a real one.
    /// </summary>
    private sealed class KeptCommand : SqliteCommand
    {
        private readonly Dictionary<string, KeptCommand> _kept;

        public KeptCommand(string commandText, SqliteConnection connection, Dictionary<string, KeptCommand> kept)
            : base(commandText, connection)
        {
            _kept = kept;
        }

        public bool InUse { get; private set; }

        /// <summary>The run EF prepared: its transaction, timeout and bound parameters, on this command's compiled SQL.</summary>
        public void TakeOver(SqliteCommand made)
        {
            Transaction = made.Transaction;
            CommandTimeout = made.CommandTimeout;
            Parameters.Clear();
            foreach (SqliteParameter parameter in made.Parameters)
            {
                Parameters.Add(parameter);
            }

            made.Parameters.Clear();
            made.Dispose();
            InUse = true;
        }

        protected override void Dispose(bool disposing)
        {
            Parameters.Clear();
            if (InUse && DataReader is null)
            {
                // EF is done with this run (its reader, if any, is closed): keep it for the next.
                InUse = false;
                return;
            }

            InUse = false;
            _kept.Remove(CommandText);
            base.Dispose(disposing);
        }
    }
}
