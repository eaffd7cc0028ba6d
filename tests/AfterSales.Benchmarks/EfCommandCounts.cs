using System.Collections.Concurrent;
using System.Diagnostics;

namespace AfterSales.Benchmarks;

/// <summary>
/// Counts what EF Core reports through its diagnostic events (SQL commands executed, SaveChanges
/// calls, LINQ queries compiled) and the process's CPU time over a stretch of a run. On a shared
/// machine the wall clock moves by 2×; the work done per ticket does not, so the storm prints both.
/// </summary>
internal sealed class EfCommandCounts : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly string[] Counted =
    [
        "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted",
        "Microsoft.EntityFrameworkCore.ChangeTracking.SaveChangesCompleted",
        "Microsoft.EntityFrameworkCore.Query.QueryCompilationStarting",
    ];

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _statements = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _subscriptions = [];
    private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    public EfCommandCounts() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

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
        if (value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData executed)
        {
            var text = string.Join(' ', executed.Command.CommandText.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
            _statements.AddOrUpdate(text.Length > 110 ? text[..110] : text, 1, (_, old) => old + 1);
        }
    }

    /// <summary>The most frequent SQL commands (their first words) and how often each ran.</summary>
    public IEnumerable<(string Command, long Count)> TopCommands(int n) =>
        _statements.OrderByDescending(s => s.Value).Take(n).Select(s => (s.Key, s.Value));

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
