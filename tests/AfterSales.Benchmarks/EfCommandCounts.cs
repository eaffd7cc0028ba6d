using System.Collections.Concurrent;
using System.Diagnostics;

namespace AfterSales.Benchmarks;

/// <summary>
/// Counts what EF Core reports through its diagnostic events (SQL commands executed, SaveChanges
/// calls, LINQ queries compiled) and the process's CPU time over a stretch of a run. On a shared
/// machine the wall clock moves by 2×; the work done per ticket does not, so the storm prints both.
/// Each command's text and parameters are kept only when asked: normalizing and copying them for every
/// command took about 6 % of the desk's thread, which the storm then reported as the desk's own.
/// </summary>
internal sealed class EfCommandCounts : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly string[] Counted =
    [
        "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted",
        "Microsoft.EntityFrameworkCore.Update.SaveChangesCompleted",
        "Microsoft.EntityFrameworkCore.Query.QueryCompilationStarting",
    ];

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Count, TimeSpan Duration)> _statements = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Name, object? Value)[]> _parameters = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _subscriptions = [];
    private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    private readonly bool _keepStatements;

    /// <param name="statements">Keep each command's text, count, duration and last parameters (<see cref="TopCommands"/>, <see cref="SqlitePlan"/>).</param>
    public EfCommandCounts(bool statements)
    {
        _keepStatements = statements;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public TimeSpan Cpu => Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;

    public long Commands => _counts.GetValueOrDefault(Counted[0]);

    public long SaveChanges => _counts.GetValueOrDefault(Counted[1]);

    public long Compilations => _counts.GetValueOrDefault(Counted[2]);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => Counted.Contains(name)));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        _counts.AddOrUpdate(value.Key, 1, (_, old) => old + 1);
        if (_keepStatements && value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData executed)
        {
            var text = string.Join(' ', executed.Command.CommandText.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
            _statements.AddOrUpdate(text, (1, executed.Duration), (_, old) => (old.Count + 1, old.Duration + executed.Duration));
            _parameters[text] = [.. executed.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, p.Value))];
        }
    }

    /// <summary>
    /// The most frequent SQL commands, how often each ran and how long its execution took in all (EF Core's
    /// measure: from sending the command to its reader opening, so for a query the database's planning and first rows).
    /// </summary>
    public IEnumerable<(string Command, long Count, TimeSpan Duration)> TopCommands(int n) =>
        _statements.OrderByDescending(s => s.Value.Count).Take(n).Select(s => (s.Key, s.Value.Count, s.Value.Duration));

    /// <summary>The SQL commands that took the most time in all, in full.</summary>
    public IEnumerable<(string Command, long Count, TimeSpan Duration)> SlowestCommands(int n) =>
        _statements.OrderByDescending(s => s.Value.Duration).Take(n).Select(s => (s.Key, s.Value.Count, s.Value.Duration));

    /// <summary>SQLite's plan for a command seen in this run, with the parameters of its last run.</summary>
    public IEnumerable<string> SqlitePlan(string connectionString, string command)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        connection.Open();
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command;
        foreach (var (name, value) in _parameters.GetValueOrDefault(command) ?? [])
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using var reader = explain.ExecuteReader();
        while (reader.Read())
        {
            yield return reader.GetString(3);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
