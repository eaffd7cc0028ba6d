using System.Globalization;
using System.Text.RegularExpressions;

namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// What the gateway said it took, read from its log as it runs: a "queued" line is written only after
/// the outbox committed the event, so every seq listed here must reach the cloud or stay in the outbox.
/// </summary>
internal sealed partial class BurstLedger
{
    private readonly Lock _lock = new();
    private readonly HashSet<long> _taken = [];
    private readonly HashSet<long> _refused = [];
    private int _connected;
    private int _burstsDone;
    private int _outboxFullRaised;

    public void Observe(string line)
    {
        lock (_lock)
        {
            if (QueuedLine().Match(line) is { Success: true } queued)
            {
                _taken.Add(long.Parse(queued.Groups[1].ValueSpan, CultureInfo.InvariantCulture));
            }
            else if (RefusedLine().Match(line) is { Success: true } refused)
            {
                _refused.Add(long.Parse(refused.Groups[1].ValueSpan, CultureInfo.InvariantCulture));
            }
            else if (line.Contains("Connected to broker", StringComparison.Ordinal))
            {
                _connected++;
            }
            else if (line.Contains("Burst done", StringComparison.Ordinal))
            {
                _burstsDone++;
            }
            else if (line.Contains("gateway.outbox_full raised: the outbox reached", StringComparison.Ordinal))
            {
                _outboxFullRaised++;
            }
        }
    }

    public int Connected => Read(() => _connected);

    public int BurstsDone => Read(() => _burstsDone);

    public int OutboxFullRaised => Read(() => _outboxFullRaised);

    public IReadOnlySet<long> Taken => Read(() => (IReadOnlySet<long>)_taken.ToHashSet());

    public IReadOnlySet<long> Refused => Read(() => (IReadOnlySet<long>)_refused.ToHashSet());

    private T Read<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }

    [GeneratedRegex(@"Fault zone\.trouble (?:raised|cleared) on burst-\d\d, seq (\d+) queued$")]
    private static partial Regex QueuedLine();

    [GeneratedRegex(@"OUTBOX FULL: fault zone\.trouble \w+ on burst-\d\d \(seq (\d+)\) was NOT queued")]
    private static partial Regex RefusedLine();
}
